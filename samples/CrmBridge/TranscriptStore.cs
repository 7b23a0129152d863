using System.Collections.Concurrent;

namespace CrmBridge;

/// <summary>One line of a room's transcript: a chat message or what happened to the room.</summary>
/// <param name="At">When it happened, by the server's clock.</param>
/// <param name="Kind">"started", "message", "taken", "forwarded" or "closed".</param>
/// <param name="Text">The message text, or who took or closed the room.</param>
/// <param name="MessageId">The message id, for messages.</param>
public sealed record TranscriptEntry(DateTimeOffset At, string Kind, string Text, string? MessageId = null);

/// <summary>The CRM side: a transcript per room, kept in memory. A real bridge would write to its CRM here.</summary>
public sealed class TranscriptStore
{
    private readonly ConcurrentDictionary<string, List<TranscriptEntry>> _rooms = new(StringComparer.Ordinal);

    /// <summary>Adds an entry; a message already in the room's transcript (same id) is not added twice.</summary>
    public void Add(string roomId, TranscriptEntry entry)
    {
        List<TranscriptEntry> entries = _rooms.GetOrAdd(roomId, _ => []);
        lock (entries)
        {
            if (entry.MessageId is not null && entries.Any(e => e.MessageId == entry.MessageId))
            {
                return;
            }

            entries.Add(entry);
        }
    }

    /// <summary>
    /// The room's transcript in time order. Server times have millisecond precision and events arrive concurrently,
    /// so on a tie the start comes first and the close last; otherwise arrival order.
    /// </summary>
    public IReadOnlyList<TranscriptEntry> Get(string roomId)
    {
        if (!_rooms.TryGetValue(roomId, out List<TranscriptEntry>? entries))
        {
            return [];
        }

        lock (entries)
        {
            return entries.OrderBy(e => e.At).ThenBy(e => e.Kind switch { "started" => 0, "closed" => 2, _ => 1 }).ToList();
        }
    }

    public IReadOnlyCollection<string> RoomIds => _rooms.Keys.ToList();
}
