namespace RocketChat.Contracts.Runtime;

/// <summary>
/// The server could not be reached or the exchange broke: refused connection, DNS failure, TLS error, a connection
/// cut or reset mid-response, or no complete response within the timeout.
/// </summary>
public sealed class RocketChatConnectionException : RocketChatException
{
    /// <summary>Creates the exception. Only the server's scheme, host and port are kept: never a path, query or user info.</summary>
    public RocketChatConnectionException(string operation, Uri server, string reason, Exception innerException)
        : base(operation, $"Rocket.Chat {operation}: cannot reach the server at {RocketChatConnection.Origin(server)}: {reason}", innerException)
    {
        Server = new Uri(RocketChatConnection.Origin(server));
    }

    /// <summary>The server's scheme, host and port.</summary>
    public Uri Server { get; }
}
