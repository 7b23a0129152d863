namespace RocketChat.Contracts.Runtime;

/// <summary>
/// A binary response body read straight from the network. Disposing it disposes the response, which gives the
/// connection back; a body cut off mid-way surfaces as <see cref="RocketChatConnectionException"/>.
/// </summary>
internal sealed class ResponseStream(Stream body, HttpResponseMessage response, string operation, Uri server) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("A response stream has no length; read it to the end.");

    public override long Position
    {
        get => throw new NotSupportedException("A response stream cannot seek.");
        set => throw new NotSupportedException("A response stream cannot seek.");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return body.Read(buffer);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw CutOff(ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw CutOff(ex);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A response stream cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("A response stream is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A response stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Stryker disable once Statement : disposing the response disposes its content stream as well; this only makes it explicit.
            body.Dispose();
            response.Dispose();
        }

        // Stryker disable once Statement : Stream.Dispose(bool) does nothing; called as the dispose pattern asks.
        base.Dispose(disposing);
    }

    private RocketChatConnectionException CutOff(Exception inner) => new(operation, server, "the response was cut off", inner);
}
