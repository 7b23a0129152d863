namespace RocketChat.Livechat.Realtime;

/// <summary>
/// Ends a subscription whose reader fell <see cref="Capacity"/> events behind. The client never blocks its socket on a
/// slow reader (heartbeats would stop) and never drops events silently, so it stops this subscription instead;
/// subscribe again to continue (message streams fill the gap from history).
/// </summary>
public sealed class RealtimeConsumerTooSlowException : RealtimeException
{
    /// <summary>Creates the exception.</summary>
    public RealtimeConsumerTooSlowException(string operation, int capacity)
        : base(operation, $"Rocket.Chat {operation}: the reader fell {capacity} events behind; the subscription was stopped so memory stays bounded.")
    {
        Capacity = capacity;
    }

    /// <summary>The buffer size that was exceeded (<see cref="LivechatRealtimeOptions.EventBufferCapacity"/>).</summary>
    public int Capacity { get; }
}
