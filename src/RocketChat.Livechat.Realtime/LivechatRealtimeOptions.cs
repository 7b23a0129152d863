namespace RocketChat.Livechat.Realtime;

/// <summary>
/// Tuning of the realtime connection. The server and credentials come from the REST client's
/// <see cref="RocketChatLivechatOptions"/>; these settings only say how the socket behaves.
/// </summary>
public sealed class LivechatRealtimeOptions
{
    /// <summary>After this much silence from the server the client sends a <c>ping</c> (Rocket.Chat's own client: 30 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>If nothing arrives this long after that ping, the connection is declared dead and replaced.</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the WebSocket open plus the DDP handshake may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a method call or a subscription may wait for the server's answer. A server that keeps answering
    /// pings but leaves a call unanswered this long has a stuck session (DDP runs a session's calls in order), so the
    /// connection is replaced: the call ends with <see cref="RealtimeTimeoutException"/> and the subscriptions resume on
    /// the new connection. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits for ever.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first reconnection delay; each failed attempt doubles it, up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest reconnection delay. Also how long a new connection must last before the delay starts over from
    /// <see cref="ReconnectInitialDelay"/>: one that drops sooner continues the backoff where it was.
    /// </summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Events one subscription may hold for a reader that has not taken them yet. Past this, that subscription ends
    /// with <see cref="RealtimeConsumerTooSlowException"/>: memory stays bounded and nothing is dropped silently.
    /// </summary>
    public int EventBufferCapacity { get; set; } = 1024;

    /// <summary>
    /// The largest DDP message (one WebSocket message) read from the server. A larger one, or one that never ends,
    /// ends the connection with <see cref="RealtimeProtocolException"/> once the limit is passed, and the client
    /// reconnects: a broken or hostile server cannot make it buffer without bound.
    /// </summary>
    public int MaxMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Messages per page when filling a gap from REST history after a reconnection.</summary>
    public int HistoryPageSize { get; set; } = 50;

    /// <summary>
    /// The longest duration any setting may hold (int.MaxValue milliseconds, about 24.8 days): timers and delays
    /// refuse more, and a setting they refused would only fail later, inside the connection.
    /// </summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>Checks the values and says which one is wrong.</summary>
    public void Validate()
    {
        CheckDuration(HeartbeatInterval, nameof(HeartbeatInterval));
        CheckDuration(HeartbeatTimeout, nameof(HeartbeatTimeout));
        CheckDuration(ConnectTimeout, nameof(ConnectTimeout));
        if (CallTimeout != Timeout.InfiniteTimeSpan)
        {
            CheckDuration(CallTimeout, nameof(CallTimeout));
        }

        CheckDuration(ReconnectInitialDelay, nameof(ReconnectInitialDelay));
        CheckDuration(ReconnectMaxDelay, nameof(ReconnectMaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectMaxDelay, ReconnectInitialDelay, nameof(ReconnectMaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(EventBufferCapacity, 1, nameof(EventBufferCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(HistoryPageSize, 1, nameof(HistoryPageSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageBytes, 1024, nameof(MaxMessageBytes));
    }

    private static void CheckDuration(TimeSpan value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxDuration, name);
    }

    internal LivechatRealtimeOptions Copy() => (LivechatRealtimeOptions)MemberwiseClone();
}
