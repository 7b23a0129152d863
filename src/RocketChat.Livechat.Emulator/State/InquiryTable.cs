using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.State;

/// <summary>Inquiries, indexed by room, by visitor and by status (the queue), as the server's inquiry indexes are.</summary>
internal sealed class InquiryTable : RecordTable<InquiryRecord>
{
    private readonly Dictionary<string, string> _byRoomId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byVisitorId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);

    public InquiryRecord? FindByRoom(string roomId) => _byRoomId.TryGetValue(roomId, out string? id) ? this[id] : null;

    public IEnumerable<InquiryRecord> OfVisitor(string visitorId) =>
        _byVisitorId.TryGetValue(visitorId, out HashSet<string>? ids) ? ids.Select(id => this[id]) : [];

    /// <summary>The inquiries with status <c>queued</c>.</summary>
    public IEnumerable<InquiryRecord> Queued => _queued.Select(id => this[id]);

    protected override void OnChanged(InquiryRecord? previous, InquiryRecord? current)
    {
        if (previous is not null)
        {
            _byRoomId.Remove(previous.RoomId);
            Index(_byVisitorId, previous.Visitor.Id, previous.Id, add: false);
            _queued.Remove(previous.Id);
        }

        if (current is not null)
        {
            _byRoomId[current.RoomId] = current.Id;
            Index(_byVisitorId, current.Visitor.Id, current.Id, add: true);
            if (current.Status == InquiryStatus.Queued)
            {
                _queued.Add(current.Id);
            }
        }
    }
}
