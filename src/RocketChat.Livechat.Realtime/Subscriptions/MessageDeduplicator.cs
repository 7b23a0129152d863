namespace RocketChat.Livechat.Realtime;

/// <summary>
/// Remembers which version (<c>_id</c> + <c>_updatedAt</c>) of each message was delivered, so a message seen live
/// and again in history is delivered once, and an edit is delivered as an edit. Bounded: the oldest ids are
/// forgotten past <see cref="MaxRemembered"/>, far more than one gap ever spans.
/// </summary>
internal sealed class MessageDeduplicator
{
    public const int MaxRemembered = 10_000;

    private readonly Dictionary<string, DateTimeOffset?> _versions = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>The newest <c>ts</c> seen so far: where a gap fill starts.</summary>
    public DateTimeOffset? NewestTimestamp { get; private set; }

    /// <summary>Whether some version of the message was delivered (among the last <see cref="MaxRemembered"/>).</summary>
    public bool Knows(Message message) => _versions.ContainsKey(message.Id);

    public DeliveryVerdict Observe(Message message)
    {
        DateTimeOffset? version = message.UpdatedAt ?? message.Timestamp;
        if (message.Timestamp is { } ts && (NewestTimestamp is null || ts > NewestTimestamp))
        {
            NewestTimestamp = ts;
        }

        if (!_versions.TryGetValue(message.Id, out DateTimeOffset? known))
        {
            _versions[message.Id] = version;
            _order.Enqueue(message.Id);
            if (_order.Count > MaxRemembered)
            {
                _versions.Remove(_order.Dequeue());
            }

            return DeliveryVerdict.New;
        }

        if (version is { } current && (known is null || current > known))
        {
            _versions[message.Id] = version;
            return DeliveryVerdict.Edited;
        }

        return DeliveryVerdict.Duplicate;
    }
}

/// <summary>What to do with a message: deliver it as new, as an edit, or not at all.</summary>
internal enum DeliveryVerdict
{
    New,
    Edited,
    Duplicate,
}
