using System.Globalization;
using System.Text.Json;
using RocketChat.Livechat.Emulator.TwoFactor;

namespace RocketChat.Livechat.Emulator.Http;

/// <summary>
/// The error shapes Rocket.Chat's REST layer produces (ApiClass.failure/forbidden/unauthorized/notFound), named
/// after what upstream code throws so each route can be written the way the server is.
/// </summary>
internal static class ApiErrors
{
    private const string NotLoggedInText = "You must be logged in to do this.";

    /// <summary>A thrown <c>Meteor.Error(code, reason, details)</c>: <c>error: 'reason [code]'</c> with <c>errorType: code</c>.</summary>
    public static ApiException Meteor(string code, string? reason = null, params KeyValuePair<string, string>[] details) =>
        new(new ApiError(400)
        {
            Error = reason is null ? $"[{code}]" : $"{reason} [{code}]",
            ErrorType = code,
            Details = details.Length == 0 ? null : details,
        });

    /// <summary>A thrown plain <c>Error(text)</c> or <c>API.v1.failure(text)</c>: just <c>error: text</c>.</summary>
    public static ApiException Plain(string text) => new(new ApiError(400) { Error = text });

    /// <summary><c>API.v1.failure()</c> with no argument: a body of only <c>success: false</c>.</summary>
    public static ApiException Bare() => new(new ApiError(400));

    /// <summary>A legacy <c>validateParams</c> (ajv) failure.</summary>
    public static ApiException InvalidParams(string message) => Meteor("invalid-params", message);

    /// <summary>A Meteor <c>check()</c> failure (Match.Error has no error code).</summary>
    public static ApiException MatchFailed(string message) => Plain($"Match error: {message}");

    /// <summary>401 for an authenticated route without valid X-User-Id / X-Auth-Token (8.x legacy shape).</summary>
    public static ApiException NotLoggedIn() =>
        new(new ApiError(401) { Error = NotLoggedInText, Status = "error", Message = NotLoggedInText });

    /// <summary>401 from POST login; an unknown user is masked as Unauthorized.</summary>
    public static ApiException LoginFailed() =>
        new(new ApiError(401) { Error = "Unauthorized", Status = "error", Message = "Unauthorized" });

    /// <summary>
    /// 401 from POST login when the second factor is missing or wrong: the legacy body carries the Meteor error's
    /// <c>error</c> code, <c>details</c> and reason as <c>message</c>.
    /// </summary>
    public static ApiException LoginNeedsSecondFactor(TwoFactorException failure) =>
        new(new ApiError(401) { Error = failure.Code, Status = "error", Message = failure.Reason, WriteDetails = RestDetails(failure) });

    /// <summary>400 from a <c>twoFactorRequired</c> route: the thrown Meteor error as <c>API.v1.failure</c> writes it.</summary>
    public static ApiException SecondFactorFailed(TwoFactorException failure) =>
        new(new ApiError(400) { Error = $"{failure.Reason} [{failure.Code}]", ErrorType = failure.Code, WriteDetails = RestDetails(failure) });

    /// <summary>403 from a route's <c>permissionsRequired</c> (the error-unauthorized Meteor error, without errorType).</summary>
    public static ApiException MissingPermission() =>
        new(new ApiError(403) { Error = "User does not have the permissions required for this action [error-unauthorized]" });

    /// <summary>403 from a handler's own <c>API.v1.forbidden()</c> (says 'unauthorized' until 9.0).</summary>
    public static ApiException Forbidden() => new(new ApiError(403) { Error = "unauthorized" });

    /// <summary>404 from <c>API.v1.notFound(text)</c>.</summary>
    public static ApiException NotFound(string text) => new(new ApiError(404) { Error = text });

    /// <summary>429 from the rate limiter. The Meteor error text keeps its code suffix, but the body has no errorType.</summary>
    public static ApiException TooManyRequests(long secondsToWait) => new(new ApiError(429)
    {
        Error = $"Error, too many requests. Please slow down. You must wait {secondsToWait} seconds before trying this endpoint again. [error-too-many-requests]",
    });

    /// <summary>A malformed JSON body (body-parser's 400).</summary>
    public static ApiException MalformedBody(string parserMessage) => Plain(parserMessage);

    /// <summary>404 for a path no route serves, as the REST layer's catch-all route answers it.</summary>
    public static ApiException EndpointDoesNotExist() =>
        new(new ApiError(404) { Status = "error", Message = "API endpoint does not exist", IncludeSuccess = false });

    /// <summary>500 for a failure the emulator did not expect: the server's generic text, never an empty body.</summary>
    public static ApiException Internal() => new(new ApiError(500) { Error = "Internal server error" });

    public static KeyValuePair<string, string> Detail(string key, string value) => new(key, value);

    /// <summary>Details as JSON.stringify writes them: a Date becomes its ISO string.</summary>
    private static Action<Utf8JsonWriter> RestDetails(TwoFactorException failure) =>
        writer => failure.Details.Write(writer, (w, date) => w.WriteStringValue(date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
}
