using System.Buffers;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests;

/// <summary>Response bodies are read up to a limit; a longer one, declared or endless, fails typed without filling memory.</summary>
public sealed class BodySizeLimitTests : IAsyncLifetime
{
    private readonly FaultServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private LivechatClient Client(long limit) => LivechatClient.Create(new RocketChatLivechatOptions
    {
        ServerUrl = _server.BaseAddress,
        UserId = "u1",
        AuthToken = "t",
        MaxResponseBodySize = limit,
        Timeout = TimeSpan.FromSeconds(30),
    });

    [Fact]
    public void The_default_limit_is_32_MiB()
    {
        Assert.Equal(32L * 1024 * 1024, new RocketChatLivechatOptions().MaxResponseBodySize);
        Assert.Equal(32L * 1024 * 1024, new RocketChatConnectionOptions().MaxResponseBodySize);
    }

    [Fact]
    public async Task An_endless_body_without_Content_Length_stops_at_the_limit()
    {
        _server.Reply(Faults.EndlessBody());

        var ex = await Assert.ThrowsAsync<RocketChatResponseException>(() => Client(1024 * 1024).Inquiries.ListInquiriesAsync());

        Assert.Contains("larger than the 1048576-byte limit", ex.Message);
    }

    [Fact]
    public async Task A_Content_Length_above_the_limit_is_refused_before_reading()
    {
        // The server declares 10 GB but would stream it forever; the client must not start reading.
        _server.Reply(Faults.EndlessBody(declaredLength: 10L * 1024 * 1024 * 1024));

        var ex = await Assert.ThrowsAsync<RocketChatResponseException>(() => Client(RocketChatConnectionOptions.DefaultMaxResponseBodySize).Inquiries.ListInquiriesAsync());

        Assert.Contains("MaxResponseBodySize", ex.Message);
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_read()
    {
        string json = """{"inquiries":[],"success":true}""";
        string padded = json[..^1] + new string(' ', 2000) + "}";
        _server.Reply(Faults.Json(padded));

        ListInquiriesResponse page = await Client(padded.Length).Inquiries.ListInquiriesAsync();

        Assert.Empty(page.Inquiries);
    }

    [Fact]
    public async Task A_chunked_body_one_byte_over_the_limit_fails()
    {
        string padded = """{"inquiries":[],"success":true""" + new string(' ', 2000) + "}";
        _server.Reply(Faults.Raw($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{padded.Length:x}\r\n{padded}\r\n0\r\n\r\n"));

        await Assert.ThrowsAsync<RocketChatResponseException>(() => Client(padded.Length - 1).Inquiries.ListInquiriesAsync());
    }

    [Fact]
    public async Task A_large_error_body_is_cut_at_the_limit_and_keeps_its_status()
    {
        _server.Reply(Faults.Json("{\"success\":false,\"error\":\"" + new string('x', 100_000) + "\"}", 500));

        var ex = await Assert.ThrowsAsync<RocketChatApiException>(() => Client(10_000).Inquiries.ListInquiriesAsync());

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, ex.StatusCode);
    }

    [Fact]
    public async Task A_large_body_is_read_into_plain_arrays_and_only_small_buffers_go_back_to_the_pool()
    {
        var pool = new RecordingPool();
        byte[] payload = new byte[8 * 1024 * 1024];
        payload.AsSpan().Fill((byte)' ');
        // A pipe has no length, so there is no Content-Length: the buffer grows from 16 KiB past the pooling cap.
        var pipe = new System.IO.Pipelines.Pipe();
        Task writing = Task.Run(async () =>
        {
            await pipe.Writer.WriteAsync(payload);
            await pipe.Writer.CompleteAsync();
        });
        using var content = new StreamContent(pipe.Reader.AsStream());

        using (ResponseBody body = await ResponseBody.ReadAsync(content, RocketChatConnectionOptions.DefaultMaxResponseBodySize, truncate: false, CancellationToken.None, pool))
        {
            Assert.Equal(payload.Length, body.Span.Length);
        }

        await writing;
        Assert.Null(content.Headers.ContentLength);

        Assert.NotEmpty(pool.Rented);
        Assert.All(pool.Rented, size => Assert.True(size <= ResponseBody.MaxPooledBuffer, $"rented {size} bytes"));
        Assert.All(pool.Returned, size => Assert.True(size <= ResponseBody.MaxPooledBuffer, $"returned {size} bytes"));
        Assert.Equal(pool.Rented.Count, pool.Returned.Count);
    }

    [Fact]
    public async Task A_limit_of_long_MaxValue_does_not_overflow_the_size_arithmetic()
    {
        using var content = new StreamContent(new MemoryStream(new byte[100]));

        using ResponseBody body = await ResponseBody.ReadAsync(content, long.MaxValue, truncate: false, CancellationToken.None);

        Assert.Equal(100, body.Span.Length);
    }

    private sealed class RecordingPool : ArrayPool<byte>
    {
        public List<int> Rented { get; } = [];

        public List<int> Returned { get; } = [];

        public override byte[] Rent(int minimumLength)
        {
            byte[] array = Shared.Rent(minimumLength);
            Rented.Add(array.Length);
            return array;
        }

        public override void Return(byte[] array, bool clearArray = false)
        {
            Returned.Add(array.Length);
            Shared.Return(array, clearArray);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_limit_that_is_not_positive_is_rejected_by_validation(long limit)
    {
        var options = new RocketChatLivechatOptions { ServerUrl = new Uri("https://chat.example.com"), MaxResponseBodySize = limit };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("MaxResponseBodySize", ex.Message);
    }
}
