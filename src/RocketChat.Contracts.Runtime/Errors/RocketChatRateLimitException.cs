using System.Net;

namespace RocketChat.Contracts.Runtime;

/// <summary>429: the route's rate limit is exhausted. <see cref="RetryAfter"/> tells how long to wait.</summary>
public sealed class RocketChatRateLimitException : RocketChatApiException
{
    /// <summary>Creates the exception.</summary>
    public RocketChatRateLimitException(string operation, RocketChatError error, RateLimitInfo? rateLimit, TimeProvider? clock = null)
        : base(operation, HttpStatusCode.TooManyRequests, error, rateLimit)
    {
        DateTimeOffset now = (clock ?? TimeProvider.System).GetUtcNow();
        // Stryker disable once Equality : a reset exactly now waits reset - now, which is zero as well.
        RetryAfter = rateLimit?.ResetAt is { } reset && reset > now ? reset - now : TimeSpan.Zero;
    }

    /// <summary>When the limit resets (from X-RateLimit-Reset, epoch milliseconds), if the server said.</summary>
    public DateTimeOffset? ResetAt => RateLimit?.ResetAt;

    /// <summary>How long to wait before calling this route again; zero when unknown or already past.</summary>
    public TimeSpan RetryAfter { get; }
}
