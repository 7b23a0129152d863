namespace RocketChat.Livechat.Realtime;

/// <summary>
/// The WebSocket closed or went silent (the heartbeat watchdog fired) while a call was waiting for its answer, another
/// call on the same connection timed out (<see cref="RealtimeTimeoutException"/>), or the server could not be reached.
/// Subscriptions survive this (they resume after reconnecting); calls do not, since
/// the client cannot know whether the server ran them.
/// </summary>
public sealed class RealtimeConnectionLostException : RealtimeException
{
    /// <summary>Creates the exception.</summary>
    public RealtimeConnectionLostException(string operation, string reason, Exception? innerException = null)
        : base(operation, $"Rocket.Chat {operation}: the realtime connection was lost: {reason}", innerException)
    {
    }
}
