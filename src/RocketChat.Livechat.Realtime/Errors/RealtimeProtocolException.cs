namespace RocketChat.Livechat.Realtime;

/// <summary>
/// The server broke or refused the DDP protocol: it answered <c>failed</c> to the handshake (no common version), sent
/// a top-level <c>error</c>, or a frame this client cannot read.
/// </summary>
public sealed class RealtimeProtocolException : RealtimeException
{
    /// <summary>Creates the exception.</summary>
    public RealtimeProtocolException(string operation, string message, string? serverVersion = null, Exception? innerException = null)
        : base(operation, $"Rocket.Chat {operation}: {message}", innerException)
    {
        ServerVersion = serverVersion;
    }

    /// <summary>The version a <c>failed</c> answer proposed, if that is what happened.</summary>
    public string? ServerVersion { get; }
}
