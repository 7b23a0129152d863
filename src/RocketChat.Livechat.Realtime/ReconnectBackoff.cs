namespace RocketChat.Livechat.Realtime;

/// <summary>
/// Exponential backoff with jitter: attempt n waits a random time between half and all of
/// min(initial × 2ⁿ, max). The jitter spreads clients that lost the same server apart; the cap keeps retrying
/// forever affordable; the attempt count restarts once a connection has lasted ReconnectMaxDelay (not merely opened),
/// so a server that accepts and drops at once is retried less and less often.
/// </summary>
internal static class ReconnectBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan initial, TimeSpan max, Random random)
    {
        double ceiling = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random.NextDouble() * ceiling / 2));
    }
}
