using RocketChat.Livechat.Realtime.Ddp;

namespace RocketChat.Livechat.Realtime;

/// <summary>Where a room subscription reads the messages it may have missed: REST for a visitor, DDP <c>loadHistory</c> for a logged-in user.</summary>
internal interface IRoomHistory
{
    /// <summary>The newest page of messages (any order): what exists before subscribing counts as seen.</summary>
    Task<IReadOnlyList<Message>> LatestAsync(DdpConnection connection, CancellationToken cancellationToken);

    /// <summary>Every message at or after <paramref name="since"/> (all when null), oldest first.</summary>
    Task<List<Message>> SinceAsync(DdpConnection connection, DateTimeOffset? since, CancellationToken cancellationToken);
}
