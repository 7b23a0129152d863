namespace RocketChat.Livechat.Emulator.Realtime;

/// <summary>
/// DDP_Rate_Limit_Connection_By_Method with its defaults: per connection and per method or publication name, 10
/// calls per 10 s, and for <c>stream-*</c> names both ×4 (40 per 40 s). One instance per session.
/// </summary>
internal sealed class DdpRateLimiter(TimeProvider time)
{
    public const int Calls = 10;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private const int StreamFactor = 4;

    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts a call; returns how long until the window resets when the call is over the limit, else null.</summary>
    public TimeSpan? Hit(string name)
    {
        bool isStream = name.StartsWith("stream-", StringComparison.Ordinal);
        int limit = isStream ? Calls * StreamFactor : Calls;
        TimeSpan window = isStream ? Window * StreamFactor : Window;
        DateTimeOffset now = time.GetUtcNow();
        lock (_windows)
        {
            (DateTimeOffset start, int count) = _windows.TryGetValue(name, out var current) && now - current.Start < window ? current : (now, 0);
            _windows[name] = (start, count + 1);
            return count + 1 > limit ? start + window - now : null;
        }
    }

    /// <summary>DDPRateLimiter's default error text.</summary>
    public static MeteorError Error(TimeSpan timeToReset) => new(
        "too-many-requests",
        $"Error, too many requests. Please slow down. You must wait {Math.Ceiling(timeToReset.TotalSeconds)} seconds before trying again.",
        WriteDetails: writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("timeToReset", (long)Math.Ceiling(timeToReset.TotalMilliseconds));
            writer.WriteEndObject();
        });
}
