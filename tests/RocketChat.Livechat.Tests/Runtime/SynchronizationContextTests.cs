using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>
/// The runtime never resumes on the caller's <see cref="SynchronizationContext"/> (a UI thread, say): a caller that
/// blocks on a call there would deadlock. Each call starts under a context that counts what is posted to it, and
/// waits first on the network, then (with a handler that answers at once) on a body that arrives late, then on a
/// credential provider that logs in asynchronously.
/// </summary>
public sealed class SynchronizationContextTests : IAsyncLifetime
{
    private static readonly JsonTypeInfo<JsonElement> s_element = (JsonTypeInfo<JsonElement>)JsonSerializerOptions.Default.GetTypeInfo(typeof(JsonElement));

    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string> Kinds() => ["json", "none", "text", "stream", "error"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_call_waiting_on_the_network_never_posts_to_the_callers_context(string kind)
    {
        _server.Respond(request => request.Path.EndsWith("/error", StringComparison.Ordinal)
            ? CannedResponse.Json("""{"success":false,"error":"room-closed"}""", 400)
            : CannedResponse.Json("""{"items":[1],"success":true}"""));
        var connection = new RocketChatConnection(new HttpClient(), _server.BaseAddress, new StaticCredentialProvider(new RocketChatCredentials("u", "t")));

        Assert.Equal(0, await PostsDuring(() => Call(connection, kind)));
    }

    public static TheoryData<string, Late> KindsAndLateSteps()
    {
        var data = new TheoryData<string, Late>();
        foreach (string kind in Kinds())
        {
            foreach (Late late in Enum.GetValues<Late>())
            {
                data.Add(kind, late);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndLateSteps))]
    public async Task A_call_waiting_on_a_late_body_never_posts_to_the_callers_context(string kind, Late late)
    {
        var connection = new RocketChatConnection(new HttpClient(new LateBodyHandler(late)), new Uri("https://chat.example.com/"), new StaticCredentialProvider(new RocketChatCredentials("u", "t")));

        Assert.Equal(0, await PostsDuring(() => Call(connection, kind)));
    }

    [Fact]
    public async Task Reading_a_response_stream_never_posts_to_the_callers_context()
    {
        var connection = new RocketChatConnection(new HttpClient(new LateBodyHandler(Late.Read)), new Uri("https://chat.example.com/"));
        await using Stream stream = await connection.SendForStreamAsync(Request("stream", requiresAuthentication: false), CancellationToken.None);

        Assert.Equal(0, await PostsDuring(async () => Assert.True(await stream.ReadAsync(new byte[64]).ConfigureAwait(false) > 0)));
    }

    [Fact]
    public async Task A_login_that_completes_later_never_posts_to_the_callers_context()
    {
        var connection = new RocketChatConnection(new HttpClient(new CapturingHandler()), new Uri("https://chat.example.com/"), new SlowLogin());

        Assert.Equal(0, await PostsDuring(() => connection.SendAsync(Request("none"), CancellationToken.None)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_login_renewed_after_a_401_never_posts_to_the_callers_context(bool lateLogin)
    {
        // Everything before the renewal completes at once, still on the caller's context: the late step is either the new
        // login or the request sent again with it.
        var handler = new TokenCheckingHandler(lateResend: !lateLogin);
        var connection = new RocketChatConnection(new HttpClient(handler), new Uri("https://chat.example.com/"), new RenewingLogin(lateLogin));

        Assert.Equal(0, await PostsDuring(() => connection.SendAsync(Request("none"), CancellationToken.None)));
        Assert.Equal(["expired", "renewed"], handler.Tokens);
    }

    [Fact]
    public async Task Paging_never_posts_to_the_callers_context()
    {
        static async Task<int[]> Fetch(int offset, int count, CancellationToken token)
        {
            await Task.Delay(1, token).ConfigureAwait(false);
            return offset == 0 ? [1, 2] : [];
        }

        IAsyncEnumerator<int> pages = OffsetPaging.EnumerateAsync(Fetch, page => page, _ => null, 0, 2).GetAsyncEnumerator();
        await using (pages)
        {
            Assert.Equal(0, await PostsDuring(() => pages.MoveNextAsync().AsTask()));
        }
    }

    private static async Task Call(RocketChatConnection connection, string kind)
    {
        switch (kind)
        {
            case "json":
                await connection.SendAsync(Request(kind), s_element, CancellationToken.None).ConfigureAwait(false);
                break;
            case "none":
                await connection.SendAsync(Request(kind), CancellationToken.None).ConfigureAwait(false);
                break;
            case "text":
                await connection.SendForTextAsync(Request(kind), CancellationToken.None).ConfigureAwait(false);
                break;
            case "stream":
                await (await connection.SendForStreamAsync(Request(kind), CancellationToken.None).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
                break;
            default:
                // Not Assert.ThrowsAsync: it awaits on the current context itself.
                try
                {
                    await connection.SendAsync(Request(kind), CancellationToken.None).ConfigureAwait(false);
                    Assert.Fail("an error status came back as success");
                }
                catch (RocketChatApiException ex)
                {
                    Assert.Equal("room-closed", ex.ErrorCode);
                }

                break;
        }
    }

    private static ApiRequest Request(string name, bool requiresAuthentication = true) =>
        new ApiRequest(HttpMethod.Get, name, requiresAuthentication).AppendPath("api/v1/" + name);

    /// <summary>
    /// Starts <paramref name="call"/> with a counting context current, as on a UI thread, and returns how many
    /// continuations were posted to that context until the call completed.
    /// </summary>
    private static async Task<int> PostsDuring(Func<Task> call)
    {
        var context = new CountingContext();
        SynchronizationContext? previous = SynchronizationContext.Current;
        Task running;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            running = call();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        await running;
        return context.Posted;
    }

    /// <summary>Runs what is posted on the thread pool with itself as the current context, as a UI context runs it on its thread.</summary>
    private sealed class CountingContext : SynchronizationContext
    {
        private int _posted;

        public int Posted => Volatile.Read(ref _posted);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posted);
            ThreadPool.QueueUserWorkItem(_ =>
            {
                SetSynchronizationContext(this);
                d(state);
            });
        }

        public override SynchronizationContext CreateCopy() => this;
    }

    /// <summary>The step of reading a body that completes later, on the thread pool.</summary>
    public enum Late
    {
        Open,
        Read,
        Dispose,
    }

    /// <summary>Answers at once (a cache, a test double), with a body of which one step completes a moment later.</summary>
    private sealed class LateBodyHandler(Late late) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            bool error = request.RequestUri!.AbsolutePath.EndsWith("/error", StringComparison.Ordinal);
            byte[] body = Encoding.UTF8.GetBytes(error ? """{"success":false,"error":"room-closed"}""" : """{"items":[1],"success":true}""");
            var content = new LateContent(body, late);
            return Task.FromResult(new HttpResponseMessage(error ? HttpStatusCode.BadRequest : HttpStatusCode.OK) { RequestMessage = request, Content = content });
        }
    }

    /// <summary>A JSON body whose stream opens later, or is read later, or is disposed later.</summary>
    private sealed class LateContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly Late _late;

        public LateContent(byte[] bytes, Late late)
        {
            _bytes = bytes;
            _late = late;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override async Task<Stream> CreateContentReadStreamAsync()
        {
            if (_late == Late.Open)
            {
                await Task.Delay(1).ConfigureAwait(false);
            }

            return new LateStream(_bytes, _late);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }

    /// <summary>A read-only stream whose asynchronous reads, or its asynchronous disposal, complete later on the thread pool.</summary>
    private sealed class LateStream(byte[] bytes, Late late) : MemoryStream(bytes, writable: false)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (late == Late.Read)
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            }

            return await base.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override async ValueTask DisposeAsync()
        {
            if (late == Late.Dispose)
            {
                await Task.Delay(1).ConfigureAwait(false);
            }

            await base.DisposeAsync().ConfigureAwait(false);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <summary>Answers 401 to the token "expired" at once, and 200 to any other (later, on the thread pool, when <paramref name="lateResend"/>).</summary>
    private sealed class TokenCheckingHandler(bool lateResend) : HttpMessageHandler
    {
        public List<string> Tokens { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string token = request.Headers.GetValues("X-Auth-Token").Single();
            Tokens.Add(token);
            if (token == "expired")
            {
                return new HttpResponseMessage(HttpStatusCode.Unauthorized) { RequestMessage = request, Content = new StringContent("""{"status":"error","message":"You must be logged in to do this."}""") };
            }

            if (lateResend)
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent("""{"success":true}""") };
        }
    }

    /// <summary>A login whose token has expired; once told so, it logs in again (later, on the thread pool, when <paramref name="lateLogin"/>).</summary>
    private sealed class RenewingLogin(bool lateLogin) : IRocketChatCredentialProvider
    {
        private volatile string _token = "expired";

        public async ValueTask<RocketChatCredentials?> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            if (lateLogin && _token == "renewed")
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            }

            return new RocketChatCredentials("u", _token);
        }

        public void Invalidate(RocketChatCredentials rejected) => _token = "renewed";
    }

    /// <summary>A login whose credentials are ready only after an asynchronous step.</summary>
    private sealed class SlowLogin : IRocketChatCredentialProvider
    {
        public async ValueTask<RocketChatCredentials?> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            return new RocketChatCredentials("u", "t");
        }

        public void Invalidate(RocketChatCredentials rejected)
        {
        }
    }
}
