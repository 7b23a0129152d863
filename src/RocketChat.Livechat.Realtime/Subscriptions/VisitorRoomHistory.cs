using RocketChat.Livechat.Realtime.Ddp;

namespace RocketChat.Livechat.Realtime;

/// <summary>A visitor's history: <c>GET livechat/messages.history/:rid?token=</c>, newest first, paged by offset.</summary>
internal sealed class VisitorRoomHistory(LivechatClient rest, string roomId, string visitorToken, int pageSize) : IRoomHistory
{
    public async Task<IReadOnlyList<Message>> LatestAsync(DdpConnection connection, CancellationToken cancellationToken) =>
        (await rest.Messages.GetMessageHistoryAsync(roomId, visitorToken, limit: pageSize, cancellationToken: cancellationToken).ConfigureAwait(false)).Messages;

    /// <summary>
    /// Offset paging while messages arrive can show a message twice (new ones push old ones to later offsets) but
    /// never skip one; the subscription's deduplicator absorbs the repeats.
    /// </summary>
    public async Task<List<Message>> SinceAsync(DdpConnection connection, DateTimeOffset? since, Func<Message, bool> isDelivered, CancellationToken cancellationToken)
    {
        var newestFirst = new List<Message>();
        for (int offset = 0; ; offset += pageSize)
        {
            GetMessageHistoryResponse page = await rest.Messages.GetMessageHistoryAsync(roomId, visitorToken, limit: pageSize, offset: offset, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (Message message in page.Messages)
            {
                if (since is { } start && message.Timestamp < start && isDelivered(message))
                {
                    return RoomHistoryOrder.OldestFirst(newestFirst);
                }

                newestFirst.Add(message);
            }

            if (page.Messages.Count < pageSize)
            {
                return RoomHistoryOrder.OldestFirst(newestFirst);
            }
        }
    }
}
