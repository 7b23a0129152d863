namespace RocketChat.Livechat.Realtime;

/// <summary>A successful DDP login: the user, its resume token (also valid as X-Auth-Token over REST) and when it expires.</summary>
/// <remarks>Its <see cref="ToString"/> masks <see cref="Token"/>, so a login that reaches a log does not carry the token.</remarks>
public sealed record RealtimeLogin(string UserId, string Token, DateTimeOffset? TokenExpires)
{
    /// <inheritdoc />
    public override string ToString() => $"RealtimeLogin {{ UserId = {UserId}, Token = ***, TokenExpires = {TokenExpires:O} }}";
}
