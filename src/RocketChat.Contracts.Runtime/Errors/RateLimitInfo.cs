using System.Globalization;
using System.Net.Http.Headers;

namespace RocketChat.Contracts.Runtime;

/// <summary>
/// Rocket.Chat's X-RateLimit-* headers. The reset header is an absolute time in epoch milliseconds; a value that is not
/// one (negative, or past the year 9999) leaves <see cref="ResetAt"/> null, as if the header were absent.
/// </summary>
public sealed record RateLimitInfo(int? Limit, int? Remaining, DateTimeOffset? ResetAt)
{
    // DateTimeOffset.MaxValue (9999-12-31T23:59:59.999Z) in epoch milliseconds.
    private const long MaxEpochMilliseconds = 253_402_300_799_999;

    /// <summary>Reads the headers, or returns null when the response carries none.</summary>
    public static RateLimitInfo? FromHeaders(HttpResponseHeaders headers)
    {
        int? limit = ReadInt(headers, "X-RateLimit-Limit");
        int? remaining = ReadInt(headers, "X-RateLimit-Remaining");
        DateTimeOffset? reset = null;
        // Stryker disable once Linq : TryGetValues is true only for a header with at least one value, so First would not throw.
        if (headers.TryGetValues("X-RateLimit-Reset", out IEnumerable<string>? values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long epochMs)
            && epochMs is >= 0 and <= MaxEpochMilliseconds)
        {
            reset = DateTimeOffset.FromUnixTimeMilliseconds(epochMs);
        }

        return limit is null && remaining is null && reset is null ? null : new RateLimitInfo(limit, remaining, reset);
    }

    // Stryker disable once Linq : TryGetValues is true only for a header with at least one value, so First would not throw.
    private static int? ReadInt(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out IEnumerable<string>? values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : null;
}
