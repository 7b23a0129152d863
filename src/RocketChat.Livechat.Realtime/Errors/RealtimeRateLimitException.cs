using System.Text.Json;

namespace RocketChat.Livechat.Realtime;

/// <summary>The DDP rate limiter refused the call or subscription (<c>too-many-requests</c>); retry after <see cref="TimeToReset"/>.</summary>
public sealed class RealtimeRateLimitException : RealtimeServerException
{
    /// <summary>Creates the exception.</summary>
    public RealtimeRateLimitException(string operation, string? reason, JsonElement? details, TimeSpan timeToReset)
        : base(operation, "too-many-requests", reason, details)
    {
        TimeToReset = timeToReset;
    }

    /// <summary><c>details.timeToReset</c>: how long until the limiter's window resets.</summary>
    public TimeSpan TimeToReset { get; }
}
