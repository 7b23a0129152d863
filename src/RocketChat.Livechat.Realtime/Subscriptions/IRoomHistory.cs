using RocketChat.Livechat.Realtime.Ddp;

namespace RocketChat.Livechat.Realtime;

/// <summary>Where a room subscription reads the messages it may have missed: REST for a visitor, DDP <c>loadHistory</c> for a logged-in user.</summary>
internal interface IRoomHistory
{
    /// <summary>The newest page of messages (any order): what exists before subscribing counts as seen.</summary>
    Task<IReadOnlyList<Message>> LatestAsync(DdpConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Every message at or after <paramref name="since"/> (all when null), oldest first, and also any older one not
    /// <paramref name="isDelivered"/>: reading stops only at an older message the reader already has. Server clocks
    /// disagree (several instances, a clock stepped back), so a message sent during the gap can carry a <c>ts</c>
    /// older than the newest one delivered, and a cut at <paramref name="since"/> alone would drop it unseen.
    /// </summary>
    Task<List<Message>> SinceAsync(DdpConnection connection, DateTimeOffset? since, Func<Message, bool> isDelivered, CancellationToken cancellationToken);
}
