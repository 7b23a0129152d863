using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace RocketChat.Livechat.Realtime.Ddp;

/// <summary>
/// One DDP session over one WebSocket: the <c>connect</c> handshake, answers to server pings, a ping after silence
/// with a watchdog, method calls and subscriptions matched to their answers by id. It never reconnects; when it
/// ends, <see cref="Closed"/> completes with the reason and every waiting call fails with
/// <see cref="RealtimeConnectionLostException"/>. <see cref="LivechatRealtimeClient"/> replaces it.
/// </summary>
internal sealed class DdpConnection : IAsyncDisposable
{
    /// <summary>The versions this client speaks, in preference order (what Rocket.Chat's own client sends).</summary>
    public static readonly string[] SupportedVersions = ["1", "pre2", "pre1"];

    private const string Operation = "Realtime";

    private readonly ClientWebSocket _socket;
    private readonly LivechatRealtimeOptions _options;
    private readonly IDdpListener _listener;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, PendingCall> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _pendingSubscriptions = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<string> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Exception> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();
    private long _lastReceivedTicks = Environment.TickCount64;
    private long _pingSentTicks;
    private int _nextId;
    private Task _receiveLoop = Task.CompletedTask;
    private Task _heartbeatLoop = Task.CompletedTask;

    private DdpConnection(ClientWebSocket socket, LivechatRealtimeOptions options, IDdpListener listener)
    {
        _socket = socket;
        _options = options;
        _listener = listener;
    }

    /// <summary>The server's session id from <c>connected</c>.</summary>
    public string SessionId { get; private set; } = string.Empty;

    /// <summary>Completes, never faults, with the reason once the connection has ended.</summary>
    public Task<Exception> Closed => _closed.Task;

    /// <summary>Opens the socket and completes the handshake; throws a typed exception when either fails.</summary>
    public static async Task<DdpConnection> OpenAsync(Uri endpoint, LivechatRealtimeOptions options, IDdpListener listener, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // DDP has its own heartbeat.
        var connection = new DdpConnection(socket, options, listener);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            try
            {
                await socket.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new RealtimeConnectionLostException(Operation, $"cannot open {endpoint}: {ex.Message}", ex);
            }

            connection.Start();
            await connection.SendAsync(DdpFrames.Connect, timeout.Token).ConfigureAwait(false);
            connection.SessionId = await connection._connected.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
            return connection;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new RealtimeConnectionLostException(Operation, $"no DDP handshake within {options.ConnectTimeout}.");
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Calls a method and returns its <c>result</c> (null when the server sent none), or throws the server's error typed.</summary>
    public async Task<JsonElement?> CallAsync(string method, Action<Utf8JsonWriter> writeParams, CancellationToken cancellationToken)
    {
        string id = NextId();
        var call = new PendingCall(method);
        _calls[id] = call;
        try
        {
            ThrowIfClosed(method);
            await SendAsync(writer => DdpFrames.Method(writer, id, method, writeParams), cancellationToken).ConfigureAwait(false);
            return await WithinCallTimeoutAsync(call.Result.Task, method, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _calls.TryRemove(id, out _);
        }
    }

    /// <summary>Subscribes and waits for <c>ready</c>; a <c>nosub</c> instead throws the server's error typed. Returns the subscription id.</summary>
    public async Task<string> SubscribeAsync(string name, Action<Utf8JsonWriter> writeParams, CancellationToken cancellationToken)
    {
        string id = NextId();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pendingSubscriptions[id] = ready;
        try
        {
            ThrowIfClosed(name);
            await SendAsync(writer => DdpFrames.Subscribe(writer, id, name, writeParams), cancellationToken).ConfigureAwait(false);
            try
            {
                await WithinCallTimeoutAsync(ready.Task, name, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The sub went out: stop it, or the server keeps it and its events for the connection's whole life.
                _ = UnsubscribeQuietlyAsync(id);
                throw;
            }

            return id;
        }
        catch (RealtimeServerException ex)
        {
            // Keep the publication name in the error, since nosub does not carry it.
            throw ex is RealtimeRateLimitException or RealtimeTwoFactorException ? ex : new RealtimeServerException($"{name} subscription", ex.Error, ex.Reason, ex.Details);
        }
        finally
        {
            _pendingSubscriptions.TryRemove(id, out _);
        }
    }

    /// <summary>Stops a subscription; best effort, since a closed connection has no subscriptions left anyway.</summary>
    public async Task UnsubscribeAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        if (_closed.Task.IsCompleted)
        {
            return;
        }

        try
        {
            await SendAsync(writer => DdpFrames.Unsubscribe(writer, subscriptionId), cancellationToken).ConfigureAwait(false);
        }
        catch (RealtimeConnectionLostException)
        {
            // The server drops the subscriptions of a closed session itself.
        }
    }

    /// <summary>Stops a subscription nobody waits for any more, within a few seconds, ignoring any failure (a dead connection has none left).</summary>
    public async Task UnsubscribeQuietlyAsync(string subscriptionId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await UnsubscribeAsync(subscriptionId, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The socket did not take the frame in time: the connection is in trouble and will be replaced anyway.
        }
    }

    /// <summary>Aborts the socket as a network failure would (for the supervisor's watchdog and for tests).</summary>
    public void Abort(Exception reason) => Fail(reason);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_closed.Task.IsCompleted && _socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "disposed", timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Closing politely is best effort; the abort below ends it either way.
            }
        }

        Fail(new ObjectDisposedException(nameof(LivechatRealtimeClient), "The realtime connection was disposed."));
        await Task.WhenAll(_receiveLoop, _heartbeatLoop).ConfigureAwait(false);
        _socket.Dispose();
        _lifetime.Dispose();
    }

    private void Start()
    {
        _receiveLoop = Task.Run(ReceiveLoopAsync);
        _heartbeatLoop = Task.Run(HeartbeatLoopAsync);
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Waits for a call's or a subscription's answer up to <see cref="LivechatRealtimeOptions.CallTimeout"/>. Past it the
    /// session is stuck: the connection fails (every other wait ends with the reason) and this one throws
    /// <see cref="RealtimeTimeoutException"/>.
    /// </summary>
    private async Task WithinCallTimeoutAsync(Task answer, string operation, CancellationToken cancellationToken)
    {
        try
        {
            await answer.WaitAsync(_options.CallTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var timeout = new RealtimeTimeoutException(operation, _options.CallTimeout);
            Fail(new RealtimeConnectionLostException(Operation, $"no answer to {operation} within {_options.CallTimeout}.", timeout));
            throw timeout;
        }
    }

    private async Task<T> WithinCallTimeoutAsync<T>(Task<T> answer, string operation, CancellationToken cancellationToken)
    {
        await WithinCallTimeoutAsync((Task)answer, operation, cancellationToken).ConfigureAwait(false);
        return await answer.ConfigureAwait(false);
    }

    private void ThrowIfClosed(string operation)
    {
        if (_closed.Task.IsCompleted)
        {
            throw new RealtimeConnectionLostException(operation, _closed.Task.Result.Message, _closed.Task.Result);
        }
    }

    private async Task SendAsync(Action<Utf8JsonWriter> writeFrame, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writeFrame(writer);
        }

        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // An aborted WebSocket (the receive side saw the reset first) throws OperationCanceledException("Aborted").
            var lost = new RealtimeConnectionLostException(Operation, $"sending failed: {ex.Message}", ex);
            Fail(lost);
            throw lost;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
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
                    if (frame.WrittenCount > _options.MaxMessageBytes)
                    {
                        throw new RealtimeProtocolException(Operation, $"the server sent a message larger than the {_options.MaxMessageBytes}-byte limit (MaxMessageBytes).");
                    }
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Fail(new RealtimeConnectionLostException(Operation, $"the server closed the socket ({(int?)_socket.CloseStatus} {_socket.CloseStatusDescription})."));
                    return;
                }

                Volatile.Write(ref _lastReceivedTicks, Environment.TickCount64);
                Volatile.Write(ref _pingSentTicks, 0);
                await DispatchAsync(frame.WrittenMemory).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Ended by Fail or DisposeAsync.
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // OperationCanceledException("Aborted") too: a send that failed on a reset connection aborts the
            // WebSocket, and a receive in flight then throws that before Fail has cancelled the lifetime.
            Fail(new RealtimeConnectionLostException(Operation, ex.Message, ex));
        }
        catch (RealtimeException ex)
        {
            Fail(ex);
        }
        catch (Exception ex)
        {
            // Anything else (an application's ServerPingAnswered handler that throws, say) would end the loop
            // unobserved and leave a connection nobody reads: end it instead, so calls fail and the client reconnects.
            Fail(new RealtimeConnectionLostException(Operation, $"reading the connection failed: {ex.Message}", ex));
        }
    }

    private async Task DispatchAsync(ReadOnlyMemory<byte> frame)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame);
        }
        catch (JsonException ex)
        {
            throw new RealtimeProtocolException(Operation, "the server sent a frame that is not JSON.", innerException: ex);
        }

        using (document)
        {
            try
            {
                await InterpretAsync(document.RootElement).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is KeyNotFoundException or FormatException or OverflowException or ArgumentException
                || (ex is InvalidOperationException && ex is not ObjectDisposedException))
            {
                // A member missing or of the wrong JSON kind (a result without its id, a ready without subs): left
                // alone it would end the receive loop unobserved, with every call waiting on a connection nobody reads.
                throw new RealtimeProtocolException(Operation, $"the server sent a DDP message of the wrong shape: {ex.Message}", innerException: ex);
            }
        }
    }

    private async Task InterpretAsync(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("msg", out JsonElement msg))
        {
            return; // The {"server_id":"0"} greeting and anything else without msg are to be ignored.
        }

        switch (msg.GetString())
        {
            case "connected":
                _connected.TrySetResult(root.TryGetProperty("session", out JsonElement session) ? session.GetString() ?? string.Empty : string.Empty);
                break;
            case "failed":
                string? version = root.TryGetProperty("version", out JsonElement v) ? v.GetString() : null;
                var failed = new RealtimeProtocolException(Operation, $"the server speaks none of the DDP versions {string.Join(", ", SupportedVersions)} (it proposed '{version}').", version);
                _connected.TrySetException(failed);
                throw failed;
            case "ping":
                string? pingId = root.TryGetProperty("id", out JsonElement id) ? id.GetString() : null;
                await SendAsync(writer => DdpFrames.Pong(writer, pingId), _lifetime.Token).ConfigureAwait(false);
                _listener.OnServerPingAnswered();
                break;
            case "result":
                CompleteCall(root);
                break;
            case "ready":
                foreach (JsonElement ready in root.GetProperty("subs").EnumerateArray())
                {
                    if (_pendingSubscriptions.TryGetValue(ready.GetString() ?? string.Empty, out TaskCompletionSource? pending))
                    {
                        pending.TrySetResult();
                    }
                }

                break;
            case "nosub":
                StopSubscription(root);
                break;
            case "changed":
                DispatchStreamEvent(root);
                break;
            case "error":
                throw new RealtimeProtocolException(Operation, DdpErrors.Describe(root));
            default:
                break; // pong, updated, added, removed: nothing waits for them.
        }
    }

    private void CompleteCall(JsonElement root)
    {
        string id = root.GetProperty("id").GetString() ?? string.Empty;
        if (!_calls.TryGetValue(id, out PendingCall? call))
        {
            return; // Its caller gave up (cancelled) before the answer came.
        }

        if (root.TryGetProperty("error", out JsonElement error))
        {
            call.Result.TrySetException(DdpErrors.ToException(call.Method, error));
        }
        else
        {
            call.Result.TrySetResult(root.TryGetProperty("result", out JsonElement result) ? result.Clone() : null);
        }
    }

    private void StopSubscription(JsonElement root)
    {
        string id = root.GetProperty("id").GetString() ?? string.Empty;
        RealtimeServerException? error = root.TryGetProperty("error", out JsonElement errorElement) ? DdpErrors.ToException("subscription", errorElement) : null;
        if (_pendingSubscriptions.TryGetValue(id, out TaskCompletionSource? pending))
        {
            pending.TrySetException(error ?? new RealtimeServerException("subscription", "nosub", "The server refused the subscription without a reason.", null));
            return;
        }

        // Without a reason too: a subscription the client did not stop ended on the server, which its reader must
        // not take for a normal end (the nosub that answers the client's own unsub finds it completed already).
        _listener.OnSubscriptionStopped(id, error ?? new RealtimeServerException("subscription", "nosub", "The server stopped the subscription without a reason.", null));
    }

    private void DispatchStreamEvent(JsonElement root)
    {
        if (!root.TryGetProperty("collection", out JsonElement collection)
            || !root.TryGetProperty("fields", out JsonElement fields)
            || !fields.TryGetProperty("eventName", out JsonElement eventName)
            || !fields.TryGetProperty("args", out JsonElement args))
        {
            return; // A collection change, not a stream event; livechat streams all use useCollection:false.
        }

        _listener.OnStreamEvent(collection.GetString() ?? string.Empty, eventName.GetString() ?? string.Empty, args.Clone());
    }

    private async Task HeartbeatLoopAsync()
    {
        long interval = (long)_options.HeartbeatInterval.TotalMilliseconds;
        long timeout = (long)_options.HeartbeatTimeout.TotalMilliseconds;
        var tick = TimeSpan.FromMilliseconds(Math.Max(10, Math.Min(interval, timeout) / 4));
        try
        {
            using var timer = new PeriodicTimer(tick);
            while (await timer.WaitForNextTickAsync(_lifetime.Token).ConfigureAwait(false))
            {
                long now = Environment.TickCount64;
                long pingSent = Volatile.Read(ref _pingSentTicks);
                if (pingSent != 0 && now - pingSent >= timeout)
                {
                    Fail(new RealtimeConnectionLostException(Operation, $"no answer from the server within {_options.HeartbeatTimeout} of a ping."));
                    return;
                }

                if (pingSent == 0 && now - Volatile.Read(ref _lastReceivedTicks) >= interval)
                {
                    // Not awaited: a send stuck behind a server that stopped reading (its window full) would hold the
                    // watchdog here, and the timeout below, the only way out of that state, would never be checked.
                    Volatile.Write(ref _pingSentTicks, now);
                    _ = PingAsync();
                }
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Ended by Fail or DisposeAsync.
        }
    }

    private async Task PingAsync()
    {
        try
        {
            await SendAsync(writer => DdpFrames.Ping(writer, NextId()), _lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RealtimeConnectionLostException or OperationCanceledException)
        {
            // The connection failed (SendAsync failed it) or ended meanwhile.
        }
    }

    /// <summary>Ends the connection once: records why, stops the loops, aborts the socket and fails everything waiting.</summary>
    private void Fail(Exception reason)
    {
        if (!_closed.TrySetResult(reason))
        {
            return;
        }

        _connected.TrySetException(reason);
        _lifetime.Cancel();
        _socket.Abort();
        foreach (KeyValuePair<string, PendingCall> call in _calls)
        {
            call.Value.Result.TrySetException(new RealtimeConnectionLostException(call.Value.Method, reason.Message, reason));
        }

        foreach (KeyValuePair<string, TaskCompletionSource> subscription in _pendingSubscriptions)
        {
            subscription.Value.TrySetException(new RealtimeConnectionLostException("subscription", reason.Message, reason));
        }
    }

    private sealed class PendingCall(string method)
    {
        public string Method { get; } = method;

        public TaskCompletionSource<JsonElement?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
