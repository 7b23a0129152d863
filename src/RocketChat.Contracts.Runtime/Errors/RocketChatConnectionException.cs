namespace RocketChat.Contracts.Runtime;

/// <summary>The server could not be reached: refused connection, DNS failure, TLS error or a timeout.</summary>
public sealed class RocketChatConnectionException : RocketChatException
{
    /// <summary>Creates the exception.</summary>
    public RocketChatConnectionException(string operation, Uri server, string reason, Exception innerException)
        : base(operation, $"Rocket.Chat {operation}: cannot reach the server at {server.GetLeftPart(UriPartial.Authority)}: {reason}", innerException)
    {
        Server = new Uri(server.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>The server's scheme, host and port.</summary>
    public Uri Server { get; }
}
