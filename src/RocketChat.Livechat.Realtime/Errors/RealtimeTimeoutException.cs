namespace RocketChat.Livechat.Realtime;

/// <summary>
/// The server kept the connection alive but left a method call or a subscription unanswered past
/// <see cref="LivechatRealtimeOptions.CallTimeout"/>. DDP runs a session's calls in order, so the session is stuck: the
/// client replaces the connection (other calls waiting on it end with <see cref="RealtimeConnectionLostException"/>,
/// subscriptions resume on the new one). Whether the server ran the call is unknown.
/// </summary>
public sealed class RealtimeTimeoutException : RealtimeException
{
    /// <summary>Creates the exception.</summary>
    public RealtimeTimeoutException(string operation, TimeSpan timeout)
        : base(operation, $"Rocket.Chat {operation}: no answer within {timeout}; the connection was replaced.")
    {
        Timeout = timeout;
    }

    /// <summary>How long the client waited (<see cref="LivechatRealtimeOptions.CallTimeout"/>).</summary>
    public TimeSpan Timeout { get; }
}
