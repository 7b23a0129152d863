using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
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
    private readonly HttpClient _httpClient;
    private readonly TimeSpan _timeout;
    private readonly long _maxBodySize;
    private readonly RocketChatTelemetry _telemetry;
    private readonly string _serverOrigin;

    /// <summary>
    /// Creates a connection over <paramref name="httpClient"/> (its BaseAddress is used unless <paramref name="serverUri"/>
    /// is given) that answers Rocket.Chat's X-User-Id/X-Auth-Token schemes from <paramref name="credentials"/>.
    /// </summary>
    public RocketChatConnection(HttpClient httpClient, Uri? serverUri = null, IRocketChatCredentialProvider? credentials = null, RocketChatConnectionOptions? options = null)
        : this(httpClient, serverUri, credentials ?? new StaticCredentialProvider(), security: null, options)
    {
    }

    /// <summary>
    /// Creates a connection that takes the credential of each security scheme from <paramref name="security"/>, e.g.
    /// a <see cref="SecurityCredentials"/> keyed by scheme name. <see cref="Credentials"/> is then an empty provider.
    /// </summary>
    public RocketChatConnection(HttpClient httpClient, Uri? serverUri, ISecurityCredentialProvider security, RocketChatConnectionOptions? options = null)
        : this(httpClient, serverUri, new StaticCredentialProvider(), security ?? throw new ArgumentNullException(nameof(security)), options)
    {
    }

    private RocketChatConnection(HttpClient httpClient, Uri? serverUri, IRocketChatCredentialProvider credentials, ISecurityCredentialProvider? security, RocketChatConnectionOptions? options)
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
        _serverOrigin = Origin(ServerUri);
        Credentials = credentials;
        Security = security ?? new RocketChatLoginSecurity(credentials);
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

    private RocketChatConnection(RocketChatConnection source, IRocketChatCredentialProvider credentials)
    {
        _httpClient = source._httpClient;
        _timeout = source._timeout;
        _maxBodySize = source._maxBodySize;
        _telemetry = source._telemetry;
        _serverOrigin = source._serverOrigin;
        ServerUri = source.ServerUri;
        Credentials = credentials;
        Security = new RocketChatLoginSecurity(credentials);
    }

    /// <summary>
    /// The same server, HttpClient and settings under another identity, e.g. the token of a realtime (DDP) login,
    /// which Rocket.Chat also accepts as X-Auth-Token. This connection keeps its own credentials.
    /// </summary>
    public RocketChatConnection WithCredentials(IRocketChatCredentialProvider credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new RocketChatConnection(this, credentials);
    }

    /// <summary>The server's base URL, ending in '/'.</summary>
    public Uri ServerUri { get; }

    /// <summary>Where Rocket.Chat's user id and auth token come from (empty when the connection was given an <see cref="ISecurityCredentialProvider"/>).</summary>
    public IRocketChatCredentialProvider Credentials { get; }

    /// <summary>Where the credential of each security scheme comes from.</summary>
    public ISecurityCredentialProvider Security { get; }

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

    /// <summary>
    /// Sends the request and returns the text body, decoded with the declared charset (UTF-8 by default), read up to
    /// <see cref="RocketChatConnectionOptions.MaxResponseBodySize"/> within the timeout.
    /// </summary>
    public async Task<string> SendForTextAsync(ApiRequest request, CancellationToken cancellationToken)
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
            using (ResponseBody body = await ReadBodyAsync(request, response, deadline?.Token ?? cancellationToken, cancellationToken, checkSuccessFlag: false).ConfigureAwait(false))
            {
                string text = Decode(request, response, body.Span);
                _telemetry.EndCall(activity, request, ServerUri, started, status, null);
                return text;
            }
        }
        catch (Exception ex)
        {
            _telemetry.EndCall(activity, request, ServerUri, started, status, ex);
            throw;
        }
    }

    /// <summary>
    /// Sends the request and returns the body as a stream read from the network. The caller owns the stream and must
    /// dispose it: that releases the response and its connection. The timeout covers the call until the response
    /// headers; reading the stream is bounded by the token given to each read, and by no size limit.
    /// </summary>
    public async Task<Stream> SendForStreamAsync(ApiRequest request, CancellationToken cancellationToken)
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
            try
            {
                Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                _telemetry.EndCall(activity, request, ServerUri, started, status, null);
                return new ResponseStream(body, response, request.Operation, ServerUri);
            }
            catch (Exception ex)
            {
                response.Dispose();
                if (ex is HttpRequestException or IOException)
                {
                    throw new RocketChatConnectionException(request.Operation, ServerUri, "the connection broke while the response was opened", ex);
                }

                throw;
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
        // Stryker disable once Block : a deadline of InfiniteTimeSpan never fires; null only saves the allocation.
        if (_timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        CancellationTokenSource deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        return deadline;
    }

    /// <summary>Reads a 2xx body within the limit; a "success": false body becomes the server's error.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ResponseBody> ReadBodyAsync(ApiRequest request, HttpResponseMessage response, CancellationToken token, CancellationToken callerToken, bool checkSuccessFlag = true)
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

        if (checkSuccessFlag && SuccessFlag.IsFalse(body.Span))
        {
            using (body)
            {
                throw new RocketChatApiException(request.Operation, response.StatusCode, RocketChatError.Parse(body.Span), RateLimitInfo.FromHeaders(response.Headers));
            }
        }

        return body;
    }

    private static string Decode(ApiRequest request, HttpResponseMessage response, ReadOnlySpan<byte> body)
    {
        string? charset = response.Content.Headers.ContentType?.CharSet?.Trim('"');
        try
        {
            Encoding encoding = string.IsNullOrEmpty(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset);
            return encoding.GetString(body);
        }
        catch (ArgumentException ex)
        {
            throw new RocketChatResponseException(request.Operation, response.StatusCode, $"the text body's charset '{charset}' is not known", ex);
        }
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
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<HttpResponseMessage> ExchangeAsync(ApiRequest request, CancellationToken token, CancellationToken callerToken)
    {
        AppliedCredentials credentials = await AppliedCredentials.ResolveAsync(request.Operation, request.Security, Security, token).ConfigureAwait(false)
            ?? throw new RocketChatAuthenticationRequiredException(request.Operation);

        HttpResponseMessage response = await SendOnceAsync(request, credentials, token, callerToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && !credentials.IsEmpty)
        {
            // The token may have expired: let a login-based provider renew it, then try once more (if the body can be resent).
            credentials.Invalidate(Security);
            AppliedCredentials? renewed = await AppliedCredentials.ResolveAsync(request.Operation, request.Security, Security, token).ConfigureAwait(false);
            if (renewed is { IsEmpty: false } && !renewed.SameAs(credentials) && request.CanResend)
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

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<HttpResponseMessage> SendOnceAsync(ApiRequest request, AppliedCredentials credentials, CancellationToken token, CancellationToken callerToken)
    {
        // Every segment and query value is escaped by ApiRequest already. Canonicalization would decode %2E and
        // collapse "/../", letting a token such as ".." climb out of its segment, so it is turned off.
        var uri = new Uri(credentials.AbsoluteTarget(ServerUri.AbsoluteUri, request), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var message = new RocketChatRequestMessage(request.Method, uri, request.Operation);
        message.Headers.TryAddWithoutValidation("Accept", request.Accept);
        credentials.ApplyTo(message);

        IReadOnlyList<KeyValuePair<string, string>> headers = request.Headers;
        for (int i = 0; i < headers.Count; i++)
        {
            message.Headers.TryAddWithoutValidation(headers[i].Key, headers[i].Value);
        }

        message.Content = request.CreateContent();

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
        // The Uri sent is compared by reference first: a handler that redirected has replaced it.
        Uri? answered = response.RequestMessage?.RequestUri;
        if (answered is not null && !ReferenceEquals(answered, uri) && !string.Equals(Origin(answered), _serverOrigin, StringComparison.OrdinalIgnoreCase))
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

    private async ValueTask<RocketChatException> CreateFailureAsync(ApiRequest request, HttpResponseMessage response, CancellationToken token, CancellationToken callerToken)
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
