using System.Buffers;
using System.Runtime.CompilerServices;

namespace RocketChat.Contracts.Runtime;

/// <summary>
/// A response body read into one buffer, never more than a size limit; dispose to give the buffer back.
/// Small buffers come from <see cref="ArrayPool{T}.Shared"/>; large ones are plain arrays, so one huge response does
/// not leave a huge array pooled for the life of the process.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    private const int DefaultCapacity = 16 * 1024;

    /// <summary>The largest buffer rented from the shared pool.</summary>
    internal const int MaxPooledBuffer = 1024 * 1024;

    private readonly ArrayPool<byte> _pool;
    private byte[] _buffer;
    private int _length;

    private ResponseBody(ArrayPool<byte> pool, int capacity)
    {
        _pool = pool;
        _buffer = Allocate(pool, capacity);
    }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    /// <summary>
    /// Reads the whole body. A body longer than <paramref name="maxSize"/> (declared by Content-Length, or found while
    /// reading a body without one) throws <see cref="ResponseTooLargeException"/>, or, with
    /// <paramref name="truncate"/>, keeps the first <paramref name="maxSize"/> bytes and stops reading.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<ResponseBody> ReadAsync(HttpContent content, long maxSize, bool truncate, CancellationToken cancellationToken, ArrayPool<byte>? pool = null)
    {
        // No array holds more than Array.MaxLength bytes, whatever limit was configured; "+ 1" below cannot overflow.
        // Stryker disable once Arithmetic : the two differ only for a body of Array.MaxLength bytes (2 GiB).
        maxSize = Math.Min(maxSize, Array.MaxLength - 1);
        long? declared = content.Headers.ContentLength;
        if (declared > maxSize && !truncate)
        {
            throw new ResponseTooLargeException(maxSize);
        }

        // Content-Length sizes the buffer in one go (one byte more, to see the end without growing); otherwise it grows.
        long wanted = declared is > 0 ? Math.Min(declared.Value + 1, maxSize + 1) : Math.Min(DefaultCapacity, maxSize + 1);
        var body = new ResponseBody(pool ?? ArrayPool<byte>.Shared, (int)Math.Min(wanted, Array.MaxLength));
        try
        {
            Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (body._length == body._buffer.Length)
                    {
                        body.Grow(maxSize);
                    }

                    int read = await stream.ReadAsync(body._buffer.AsMemory(body._length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return body;
                    }

                    body._length += read;
                    if (body._length > maxSize)
                    {
                        if (!truncate)
                        {
                            throw new ResponseTooLargeException(maxSize);
                        }

                        body._length = (int)maxSize;
                        return body;
                    }
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
        Release(_pool, buffer);
    }

    private void Grow(long maxSize)
    {
        // Never past one byte over the limit (enough to know it was passed), and in long arithmetic: no int overflow.
        long larger = Math.Min(Math.Min((long)_buffer.Length * 2, maxSize + 1), Array.MaxLength);
        // Stryker disable once Equality,Statement : Grow runs with a full buffer still within the limit, so larger is bigger unless the buffer is Array.MaxLength long (2 GiB).
        if (larger <= _buffer.Length)
        {
            throw new ResponseTooLargeException(maxSize);
        }

        byte[] next = Allocate(_pool, (int)larger);
        _buffer.AsSpan(0, _length).CopyTo(next);
        Release(_pool, _buffer);
        _buffer = next;
    }

    private static byte[] Allocate(ArrayPool<byte> pool, int size) => size <= MaxPooledBuffer ? pool.Rent(size) : new byte[size];

    private static void Release(ArrayPool<byte> pool, byte[] buffer)
    {
        if (buffer.Length is > 0 and <= MaxPooledBuffer)
        {
            pool.Return(buffer);
        }
    }
}
