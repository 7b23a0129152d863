using System.Net;
using System.Text.Json;

namespace RocketChat.Contracts.Runtime;

/// <summary>
/// The server answered with an error status. Carries Rocket.Chat's error envelope
/// (<c>success</c>, <c>error</c>, <c>errorType</c>, <c>details</c>) and the rate-limit headers.
/// The message never contains the request URL, query, headers or tokens.
/// </summary>
public class RocketChatApiException : RocketChatException
{
    /// <summary>Creates the exception from a parsed error response.</summary>
    public RocketChatApiException(string operation, HttpStatusCode statusCode, RocketChatError error, RateLimitInfo? rateLimit)
        : base(operation, BuildMessage(operation, statusCode, error))
    {
        StatusCode = statusCode;
        Error = error.Error;
        ErrorType = error.ErrorType;
        ErrorCode = error.Code;
        Details = error.Details;
        ServerMessage = error.Message;
        RateLimit = rateLimit;
    }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>error</c> text as sent, e.g. "Sorry, no online agents [no-agent-online]"; null when the body was not an envelope.</summary>
    public string? Error { get; }

    /// <summary>The <c>errorType</c> field, when the server sent one (Meteor and validation errors).</summary>
    public string? ErrorType { get; }

    /// <summary>
    /// The machine-readable code: <c>errorType</c>, else the trailing "[code]" of <c>error</c>, else a bare code
    /// such as "invalid-token". Null when none can be told.
    /// </summary>
    public string? ErrorCode { get; }

    /// <summary>The optional <c>details</c> object (e.g. the 2FA method on "totp-required").</summary>
    public JsonElement? Details { get; }

    /// <summary>The legacy <c>message</c> field of 401 and login failures.</summary>
    public string? ServerMessage { get; }

    /// <summary>The X-RateLimit-* headers of the failed response, when present.</summary>
    public RateLimitInfo? RateLimit { get; }

    private static string BuildMessage(string operation, HttpStatusCode statusCode, RocketChatError error)
    {
        string detail = error.Error ?? error.Message ?? "no error text";
        return $"Rocket.Chat {operation} failed with {(int)statusCode} ({statusCode}): {detail}";
    }
}
