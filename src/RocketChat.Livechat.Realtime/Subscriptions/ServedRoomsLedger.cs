namespace RocketChat.Livechat.Realtime;

/// <summary>
/// The open livechat rooms (<c>t:"l"</c>) a user's subscriptions-changed reader knows it serves. A reconnection
/// compares it with a REST listing of those rooms to tell the reader which were routed to the user or went away
/// meanwhile, and a live event held back during that catch-up is dropped when it only repeats what the comparison told.
/// </summary>
internal sealed class ServedRoomsLedger(string userId)
{
    private const string LivechatRoomType = "l";

    private readonly HashSet<string> _served = new(StringComparer.Ordinal);

    /// <summary>Starts over from a listing: the rooms served when subscribing are known, not news.</summary>
    public void Reset(IEnumerable<LivechatRoom> servedNow)
    {
        _served.Clear();
        _served.UnionWith(servedNow.Select(room => room.Id));
    }

    /// <summary>
    /// Takes a live event into account; false when it tells the reader nothing new: the insert of a livechat room
    /// already known, or the removal of one not known. Updates and other room types are always news.
    /// </summary>
    public bool Observe(SubscriptionChangedEvent change)
    {
        if (change.RoomType != LivechatRoomType || change.RoomId is not { } roomId)
        {
            return true;
        }

        if (change.IsInserted)
        {
            return _served.Add(roomId);
        }

        return !change.IsRemoved || _served.Remove(roomId);
    }

    /// <summary>
    /// The events that turn what the reader knows into <paramref name="servedNow"/> (a REST listing of the user's open
    /// livechat rooms): <c>removed</c> for rooms no longer served (closed or transferred), then <c>inserted</c> for
    /// rooms routed to the user, in the listing's order. Their subscription documents are built from the listing
    /// (<see cref="ServedRoomSubscriptionDocument"/>).
    /// </summary>
    public List<SubscriptionChangedEvent> Reconcile(IReadOnlyList<LivechatRoom> servedNow)
    {
        var now = servedNow.Select(room => room.Id).ToHashSet(StringComparer.Ordinal);
        var events = new List<SubscriptionChangedEvent>();
        foreach (string gone in _served.Where(roomId => !now.Contains(roomId)).ToList())
        {
            _served.Remove(gone);
            events.Add(new SubscriptionChangedEvent("removed", gone, LivechatRoomType, ServedRoomSubscriptionDocument.Removed(gone, userId)));
        }

        foreach (LivechatRoom room in servedNow)
        {
            if (_served.Add(room.Id))
            {
                events.Add(new SubscriptionChangedEvent("inserted", room.Id, LivechatRoomType, ServedRoomSubscriptionDocument.Inserted(room, userId)));
            }
        }

        return events;
    }
}
