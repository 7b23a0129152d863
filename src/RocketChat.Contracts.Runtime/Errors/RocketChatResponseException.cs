using System.Net;

namespace RocketChat.Contracts.Runtime;

/// <summary>A success status arrived with a body that does not match the contract (not JSON, or missing a required field).</summary>
public sealed class RocketChatResponseException : RocketChatException
{
    /// <summary>Creates the exception.</summary>
    public RocketChatResponseException(string operation, HttpStatusCode statusCode, string reason, Exception? innerException = null)
        : base(operation, $"Rocket.Chat {operation} returned {(int)statusCode} with a body that does not match the contract: {reason}", innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }
}
