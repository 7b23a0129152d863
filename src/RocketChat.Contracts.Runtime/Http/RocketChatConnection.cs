using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RocketChat.Contracts.Runtime;

/// <summary>
/// Sends generated requests to one Rocket.Chat server: adds the auth headers, turns error statuses into typed
/// exceptions and deserializes bodies with generated metadata (no reflection). Thread-safe; share one per server.
/// </summary>
/// <remarks>
/// Credentials and bodies go only to the configured origin: a redirect is never followed (give the connection an
/// HttpClient built on <see cref="RocketChatHttpHandler.Create"/>, or any handler with AllowAutoRedirect off) and
/// fails the call with <see cref="RocketChatRedirectException"/>. One timeout covers the whole call, body included,
/// and the body is read up to <see cref="RocketChatConnectionOptions.MaxResponseBodySize"/>.
/// </remarks>
public sealed class RocketChatConnection
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _httpClient;
    private readonly TimeSpan _timeout;
    private readonly long _maxBodySize;
    private readonly RocketChatTelemetry _telemetry;

    /// <summary>Creates a connection over <paramref name="httpClient"/> (its BaseAddress is used unless <paramref name="serverUri"/> is given).</summary>
    public RocketChatConnection(HttpClient httpClient, Uri? serverUri = null, IRocketChatCredentialProvider? credentials = null, RocketChatConnectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
        Uri server = serverUri ?? httpClient.BaseAddress
            ?? throw new ArgumentException("Give the server URL, or an HttpClient with a BaseAddress.", nameof(serverUri));
        if (!server.IsAbsoluteUri || (server.Scheme != Uri.UriSchemeHttp && server.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The server URL must be an absolute http or https URL, not '{Redact(server)}'.", nameof(serverUri));
        }

        if (server.UserInfo.Length > 0)
        {
            throw new ArgumentException("The server URL must not contain a user name or password; use credentials instead.", nameof(serverUri));
        }

        // A trailing slash makes relative paths append to a sub-path install (https://host/chat/) instead of replacing it.
        ServerUri = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        Credentials = credentials ?? new StaticCredentialProvider();
        options ??= new RocketChatConnectionOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxResponseBodySize, nameof(options.MaxResponseBodySize));
        _timeout = options.Timeout ?? httpClient.Timeout;
        if (_timeout <= TimeSpan.Zero && _timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The timeout must be positive or infinite.");
        }

        _maxBodySize = options.MaxResponseBodySize;
        _telemetry = RocketChatTelemetry.For(options.TelemetryName);
    }

    /// <summary>The server's base URL, ending in '/'.</summary>
    public Uri ServerUri { get; }

    /// <summary>Where the credentials for authenticated calls come from.</summary>
    public IRocketChatCredentialProvider Credentials { get; }

    /// <summary>Sends the request and deserializes the JSON response.</summary>
    public async Task<TResponse> SendAsync<TResponse>(ApiRequest request, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseType);
        long started = Stopwatch.GetTimestamp();
        Activity? activity = _telemetry.StartCall(request, ServerUri);
        HttpStatusCode? status = null;
        try
        {
            using CancellationTokenSource? deadline = StartDeadline(cancellationToken);
            HttpResponseMessage response = await ExchangeAsync(request, deadline?.Token ?? cancellationToken, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            using (response)
            using (ResponseBody body = await ReadBodyAsync(request, response, deadline?.Token ?? cancellationToken, cancellationToken).ConfigureAwait(false))
            {
                // The whole body is read first, then parsed from one span: the generated converters need the complete
                // value, and JsonSerializer's async path would re-scan a growing buffer for each chunk to find its end.
                TResponse value = Deserialize(request.Operation, response.StatusCode, body.Span, responseType);
                PageFingerprint.Capture(body.Span);
                _telemetry.EndCall(activity, request, ServerUri, started, status, null);
                return value;
            }
        }
        catch (Exception ex)
        {
            _telemetry.EndCall(activity, request, ServerUri, started, status, ex);
            throw;
        }
    }

    /// <summary>Sends a request whose response body is not needed (still checked for Rocket.Chat's "success": false).</summary>
    public async Task SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        long started = Stopwatch.GetTimestamp();
        Activity? activity = _telemetry.StartCall(request, ServerUri);
        HttpStatusCode? status = null;
        try
        {
            using CancellationTokenSource? deadline = StartDeadline(cancellationToken);
            HttpResponseMessage response = await ExchangeAsync(request, deadline?.Token ?? cancellationToken, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            using (response)
            using (await ReadBodyAsync(request, response, deadline?.Token ?? cancellationToken, cancellationToken).ConfigureAwait(false))
            {
                _telemetry.EndCall(activity, request, ServerUri, started, status, null);
            }
        }
        catch (Exception ex)
        {
            _telemetry.EndCall(activity, request, ServerUri, started, status, ex);
            throw;
        }
    }

    /// <summary>The scheme, host and port of <paramref name="uri"/>: no user info, path or query.</summary>
    internal static string Origin(Uri uri) => uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);

    private static string Redact(Uri uri) =>
        uri.IsAbsoluteUri && uri.UserInfo.Length > 0 ? uri.AbsoluteUri.Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal) : uri.OriginalString;

    private CancellationTokenSource? StartDeadline(CancellationToken cancellationToken)
    {
        if (_timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        CancellationTokenSource deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        return deadline;
    }

    /// <summary>Reads a 2xx body within the limit; a "success": false body becomes the server's error.</summary>
    private async Task<ResponseBody> ReadBodyAsync(ApiRequest request, HttpResponseMessage response, CancellationToken token, CancellationToken callerToken)
    {
        ResponseBody body;
        try
        {
            body = await ResponseBody.ReadAsync(response.Content, _maxBodySize, truncate: false, token).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException ex)
        {
            throw new RocketChatResponseException(request.Operation, response.StatusCode, $"the body is larger than the {ex.Limit}-byte limit (MaxResponseBodySize)", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new RocketChatConnectionException(request.Operation, ServerUri, "the connection broke while the response was read", ex);
        }
        catch (OperationCanceledException ex) when (!callerToken.IsCancellationRequested)
        {
            throw TimedOut(request, ex);
        }

        if (SuccessFlag.IsFalse(body.Span))
        {
            using (body)
            {
                throw new RocketChatApiException(request.Operation, response.StatusCode, RocketChatError.Parse(body.Span), RateLimitInfo.FromHeaders(response.Headers));
            }
        }

        return body;
    }

    private static TResponse Deserialize<TResponse>(string operation, HttpStatusCode status, ReadOnlySpan<byte> body, JsonTypeInfo<TResponse> responseType)
    {
        try
        {
            TResponse? value = JsonSerializer.Deserialize(body, responseType);
            return value ?? throw new RocketChatResponseException(operation, status, "the body is JSON null");
        }
        catch (JsonException ex)
        {
            throw new RocketChatResponseException(operation, status, ex.Message, ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            // Readers throw these for text that is not UTF-8, numbers out of range or a token of the wrong kind:
            // all of them say the body breaks the contract.
            throw new RocketChatResponseException(operation, status, ex.Message, ex);
        }
    }

    /// <summary>Sends the request (renewing a rejected login once) and returns a 2xx response with its body unread.</summary>
    private async Task<HttpResponseMessage> ExchangeAsync(ApiRequest request, CancellationToken token, CancellationToken callerToken)
    {
        RocketChatCredentials? credentials = null;
        if (request.RequiresAuthentication)
        {
            credentials = await Credentials.GetCredentialsAsync(token).ConfigureAwait(false)
                ?? throw new RocketChatAuthenticationRequiredException(request.Operation);
        }

        HttpResponseMessage response = await SendOnceAsync(request, credentials, token, callerToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && credentials is not null)
        {
            // The token may have expired: let a login-based provider renew it, then try once more.
            Credentials.Invalidate(credentials);
            RocketChatCredentials? renewed = await Credentials.GetCredentialsAsync(token).ConfigureAwait(false);
            if (renewed is not null && !ReferenceEquals(renewed, credentials))
            {
                response.Dispose();
                response = await SendOnceAsync(request, renewed, token, callerToken).ConfigureAwait(false);
            }
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await CreateFailureAsync(request, response, token, callerToken).ConfigureAwait(false);
            }
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(ApiRequest request, RocketChatCredentials? credentials, CancellationToken token, CancellationToken callerToken)
    {
        // Every segment and query value is escaped by ApiRequest already. Canonicalization would decode %2E and
        // collapse "/../", letting a token such as ".." climb out of its segment, so it is turned off.
        var uri = new Uri(string.Concat(ServerUri.AbsoluteUri, request.RelativeUri), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var message = new RocketChatRequestMessage(request.Method, uri, request.Operation);
        message.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (credentials is not null)
        {
            message.Headers.TryAddWithoutValidation("X-User-Id", credentials.UserId);
            message.Headers.TryAddWithoutValidation("X-Auth-Token", credentials.AuthToken);
        }

        foreach (KeyValuePair<string, string> header in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = s_json;
        }

        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new RocketChatConnectionException(request.Operation, ServerUri, ex.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => "the connection was refused or dropped",
                HttpRequestError.NameResolutionError => "the host name does not resolve",
                HttpRequestError.SecureConnectionError => "the TLS handshake failed",
                HttpRequestError.ResponseEnded => "the connection closed before a complete response",
                _ => ex.Message,
            }, ex);
        }
        catch (OperationCanceledException ex) when (!callerToken.IsCancellationRequested)
        {
            throw TimedOut(request, ex);
        }

        // A handler that follows redirects by itself (not RocketChatHttpHandler's) has already sent the credentials
        // on; the call still fails rather than use an answer from another origin.
        Uri? answered = response.RequestMessage?.RequestUri;
        if (answered is not null && !string.Equals(Origin(answered), Origin(ServerUri), StringComparison.OrdinalIgnoreCase))
        {
            response.Dispose();
            throw new RocketChatRedirectException(request.Operation, HttpStatusCode.Redirect, answered);
        }

        return response;
    }

    private RocketChatConnectionException TimedOut(ApiRequest request, Exception cause)
    {
        string limit = _timeout == System.Threading.Timeout.InfiniteTimeSpan ? "the HttpClient's timeout" : $"{_timeout.TotalSeconds:0.###} s";
        return new RocketChatConnectionException(request.Operation, ServerUri, $"no complete response within {limit}", cause);
    }

    private async Task<RocketChatException> CreateFailureAsync(ApiRequest request, HttpResponseMessage response, CancellationToken token, CancellationToken callerToken)
    {
        int status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            return new RocketChatRedirectException(request.Operation, response.StatusCode, response.Headers.Location);
        }

        // The error text is best effort: a body cut short or too long still leaves the status to report.
        ResponseBody? body = null;
        try
        {
            body = await ResponseBody.ReadAsync(response.Content, _maxBodySize, truncate: true, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            // Keep the status; the text was lost with the connection.
        }
        catch (OperationCanceledException ex) when (!callerToken.IsCancellationRequested)
        {
            throw TimedOut(request, ex);
        }

        using (body)
        {
            RocketChatError error = RocketChatError.Parse(body is null ? [] : body.Span);
            RateLimitInfo? rateLimit = RateLimitInfo.FromHeaders(response.Headers);
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new RocketChatUnauthorizedException(request.Operation, error, rateLimit),
                HttpStatusCode.Forbidden => new RocketChatForbiddenException(request.Operation, error, rateLimit),
                HttpStatusCode.TooManyRequests => new RocketChatRateLimitException(request.Operation, error, rateLimit),
                _ => new RocketChatApiException(request.Operation, response.StatusCode, error, rateLimit),
            };
        }
    }
}
