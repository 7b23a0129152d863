namespace RocketChat.Livechat.Webhooks;

/// <summary>
/// The last N idempotency keys accepted, oldest forgotten first. Bounded so a long-running receiver does not grow;
/// the server's retries come within minutes (5 attempts, timeout x 4 apart), well inside a few thousand events.
/// </summary>
internal sealed class RecentKeyCache
{
    private readonly int _capacity;
    private readonly HashSet<string> _keys;
    private readonly Queue<string> _order;
    private readonly Lock _lock = new();

    public RecentKeyCache(int capacity)
    {
        _capacity = capacity;
        _keys = new HashSet<string>(capacity, StringComparer.Ordinal);
        _order = new Queue<string>(capacity);
    }

    public bool Contains(string key)
    {
        lock (_lock)
        {
            return _keys.Contains(key);
        }
    }

    public void Add(string key)
    {
        lock (_lock)
        {
            if (!_keys.Add(key))
            {
                return;
            }

            _order.Enqueue(key);
            if (_order.Count > _capacity)
            {
                _keys.Remove(_order.Dequeue());
            }
        }
    }
}
