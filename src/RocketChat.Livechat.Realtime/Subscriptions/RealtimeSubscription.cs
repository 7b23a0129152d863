using System.Text.Json;
using System.Threading.Channels;
using RocketChat.Livechat.Realtime.Ddp;

namespace RocketChat.Livechat.Realtime;

/// <summary>
/// A live subscription: its events in arrival order, read once with <c>await foreach</c>. It survives reconnections
/// (the client subscribes again), ends when disposed (the enumeration completes), when the server stops it (the
/// enumeration throws the server's error) or when its reader falls <see cref="LivechatRealtimeOptions.EventBufferCapacity"/>
/// events behind (<see cref="RealtimeConsumerTooSlowException"/>).
/// </summary>
public abstract class RealtimeSubscription<TEvent> : IAsyncEnumerable<TEvent>, IAsyncDisposable, IRealtimeSubscription
{
    private readonly Channel<TEvent> _events;
    private readonly SemaphoreSlim _attachLock = new(1, 1);
    private readonly LivechatRealtimeClient _client;
    private readonly int _capacity;
    private List<string> _subscriptionIds = [];
    private DdpConnection? _attachedTo;
    private int _completed;

    private protected RealtimeSubscription(LivechatRealtimeClient client, string operation, IReadOnlyList<StreamSpec> streams, int capacity)
    {
        _client = client;
        Operation = operation;
        Streams = streams;
        _capacity = capacity;
        _events = Channel.CreateBounded<TEvent>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Whether the subscription has ended (disposed, stopped by the server, or its reader too slow).</summary>
    public bool IsCompleted => Volatile.Read(ref _completed) != 0;

    /// <summary>Completes once no more events will come: normally, or with the error that ended the subscription.</summary>
    public Task Completion => _events.Reader.Completion;

    private protected string Operation { get; }

    /// <summary>Serialises delivery: stream events (receive loop) and gap filling (reconnection) never interleave.</summary>
    private protected Lock DeliveryGate { get; } = new();

    internal IReadOnlyList<StreamSpec> Streams { get; }

    /// <inheritdoc />
    public IAsyncEnumerator<TEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        _events.Reader.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>Stops the subscription on the server and ends the enumeration normally.</summary>
    public async ValueTask DisposeAsync()
    {
        Complete(null);
        DdpConnection? connection = _attachedTo;
        if (connection is not null)
        {
            // Best effort within one bound for all streams: a socket that takes no more frames (a server that stopped
            // reading) must not make disposing throw, nor take five seconds per stream.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                foreach (string id in _subscriptionIds)
                {
                    await connection.UnsubscribeAsync(id, timeout.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                // The connection is stuck; its watchdog replaces it, and the server drops a dead session's subscriptions.
            }
        }

        // _attachLock is not disposed: a reconnection may still be waiting on it, and it holds no wait handle.
    }

    bool IRealtimeSubscription.NeedsLogin => Streams.Any(stream => stream.VisitorToken is null);

    bool IRealtimeSubscription.Handles(string collection, string eventName) =>
        Streams.Any(stream => stream.Name == collection && stream.EventName == eventName);

    bool IRealtimeSubscription.Owns(string subscriptionId) => _subscriptionIds.Contains(subscriptionId, StringComparer.Ordinal);

    void IRealtimeSubscription.OnStreamEvent(string collection, string eventName, JsonElement args)
    {
        lock (DeliveryGate)
        {
            if (IsCompleted)
            {
                return;
            }

            try
            {
                OnEvent(collection, eventName, args);
            }
            catch (RealtimeException ex)
            {
                Complete(ex);
            }
        }
    }

    void IRealtimeSubscription.Complete(Exception? error) => Complete(error);

    /// <summary>Subscribes every stream on <paramref name="connection"/> (once per connection), then lets the subclass catch up.</summary>
    async Task IRealtimeSubscription.AttachAsync(DdpConnection connection, CancellationToken cancellationToken)
    {
        await _attachLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (ReferenceEquals(_attachedTo, connection) || IsCompleted)
            {
                return;
            }

            bool isFirst = _attachedTo is null;
            await BeforeSubscribeAsync(connection, isFirst, cancellationToken).ConfigureAwait(false);
            var ids = new List<string>(Streams.Count);
            try
            {
                foreach (StreamSpec stream in Streams)
                {
                    ids.Add(await connection.SubscribeAsync(stream.Name, DdpFrames.StreamParams(stream.EventName, stream.VisitorToken), cancellationToken).ConfigureAwait(false));
                }
            }
            catch
            {
                // Cancelled or refused midway: the streams already ready would stay subscribed on the server.
                foreach (string id in ids)
                {
                    await connection.UnsubscribeQuietlyAsync(id).ConfigureAwait(false);
                }

                throw;
            }

            _subscriptionIds = ids;
            _attachedTo = connection;
            await AfterSubscribeAsync(connection, isFirst, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _attachLock.Release();
        }
    }

    /// <summary>Turns one stream event into zero or more events with <see cref="Emit"/>. Runs under <see cref="DeliveryGate"/>.</summary>
    private protected abstract void OnEvent(string collection, string eventName, JsonElement args);

    /// <summary>Runs before the streams are subscribed on a (new) connection.</summary>
    private protected virtual Task BeforeSubscribeAsync(DdpConnection connection, bool isFirst, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs once the streams are ready on a (new) connection: the place to fill a gap. Calls go to
    /// <paramref name="connection"/> directly: during a reconnection the client's own calls wait for it to finish.
    /// </summary>
    private protected virtual Task AfterSubscribeAsync(DdpConnection connection, bool isFirst, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Hands an event to the reader unless <see cref="Screen"/> keeps it back.</summary>
    private protected void Emit(TEvent item)
    {
        if (Screen(item))
        {
            EmitScreened(item);
        }
    }

    /// <summary>
    /// Sees every event given to <see cref="Emit"/>, under <see cref="DeliveryGate"/>: a subscription that fills gaps
    /// notes what its reader learnt here, or keeps the event back (false) while it catches up and hands it on later
    /// with <see cref="EmitScreened"/>. May throw a <see cref="RealtimeException"/> to end the subscription.
    /// </summary>
    private protected virtual bool Screen(TEvent item) => true;

    /// <summary>Hands an event to the reader as is, or ends the subscription when the reader is too far behind.</summary>
    private protected void EmitScreened(TEvent item)
    {
        if (!_events.Writer.TryWrite(item) && !IsCompleted)
        {
            Complete(new RealtimeConsumerTooSlowException(Operation, _capacity));
        }
    }

    private protected int Capacity => _capacity;

    private void Complete(Exception? error)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
        {
            _events.Writer.TryComplete(error);
            _client.Forget(this);
        }
    }
}
