using System.Text.Json;
using RocketChat.Livechat.Realtime.Ddp;

namespace RocketChat.Livechat.Realtime;

/// <summary>
/// A logged-in user's history over the same connection: the DDP method <c>loadHistory(rid, end, limit)</c>, newest
/// first, each page before the oldest <c>ts</c> of the previous one. The server's <c>end</c> is exclusive, so pages
/// overlap by one millisecond (end = oldest + 1 ms) rather than skip messages that share the boundary millisecond;
/// the repeats are dropped here and by the subscription's deduplicator, and when a whole page is repeats (more than a
/// page of messages in one millisecond) the same boundary is asked again with twice the limit. No REST credentials
/// are needed.
/// </summary>
internal sealed class AgentRoomHistory(string roomId, int pageSize) : IRoomHistory
{
    public async Task<IReadOnlyList<Message>> LatestAsync(DdpConnection connection, CancellationToken cancellationToken) =>
        await PageAsync(connection, end: null, pageSize, cancellationToken).ConfigureAwait(false);

    public async Task<List<Message>> SinceAsync(DdpConnection connection, DateTimeOffset? since, Func<Message, bool> isDelivered, CancellationToken cancellationToken)
    {
        var newestFirst = new List<Message>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? end = null;
        int limit = pageSize;
        while (true)
        {
            List<Message> page = await PageAsync(connection, end, limit, cancellationToken).ConfigureAwait(false);
            bool progressed = false;
            foreach (Message message in page)
            {
                if (since is { } start && message.Timestamp < start && isDelivered(message))
                {
                    return RoomHistoryOrder.OldestFirst(newestFirst);
                }

                if (seen.Add(message.Id))
                {
                    newestFirst.Add(message);
                    progressed = true;
                }
            }

            if (page.Count < limit || page[^1].Timestamp is not { } oldest)
            {
                return RoomHistoryOrder.OldestFirst(newestFirst); // The beginning of the room.
            }

            if (!progressed)
            {
                // More than a page of messages share the boundary millisecond: ask for more at the same boundary.
                limit *= 2;
                continue;
            }

            limit = pageSize;
            end = oldest.AddMilliseconds(1);
        }
    }

    private async Task<List<Message>> PageAsync(DdpConnection connection, DateTimeOffset? end, int limit, CancellationToken cancellationToken)
    {
        JsonElement? result = await connection.CallAsync(
            RealtimeStreams.LoadHistoryMethod,
            writer =>
            {
                writer.WriteStringValue(roomId);
                if (end is { } before)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("$date", before.ToUnixTimeMilliseconds());
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteNullValue();
                }

                writer.WriteNumberValue(limit);
            },
            cancellationToken).ConfigureAwait(false);
        if (result is { ValueKind: JsonValueKind.False })
        {
            // The server's answer when the room is gone or the user may no longer read it.
            throw new RealtimeServerException(RealtimeStreams.LoadHistoryMethod, "not-allowed", $"room {roomId} is gone or no longer readable", details: null);
        }

        if (result is not { ValueKind: JsonValueKind.Object } value || !value.TryGetProperty("messages", out JsonElement messages) || messages.ValueKind != JsonValueKind.Array)
        {
            throw new RealtimeProtocolException(RealtimeStreams.LoadHistoryMethod, "the result is neither false nor {messages: [...]}.");
        }

        return messages.EnumerateArray().Select(StreamPayloads.ReadMessage).ToList();
    }
}
