using System.Buffers;
using System.Net;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>
/// How a response body is buffered: sized once from Content-Length, grown by doubling up to one byte over the limit
/// otherwise, refused unread when Content-Length is over the limit, and every pooled buffer given back exactly once.
/// </summary>
public sealed class ResponseBodyTests
{
    [Theory]
    [InlineData(100, 1000, false, 101)]
    [InlineData(0, 1000, false, 1001)]
    [InlineData(100, 50, true, 51)]
    [InlineData(null, 1000, false, 1001)]
    [InlineData(null, 100_000, false, 16 * 1024)]
    public async Task The_first_buffer_fits_the_declared_length_or_the_limit(int? declared, long limit, bool truncate, int expectedRent)
    {
        var pool = new RecordingPool();
        using var content = new BodyContent(new byte[declared ?? 10], declared);

        using (await ResponseBody.ReadAsync(content, limit, truncate, CancellationToken.None, pool))
        {
            Assert.Equal(expectedRent, pool.Rented[0]);
        }
    }

    [Fact]
    public async Task A_body_without_Content_Length_grows_by_doubling_and_never_past_one_byte_over_the_limit()
    {
        var pool = new RecordingPool();
        using var content = new BodyContent(new byte[20_001], declared: null);

        await Assert.ThrowsAsync<ResponseTooLargeException>(async () => (await ResponseBody.ReadAsync(content, 20_000, truncate: false, CancellationToken.None, pool)).Dispose());

        Assert.Equal([16 * 1024, 20_001], pool.Rented);
        Assert.Equal(pool.Rented.Count, pool.Returned.Count);
    }

    [Fact]
    public async Task A_body_that_needs_doubling_is_read_whole()
    {
        var pool = new RecordingPool();
        byte[] bytes = Enumerable.Range(0, 40_000).Select(i => (byte)i).ToArray();
        using var content = new BodyContent(bytes, declared: null);

        using (ResponseBody body = await ResponseBody.ReadAsync(content, 1_000_000, truncate: false, CancellationToken.None, pool))
        {
            Assert.Equal(bytes, body.Span.ToArray());
            Assert.Equal([16 * 1024, 32 * 1024, 64 * 1024], pool.Rented);
        }
    }

    [Fact]
    public async Task A_Content_Length_over_the_limit_is_refused_before_a_byte_is_read()
    {
        using var content = new BodyContent(new byte[100], declared: 100);

        ResponseTooLargeException error = await Assert.ThrowsAsync<ResponseTooLargeException>(async () => (await ResponseBody.ReadAsync(content, 99, truncate: false, CancellationToken.None, new RecordingPool())).Dispose());

        Assert.Equal("The response body is larger than the 99-byte limit.", error.Message);
        Assert.False(content.Opened, "the body was read although Content-Length was over the limit");
    }

    [Fact]
    public async Task Truncating_keeps_exactly_the_limit()
    {
        using var content = new BodyContent(new byte[100], declared: null);

        using ResponseBody body = await ResponseBody.ReadAsync(content, 60, truncate: true, CancellationToken.None, new RecordingPool());

        Assert.Equal(60, body.Span.Length);
    }

    [Fact]
    public async Task The_buffer_goes_back_to_the_pool_once_however_often_the_body_is_disposed()
    {
        var pool = new RecordingPool();
        using var content = new BodyContent(new byte[10], declared: 10);

        ResponseBody body = await ResponseBody.ReadAsync(content, 1000, truncate: false, CancellationToken.None, pool);
        body.Dispose();
        body.Dispose();

        Assert.Equal([11], pool.Returned);
    }

    [Fact]
    public async Task A_read_that_fails_gives_the_buffer_back()
    {
        var pool = new RecordingPool();
        using var content = new BodyContent([], declared: null) { Failure = new IOException("reset") };

        await Assert.ThrowsAsync<IOException>(async () => (await ResponseBody.ReadAsync(content, 1000, truncate: false, CancellationToken.None, pool)).Dispose());

        Assert.Equal(pool.Rented, pool.Returned);
    }

    /// <summary>Hands out arrays of exactly the size asked for, and records every rent and return.</summary>
    private sealed class RecordingPool : ArrayPool<byte>
    {
        public List<int> Rented { get; } = [];

        public List<int> Returned { get; } = [];

        public override byte[] Rent(int minimumLength)
        {
            Rented.Add(minimumLength);
            return new byte[minimumLength];
        }

        public override void Return(byte[] array, bool clearArray = false) => Returned.Add(array.Length);
    }

    /// <summary>A body served in small chunks, with or without Content-Length, that records being opened.</summary>
    private sealed class BodyContent(byte[] bytes, int? declared) : HttpContent
    {
        public bool Opened { get; private set; }

        public Exception? Failure { get; init; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => throw new NotSupportedException();

        protected override Task<Stream> CreateContentReadStreamAsync()
        {
            Opened = true;
            return Task.FromResult<Stream>(new ChunkedStream(bytes, Failure));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = declared ?? 0;
            return declared is not null;
        }
    }

    private sealed class ChunkedStream(byte[] bytes, Exception? failure) : MemoryStream(bytes, writable: false)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            failure is not null ? ValueTask.FromException<int>(failure) : base.ReadAsync(buffer[..Math.Min(buffer.Length, 4096)], cancellationToken);
    }
}
