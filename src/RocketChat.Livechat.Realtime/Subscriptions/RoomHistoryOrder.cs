namespace RocketChat.Livechat.Realtime;

/// <summary>Turns history read newest first into delivery order.</summary>
internal static class RoomHistoryOrder
{
    public static List<Message> OldestFirst(List<Message> newestFirst)
    {
        newestFirst.Reverse();
        // Stable: messages sharing a millisecond keep the server's order.
        return newestFirst.OrderBy(message => message.Timestamp ?? DateTimeOffset.MinValue).ToList();
    }
}
