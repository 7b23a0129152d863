using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace RocketChat.Livechat.Emulator.Realtime;

/// <summary>
/// One client's WebSocket: frames in (handed to <see cref="RealtimeServer"/>), frames out through a bounded outbox
/// sent by one writer loop, and Meteor's heartbeat: after an interval of silence a <c>ping</c>, and if nothing arrives
/// within the timeout the session closes. A client too slow to drain <see cref="OutboxCapacity"/> frames is
/// disconnected, as a server must not buffer without bound.
/// </summary>
internal sealed class DdpSession
{
    public const int OutboxCapacity = 4096;

    private readonly WebSocket _socket;
    private readonly Channel<byte[]> _outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(OutboxCapacity) { SingleReader = true });
    private readonly CancellationTokenSource _lifetime = new();
    private long _lastReceivedTicks = Environment.TickCount64;

    public DdpSession(WebSocket socket, string id)
    {
        _socket = socket;
        Id = id;
    }

    public string Id { get; }

    /// <summary>Set by <c>connect</c>.</summary>
    public bool IsConnected { get; set; }

    /// <summary>The logged-in user, after <c>login</c>.</summary>
    public string? UserId { get; set; }

    /// <summary>The visitor token bound by <c>livechat:setUpConnection</c>: the guest goes offline when this session ends.</summary>
    public string? LivechatToken { get; set; }

    /// <summary>This session's subscriptions by id: (stream, eventName).</summary>
    public Dictionary<string, (string Stream, string EventName)> Subscriptions { get; } = new(StringComparer.Ordinal);

    public DdpRateLimiter? RateLimiter { get; init; }

    /// <summary>Queues a frame; a full outbox means the client stopped reading, and it is disconnected.</summary>
    public void Enqueue(byte[] frame)
    {
        if (!_outbox.Writer.TryWrite(frame))
        {
            Abort();
        }
    }

    /// <summary>Drops the connection without a close handshake, as a network failure would.</summary>
    public void Abort()
    {
        _outbox.Writer.TryComplete();
        _lifetime.Cancel();
        _socket.Abort();
    }

    /// <summary>Sends what is queued, then closes (after <c>failed</c>).</summary>
    public void CloseAfterFlush() => _outbox.Writer.TryComplete();

    public async Task RunAsync(Func<DdpSession, ReadOnlyMemory<byte>, ValueTask> onFrame, TimeSpan heartbeatInterval, TimeSpan heartbeatTimeout, CancellationToken stopping)
    {
        using CancellationTokenRegistration registration = stopping.Register(Abort);
        Task writer = Task.Run(WriteLoopAsync);
        Task heartbeat = Task.Run(() => HeartbeatAsync(heartbeatInterval, heartbeatTimeout));
        var frame = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (!_lifetime.IsCancellationRequested)
            {
                frame.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(frame.GetMemory(4096), _lifetime.Token).ConfigureAwait(false);
                    frame.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                Volatile.Write(ref _lastReceivedTicks, Environment.TickCount64);
                await onFrame(this, frame.WrittenMemory).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Aborted, dropped or timed out: the session is over either way.
        }
        finally
        {
            Abort();
            await Task.WhenAll(writer, heartbeat).ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (byte[] frame in _outbox.Reader.ReadAllAsync(_lifetime.Token).ConfigureAwait(false))
            {
                await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, _lifetime.Token).ConfigureAwait(false);
            }

            // Completed without an abort: close politely (after 'failed').
            if (!_lifetime.IsCancellationRequested)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, _lifetime.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The read loop ends the session.
        }
    }

    private async Task HeartbeatAsync(TimeSpan interval, TimeSpan timeout)
    {
        try
        {
            while (!_lifetime.IsCancellationRequested)
            {
                await Task.Delay(interval, _lifetime.Token).ConfigureAwait(false);
                if (Environment.TickCount64 - Volatile.Read(ref _lastReceivedTicks) < interval.TotalMilliseconds)
                {
                    continue; // Something arrived during the interval: no ping needed.
                }

                long pingedAt = Environment.TickCount64;
                Enqueue(DdpServerFrames.Ping());
                await Task.Delay(timeout, _lifetime.Token).ConfigureAwait(false);
                if (Volatile.Read(ref _lastReceivedTicks) < pingedAt)
                {
                    Abort(); // Silent through the whole timeout: Meteor closes the session.
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Session over.
        }
    }
}
