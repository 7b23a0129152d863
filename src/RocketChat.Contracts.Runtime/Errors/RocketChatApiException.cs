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
        if (IsTwoFactorChallenge && Details is { ValueKind: JsonValueKind.Object } details)
        {
            TwoFactorMethod = details.TryGetProperty("method", out JsonElement method) && method.ValueKind == JsonValueKind.String ? method.GetString() : null;
            TwoFactorAvailableMethods = details.TryGetProperty("availableMethods", out JsonElement available) && available.ValueKind == JsonValueKind.Array
                ? [.. available.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)]
                : [];
        }
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

    /// <summary>
    /// True when the server asked for a second factor or refused the one given (<c>totp-required</c>,
    /// <c>totp-invalid</c>, <c>totp-max-attempts</c>): a 401 from the login, or a 400 from a route that needs
    /// two-factor confirmation (such as <c>POST settings/:_id</c>). Repeat the call with a code for
    /// <see cref="TwoFactorMethod"/>: the login's <c>code</c>, or the route's <c>x-2fa-code</c> and <c>x-2fa-method</c>.
    /// </summary>
    public bool IsTwoFactorChallenge => ErrorCode is "totp-required" or "totp-invalid" or "totp-max-attempts";

    /// <summary>For a two-factor challenge, <c>details.method</c>: <c>totp</c>, <c>email</c> or <c>password</c>; null otherwise.</summary>
    public string? TwoFactorMethod { get; }

    /// <summary>For a two-factor challenge, <c>details.availableMethods</c> (the user's TOTP and email factors); empty otherwise.</summary>
    public IReadOnlyList<string> TwoFactorAvailableMethods { get; } = [];

    /// <summary>The X-RateLimit-* headers of the failed response, when present.</summary>
    public RateLimitInfo? RateLimit { get; }

    private static string BuildMessage(string operation, HttpStatusCode statusCode, RocketChatError error)
    {
        string detail = error.Error ?? error.Message ?? "no error text";
        return $"Rocket.Chat {operation} failed with {(int)statusCode} ({statusCode}): {detail}";
    }
}
