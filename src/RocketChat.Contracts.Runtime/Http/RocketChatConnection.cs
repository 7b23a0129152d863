using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RocketChat.Contracts.Runtime;

/// <summary>
/// Sends generated requests to one Rocket.Chat server: adds the auth headers, turns error statuses into typed
/// exceptions and deserializes bodies with generated metadata (no reflection). Thread-safe; share one per server.
/// </summary>
public sealed class RocketChatConnection
{
    private readonly HttpClient _httpClient;


    /// <summary>
    /// Creates a connection over <paramref name="httpClient"/> (its BaseAddress is used unless <paramref name="serverUri"/>
    /// is given) that answers Rocket.Chat's X-User-Id/X-Auth-Token schemes from <paramref name="credentials"/>.
    /// </summary>
    public RocketChatConnection(HttpClient httpClient, Uri? serverUri = null, IRocketChatCredentialProvider? credentials = null)
        : this(httpClient, serverUri, credentials ?? new StaticCredentialProvider(), security: null)
    {
    }

    /// <summary>
    /// Creates a connection that takes the credential of each security scheme from <paramref name="security"/>, e.g.
    /// a <see cref="SecurityCredentials"/> keyed by scheme name. <see cref="Credentials"/> is then an empty provider.
    /// </summary>
    public RocketChatConnection(HttpClient httpClient, Uri? serverUri, ISecurityCredentialProvider security)
        : this(httpClient, serverUri, new StaticCredentialProvider(), security ?? throw new ArgumentNullException(nameof(security)))
    {
    }

    private RocketChatConnection(HttpClient httpClient, Uri? serverUri, IRocketChatCredentialProvider credentials, ISecurityCredentialProvider? security)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
        Uri server = serverUri ?? httpClient.BaseAddress
            ?? throw new ArgumentException("Give the server URL, or an HttpClient with a BaseAddress.", nameof(serverUri));
        if (!server.IsAbsoluteUri || (server.Scheme != Uri.UriSchemeHttp && server.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The server URL must be an absolute http or https URL, not '{server}'.", nameof(serverUri));
        }

        // A trailing slash makes relative paths append to a sub-path install (https://host/chat/) instead of replacing it.
        ServerUri = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        Credentials = credentials;
        Security = security ?? new RocketChatLoginSecurity(credentials);
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
        ArgumentNullException.ThrowIfNull(responseType);
        using HttpResponseMessage response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        ResponseBody body;
        try
        {
            body = await ResponseBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new RocketChatConnectionException(request.Operation, ServerUri, "the response was cut off", ex);
        }

        // The whole body is read first, then parsed from one span: the generated converters need the complete
        // value, and JsonSerializer's async path would re-scan a growing buffer for each chunk to find its end.
        using (body)
        {
            try
            {
                TResponse? value = JsonSerializer.Deserialize(body.Span, responseType);
                return value ?? throw new RocketChatResponseException(request.Operation, response.StatusCode, "the body is JSON null");
            }
            catch (JsonException ex)
            {
                throw new RocketChatResponseException(request.Operation, response.StatusCode, ex.Message, ex);
            }
        }
    }

    /// <summary>Sends the request and returns the text body, decoded with the declared charset (UTF-8 by default).</summary>
    public async Task<string> SendForTextAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new RocketChatConnectionException(request.Operation, ServerUri, "the response was cut off", ex);
        }
    }

    /// <summary>
    /// Sends the request and returns the body as a stream read from the network. The caller owns the stream and must
    /// dispose it: that releases the response and its connection.
    /// </summary>
    public async Task<Stream> SendForStreamAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ResponseStream(body, response, request.Operation, ServerUri);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Sends a request whose response body is not needed.</summary>
    public async Task SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        AppliedCredentials credentials = await AppliedCredentials.ResolveAsync(request.Operation, request.Security, Security, cancellationToken).ConfigureAwait(false)
            ?? throw new RocketChatAuthenticationRequiredException(request.Operation);

        HttpResponseMessage response = await SendOnceAsync(request, credentials, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && !credentials.IsEmpty)
        {
            // The token may have expired: let a login-based provider renew it, then try once more.
            credentials.Invalidate(Security);
            AppliedCredentials? renewed = await AppliedCredentials.ResolveAsync(request.Operation, request.Security, Security, cancellationToken).ConfigureAwait(false);
            if (renewed is { IsEmpty: false } && !renewed.SameAs(credentials) && request.CanResend)
            {
                response.Dispose();
                response = await SendOnceAsync(request, renewed, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await CreateApiExceptionAsync(request.Operation, response, cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(ApiRequest request, AppliedCredentials credentials, CancellationToken cancellationToken)
    {
        // Every segment and query value is escaped by ApiRequest already. Canonicalization would decode %2E and
        // collapse "/../", letting a token such as ".." climb out of its segment, so it is turned off.
        var uri = new Uri(string.Concat(ServerUri.AbsoluteUri, credentials.ApplyToQuery(request.RelativeUri)), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var message = new RocketChatRequestMessage(request.Method, uri, request.Operation);
        message.Headers.TryAddWithoutValidation("Accept", request.Accept);
        credentials.ApplyTo(message);

        foreach (KeyValuePair<string, string> header in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        message.Content = request.CreateContent();

        try
        {
            return await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new RocketChatConnectionException(request.Operation, ServerUri, ex.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => "the connection was refused or dropped",
                HttpRequestError.NameResolutionError => "the host name does not resolve",
                HttpRequestError.SecureConnectionError => "the TLS handshake failed",
                _ => ex.Message,
            }, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RocketChatConnectionException(request.Operation, ServerUri, "the request timed out", ex);
        }
    }

    private static async Task<RocketChatApiException> CreateApiExceptionAsync(
        string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            body = [];
        }

        RocketChatError error = RocketChatError.Parse(body);
        RateLimitInfo? rateLimit = RateLimitInfo.FromHeaders(response.Headers);
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new RocketChatUnauthorizedException(operation, error, rateLimit),
            HttpStatusCode.Forbidden => new RocketChatForbiddenException(operation, error, rateLimit),
            HttpStatusCode.TooManyRequests => new RocketChatRateLimitException(operation, error, rateLimit),
            _ => new RocketChatApiException(operation, response.StatusCode, error, rateLimit),
        };
    }
}
