using System.Net;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>The stream a binary operation returns: forward-only, read-only, every read path typed on a cut, and it owns the response.</summary>
public sealed class ResponseStreamTests
{
    [Fact]
    public async Task It_is_read_only_and_forward_only()
    {
        await using Stream stream = await Open(new MemoryStream([1, 2, 3]));

        Assert.True(stream.CanRead);
        Assert.False(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Throws<NotSupportedException>(() => stream.Length);
        Assert.Throws<NotSupportedException>(() => stream.Position);
        Assert.Throws<NotSupportedException>(() => stream.Position = 0);
        Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => stream.SetLength(0));
        Assert.Throws<NotSupportedException>(() => stream.Write([1], 0, 1));
        stream.Flush();
    }

    [Fact]
    public async Task Every_read_path_returns_the_bytes_in_order()
    {
        await using Stream stream = await Open(new MemoryStream([1, 2, 3, 4, 5, 6]));
        var buffer = new byte[2];

        Assert.Equal(2, stream.Read(buffer, 0, 2));
        Assert.Equal([1, 2], buffer);
        Assert.Equal(2, stream.Read(buffer.AsSpan()));
        Assert.Equal([3, 4], buffer);
        Assert.Equal(1, await stream.ReadAsync(buffer, 1, 1));
        Assert.Equal([3, 5], buffer);
        Assert.Equal(1, await stream.ReadAsync(buffer.AsMemory(0, 1)));
        Assert.Equal([6, 5], buffer);
        Assert.Equal(0, await stream.ReadAsync(buffer));
    }

    [Fact]
    public async Task A_cut_on_any_read_path_is_a_connection_exception()
    {
        await using Stream stream = await Open(new BreakingStream());
        var buffer = new byte[4];

        Assert.Equal("the response was cut off", Reason(Assert.Throws<RocketChatConnectionException>(() => stream.Read(buffer, 0, 4))));
        Assert.Throws<RocketChatConnectionException>(() => stream.Read(buffer.AsSpan()));
        await Assert.ThrowsAsync<RocketChatConnectionException>(() => stream.ReadAsync(buffer, 0, 4));
        await Assert.ThrowsAsync<RocketChatConnectionException>(async () => Assert.Equal(0, await stream.ReadAsync(buffer.AsMemory())));
    }

    [Fact]
    public async Task Disposing_it_disposes_the_body_and_the_response()
    {
        var body = new MemoryStream([1]);
        var handler = new StreamHandler(body);

        Stream stream = await Open(handler);
        await stream.DisposeAsync();

        Assert.False(body.CanRead, "the body stream was left open");
        Assert.True(handler.Response!.Content is StreamContent);
        Assert.Throws<ObjectDisposedException>(() => handler.Response.Content.ReadAsStream());
    }

    [Theory]
    [InlineData("io")]
    [InlineData("http")]
    public async Task A_connection_that_breaks_while_the_body_opens_is_a_connection_exception_and_the_response_is_disposed(string failure)
    {
        Exception cause = failure == "io" ? new IOException("reset") : new HttpRequestException("reset");
        var handler = new FailingOpenHandler(cause);

        RocketChatConnectionException error = await Assert.ThrowsAsync<RocketChatConnectionException>(() => Open(handler));

        Assert.Equal("the connection broke while the response was opened", Reason(error));
        Assert.Same(cause, error.InnerException);
        Assert.True(handler.Content!.Disposed, "the response was left undisposed");
    }

    [Fact]
    public async Task Any_other_failure_while_the_body_opens_comes_through_as_it_is_and_the_response_is_disposed()
    {
        var cause = new InvalidOperationException("the content was already consumed");
        var handler = new FailingOpenHandler(cause);

        Assert.Same(cause, await Assert.ThrowsAsync<InvalidOperationException>(() => Open(handler)));
        Assert.True(handler.Content!.Disposed, "the response was left undisposed");
    }

    private static string Reason(RocketChatConnectionException exception) => exception.Message[(exception.Message.LastIndexOf(": ", StringComparison.Ordinal) + 2)..];

    private static Task<Stream> Open(Stream body) => Open(new StreamHandler(body));

    private static Task<Stream> Open(HttpMessageHandler handler)
    {
        var connection = new RocketChatConnection(new HttpClient(handler), new Uri("https://chat.example.com/"));
        var request = new ApiRequest(HttpMethod.Get, "Download", requiresAuthentication: false) { Accept = "application/octet-stream" }.AppendPath("file");
        return connection.SendForStreamAsync(request, CancellationToken.None);
    }

    private sealed class StreamHandler(Stream body) : HttpMessageHandler
    {
        public HttpResponseMessage? Response { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StreamContent(body) };
            return Task.FromResult(Response);
        }
    }

    /// <summary>Answers 200 with a body whose stream fails to open.</summary>
    private sealed class FailingOpenHandler(Exception failure) : HttpMessageHandler
    {
        public FailingOpenContent? Content { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Content = new FailingOpenContent(failure);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = Content });
        }
    }

    private sealed class FailingOpenContent(Exception failure) : HttpContent
    {
        public bool Disposed { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => throw failure;

        protected override Task<Stream> CreateContentReadStreamAsync() => throw failure;

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>A body whose connection breaks on the first read, sync or async.</summary>
    private sealed class BreakingStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("reset");

        public override int Read(Span<byte> buffer) => throw new IOException("reset");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw new HttpRequestException("reset");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new HttpRequestException("reset");
    }
}
