using System.Buffers;

namespace RocketChat.Contracts.Runtime;

/// <summary>A response body read into one pooled buffer; dispose to give the buffer back.</summary>
internal sealed class ResponseBody : IDisposable
{
    private const int DefaultCapacity = 16 * 1024;
    private const int MaxPresized = 4 * 1024 * 1024;

    private byte[] _buffer;
    private int _length;

    private ResponseBody(byte[] buffer)
    {
        _buffer = buffer;
    }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    public static async Task<ResponseBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        // Content-Length sizes the buffer in one go; a chunked body grows it by doubling.
        long? declared = content.Headers.ContentLength;
        int capacity = declared is > 0 and <= MaxPresized ? (int)declared.Value + 1 : DefaultCapacity;
        var body = new ResponseBody(ArrayPool<byte>.Shared.Rent(capacity));
        try
        {
            Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (body._length == body._buffer.Length)
                    {
                        body.Grow();
                    }

                    int read = await stream.ReadAsync(body._buffer.AsMemory(body._length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return body;
                    }

                    body._length += read;
                }
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        byte[] buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow()
    {
        byte[] larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
