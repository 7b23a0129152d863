using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>
/// A connection on an in-process handler: what it refuses to be built with, each kind of call bounded by the timeout,
/// and every way a response can break the contract or the transport, each with its own typed error and words.
/// </summary>
public sealed class ConnectionBehaviourTests
{
    private static readonly Uri s_server = new("https://chat.example.com/");
    private static readonly JsonTypeInfo<JsonElement> s_element = (JsonTypeInfo<JsonElement>)JsonSerializerOptions.Default.GetTypeInfo(typeof(JsonElement));

    public static TheoryData<string> Kinds() => ["json", "none", "text", "stream"];

    [Fact]
    public void It_needs_an_HttpClient_and_a_server_and_says_which_is_missing()
    {
        Assert.Throws<ArgumentNullException>(() => new RocketChatConnection(null!, s_server));
        using var client = new HttpClient(new CapturingHandler());
        Assert.Equal(
            "Give the server URL, or an HttpClient with a BaseAddress. (Parameter 'serverUri')",
            Assert.Throws<ArgumentException>(() => new RocketChatConnection(client)).Message);
        Assert.Throws<ArgumentNullException>(() => new RocketChatConnection(client, s_server, (ISecurityCredentialProvider)null!));
    }

    [Fact]
    public void User_info_in_the_server_URL_is_refused_and_never_echoed()
    {
        using var client = new HttpClient(new CapturingHandler());

        Assert.Equal(
            "The server URL must not contain a user name or password; use credentials instead. (Parameter 'serverUri')",
            Assert.Throws<ArgumentException>(() => new RocketChatConnection(client, new Uri("https://ann:hunter2@chat.example.com/"))).Message);
        Assert.Equal(
            "The server URL must be an absolute http or https URL, not 'ftp://***@chat.example.com/'. (Parameter 'serverUri')",
            Assert.Throws<ArgumentException>(() => new RocketChatConnection(client, new Uri("ftp://ann:hunter2@chat.example.com/"))).Message);
    }

    [Fact]
    public void A_refused_server_URL_without_user_info_is_echoed_as_written()
    {
        using var client = new HttpClient(new CapturingHandler());

        // An '@' in the path is not user info: nothing to hide, so nothing is rewritten.
        Assert.Equal(
            "The server URL must be an absolute http or https URL, not 'ftp://chat.example.com/@team/'. (Parameter 'serverUri')",
            Assert.Throws<ArgumentException>(() => new RocketChatConnection(client, new Uri("ftp://chat.example.com/@team/"))).Message);
    }

    [Fact]
    public void Other_credentials_must_be_given()
    {
        using var client = new HttpClient(new CapturingHandler());
        var connection = new RocketChatConnection(client, s_server);

        Assert.Equal("credentials", Assert.Throws<ArgumentNullException>(() => connection.WithCredentials(null!)).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_body_limit_that_is_not_positive_is_refused(long limit)
    {
        using var client = new HttpClient(new CapturingHandler());

        Assert.Throws<ArgumentOutOfRangeException>(() => new RocketChatConnection(client, s_server, options: new RocketChatConnectionOptions { MaxResponseBodySize = limit }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_timeout_that_is_not_positive_is_refused_unless_infinite(int milliseconds)
    {
        using var client = new HttpClient(new CapturingHandler());

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new RocketChatConnection(client, s_server, options: new RocketChatConnectionOptions { Timeout = TimeSpan.FromMilliseconds(milliseconds) }));
        Assert.StartsWith("The timeout must be positive or infinite.", error.Message, StringComparison.Ordinal);
        Assert.NotNull(new RocketChatConnection(client, s_server, options: new RocketChatConnectionOptions { Timeout = Timeout.InfiniteTimeSpan }));
    }

    [Fact]
    public async Task Every_call_needs_a_request()
    {
        var connection = new RocketChatConnection(new HttpClient(new CapturingHandler()), s_server);

        await Assert.ThrowsAsync<ArgumentNullException>(() => connection.SendAsync(null!, s_element, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => connection.SendAsync<JsonElement>(Request(), null!, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => connection.SendAsync(null!, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => connection.SendForTextAsync(null!, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => connection.SendForStreamAsync(null!, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_server_that_stalls_before_its_headers_times_out_on_every_kind_of_call(string kind)
    {
        var connection = Stalling(stallBody: false);

        RocketChatConnectionException error = await Assert.ThrowsAsync<RocketChatConnectionException>(() => Call(connection, kind).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.EndsWith("no complete response within 0.2 s", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("none")]
    [InlineData("text")]
    public async Task A_body_that_stalls_times_out_on_every_kind_of_call_that_reads_it(string kind)
    {
        var connection = Stalling(stallBody: true);

        await Assert.ThrowsAsync<RocketChatConnectionException>(() => Call(connection, kind).WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Without_a_connection_timeout_the_HttpClients_timeout_is_named()
    {
        var client = new HttpClient(new StallingHandler(stallBody: false)) { Timeout = TimeSpan.FromMilliseconds(200) };
        var connection = new RocketChatConnection(client, s_server, options: new RocketChatConnectionOptions { Timeout = Timeout.InfiniteTimeSpan });

        RocketChatConnectionException error = await Assert.ThrowsAsync<RocketChatConnectionException>(() => connection.SendAsync(Request(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.EndsWith("no complete response within the HttpClient's timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_body_in_an_unknown_charset_is_a_response_exception()
    {
        var handler = new CapturingHandler { Decorate = r => r.Content.Headers.ContentType!.CharSet = "x-unknown-7" };

        RocketChatResponseException error = await Assert.ThrowsAsync<RocketChatResponseException>(() => Connect(handler).SendForTextAsync(Request(), CancellationToken.None));
        Assert.EndsWith("the text body's charset 'x-unknown-7' is not known", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_JSON_null_body_is_a_response_exception()
    {
        RocketChatResponseException error = await Assert.ThrowsAsync<RocketChatResponseException>(() => Connect(new CapturingHandler(body: "null")).SendAsync(Request(), (JsonTypeInfo<string>)JsonSerializerOptions.Default.GetTypeInfo(typeof(string)), CancellationToken.None));
        Assert.EndsWith("the body is JSON null", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(FormatException))]
    [InlineData(typeof(ArgumentException))]
    [InlineData(typeof(OverflowException))]
    public async Task What_a_converter_throws_for_a_body_that_breaks_the_contract_is_a_response_exception(Type thrown)
    {
        RocketChatResponseException error = await Assert.ThrowsAsync<RocketChatResponseException>(() => Connect(new CapturingHandler()).SendAsync(Request(), Throwing(thrown), CancellationToken.None));

        Assert.IsType(thrown, error.InnerException);
        Assert.EndsWith("the converter refused the body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_converter_failures_are_not_taken_for_a_contract_break()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Connect(new CapturingHandler()).SendAsync(Request(), Throwing(typeof(KeyNotFoundException)), CancellationToken.None));
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError, "the connection was refused or dropped")]
    [InlineData(HttpRequestError.NameResolutionError, "the host name does not resolve")]
    [InlineData(HttpRequestError.SecureConnectionError, "the TLS handshake failed")]
    [InlineData(HttpRequestError.ResponseEnded, "the connection closed before a complete response")]
    [InlineData(HttpRequestError.ProxyTunnelError, "proxy said no")]
    public async Task Each_transport_error_is_named_in_the_connection_exception(HttpRequestError cause, string reason)
    {
        var connection = Connect(new FailingHandler(new HttpRequestException(cause, "proxy said no")));

        RocketChatConnectionException error = await Assert.ThrowsAsync<RocketChatConnectionException>(() => connection.SendAsync(Request(), CancellationToken.None));
        Assert.Equal($"Rocket.Chat Probe: cannot reach the server at https://chat.example.com: {reason}", error.Message);
    }

    [Fact]
    public async Task A_response_that_does_not_name_its_request_is_accepted()
    {
        var handler = new CapturingHandler { Decorate = r => r.RequestMessage = null };

        await Connect(handler).SendAsync(Request(), CancellationToken.None);

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_answer_from_another_origin_fails_the_call_and_releases_the_response()
    {
        var content = new TrackedContent("{}");
        var handler = new CapturingHandler { Decorate = r => { r.RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://elsewhere.example/api"); r.Content = content; } };

        RocketChatRedirectException error = await Assert.ThrowsAsync<RocketChatRedirectException>(() => Connect(handler).SendAsync(Request(), CancellationToken.None));

        Assert.Equal(new Uri("https://elsewhere.example/"), error.LocationOrigin);
        Assert.True(content.Disposed, "the response from the other origin was not disposed");
    }

    [Theory]
    [InlineData(300)]
    [InlineData(399)]
    public async Task Every_3xx_status_is_a_redirect(int status)
    {
        await Assert.ThrowsAsync<RocketChatRedirectException>(() => Connect(new CapturingHandler((HttpStatusCode)status)).SendAsync(Request(), CancellationToken.None));
    }

    [Fact]
    public async Task The_rejected_response_is_released_before_a_renewed_login_retries()
    {
        var first = new TrackedContent("""{"status":"error"}""");
        int logins = 0;
        var login = new RenewingLogin(() => new RocketChatCredentials("u", "token-" + ++logins));
        var handler = new SequenceHandler(
            request => new HttpResponseMessage(HttpStatusCode.Unauthorized) { RequestMessage = request, Content = first },
            request => new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent("{}") });
        var connection = new RocketChatConnection(new HttpClient(handler), s_server, login);

        await connection.SendAsync(Request(requiresAuthentication: true), CancellationToken.None);

        Assert.Equal(2, logins);
        Assert.True(first.Disposed, "the 401 response was kept while the call retried");
    }

    [Fact]
    public async Task A_stream_that_cannot_be_opened_fails_the_call_and_releases_the_response()
    {
        var content = new TrackedContent("x") { FailOpening = true };
        var handler = new CapturingHandler { Decorate = r => r.Content = content };

        RocketChatConnectionException error = await Assert.ThrowsAsync<RocketChatConnectionException>(() => Connect(handler).SendForStreamAsync(Request(), CancellationToken.None));
        Assert.IsType<IOException>(error.InnerException);
        Assert.True(content.Disposed);
    }

    [Fact]
    public void The_recommended_handler_follows_no_redirect_keeps_no_cookies_and_renews_connections()
    {
        using SocketsHttpHandler handler = RocketChatHttpHandler.Create();

        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseCookies);
        Assert.Equal(TimeSpan.FromMinutes(5), handler.PooledConnectionLifetime);
    }

    [Fact]
    public async Task A_body_cut_before_success_is_told_is_a_response_exception_not_an_index_error()
    {
        await Assert.ThrowsAsync<RocketChatResponseException>(() => Connect(new CapturingHandler(body: "{\"success\"")).SendAsync(Request(), s_element, CancellationToken.None));
        await Assert.ThrowsAsync<RocketChatResponseException>(() => Connect(new CapturingHandler(body: "{\"success\"  ")).SendAsync(Request(), s_element, CancellationToken.None));
    }

    [Fact]
    public async Task A_success_false_inside_an_array_body_is_not_a_failure()
    {
        JsonElement body = await Connect(new CapturingHandler(body: """[{"success": false}]""")).SendAsync(Request(), s_element, CancellationToken.None);

        Assert.Equal(JsonValueKind.Array, body.ValueKind);
    }

    internal static async Task Call(RocketChatConnection connection, string kind)
    {
        switch (kind)
        {
            case "json":
                await connection.SendAsync(Request(), s_element, CancellationToken.None);
                break;
            case "none":
                await connection.SendAsync(Request(), CancellationToken.None);
                break;
            case "text":
                await connection.SendForTextAsync(Request(), CancellationToken.None);
                break;
            default:
                await (await connection.SendForStreamAsync(Request(), CancellationToken.None)).DisposeAsync();
                break;
        }
    }

    private static ApiRequest Request(bool requiresAuthentication = false) => new ApiRequest(HttpMethod.Get, "Probe", requiresAuthentication).AppendPath("api/v1/probe");

    private static RocketChatConnection Connect(HttpMessageHandler handler) => new(new HttpClient(handler), s_server);

    private static RocketChatConnection Stalling(bool stallBody) =>
        new(new HttpClient(new StallingHandler(stallBody)) { Timeout = Timeout.InfiniteTimeSpan }, s_server, options: new RocketChatConnectionOptions { Timeout = TimeSpan.FromMilliseconds(200) });

    private static JsonTypeInfo<JsonElement> Throwing(Type exception)
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), Converters = { new ThrowingConverter(exception) } };
        return (JsonTypeInfo<JsonElement>)options.GetTypeInfo(typeof(JsonElement));
    }

    private sealed class ThrowingConverter(Type exception) : JsonConverter<JsonElement>
    {
        public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw (Exception)Activator.CreateInstance(exception, "the converter refused the body")!;

        public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);
    }

    /// <summary>Never answers (or never finishes the body) until the call's token is cancelled.</summary>
    private sealed class StallingHandler(bool stallBody) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!stallBody)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StreamContent(new StallingStream()) };
        }
    }

    private sealed class StallingStream : MemoryStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    private sealed class FailingHandler(Exception failure) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromException<HttpResponseMessage>(failure);
    }

    private sealed class SequenceHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] replies) : HttpMessageHandler
    {
        private int _next;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(replies[_next++](request));
    }

    /// <summary>A JSON body that records its disposal and can fail to open.</summary>
    private sealed class TrackedContent(string text) : HttpContent
    {
        public bool Disposed { get; private set; }

        public bool FailOpening { get; init; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

        protected override Task<Stream> CreateContentReadStreamAsync() =>
            FailOpening ? Task.FromException<Stream>(new IOException("cannot open")) : Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        protected override bool TryComputeLength(out long length)
        {
            length = Encoding.UTF8.GetByteCount(text);
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>A login that issues new credentials each time the server rejects the current ones.</summary>
    private sealed class RenewingLogin(Func<RocketChatCredentials> login) : IRocketChatCredentialProvider
    {
        private RocketChatCredentials? _current;

        public ValueTask<RocketChatCredentials?> GetCredentialsAsync(CancellationToken cancellationToken) => new(_current ??= login());

        public void Invalidate(RocketChatCredentials rejected) => _current = null;
    }
}
