namespace RocketChat.Livechat.Realtime;

/// <summary>
/// The open livechat rooms (<c>t:"l"</c>) a subscriptions-changed reader knows the user serves. A reconnection
/// compares it with a REST listing of those rooms to find the ones routed to the user meanwhile, and a live
/// <c>inserted</c> held back during that catch-up is dropped when the comparison already told it.
/// </summary>
internal sealed class ServedRoomsLedger
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
    /// already known. Removals, updates and other room types are always news.
    /// </summary>
    public bool Observe(SubscriptionChangedEvent change)
    {
        if (change.RoomType != LivechatRoomType)
        {
            return true;
        }

        if (change.IsRemoved)
        {
            _served.Remove(change.RoomId);
            return true;
        }

        return _served.Add(change.RoomId) || !change.IsInserted;
    }

    /// <summary>The listed rooms the reader does not know it serves, in the listing's order.</summary>
    public List<string> Unknown(IReadOnlyList<LivechatRoom> servedNow) =>
        servedNow.Select(room => room.Id).Where(roomId => !_served.Contains(roomId)).ToList();

    /// <summary>Notes that the reader was told it serves <paramref name="roomId"/>.</summary>
    public void Know(string roomId) => _served.Add(roomId);
}
