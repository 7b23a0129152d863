namespace RocketChat.Contracts.Runtime;

/// <summary>A Rocket.Chat user id and its auth or personal access token, sent as X-User-Id and X-Auth-Token.</summary>
/// <remarks>Not a record on purpose: a record's generated ToString would print the token.</remarks>
public sealed class RocketChatCredentials
{
    /// <summary>Creates credentials from a user id and an auth token (login token or personal access token).</summary>
    public RocketChatCredentials(string userId, string authToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(authToken);
        UserId = userId;
        AuthToken = authToken;
    }

    /// <summary>The user id, sent as X-User-Id.</summary>
    public string UserId { get; }

    /// <summary>The secret token, sent as X-Auth-Token. Never logged nor shown.</summary>
    public string AuthToken { get; }

    /// <inheritdoc />
    public override string ToString() => $"RocketChatCredentials(UserId={UserId}, AuthToken=***)";
}
