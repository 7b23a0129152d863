using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Realtime.Contract;

namespace RocketChat.Livechat.Emulator.Realtime;

/// <summary>
/// The agents' omnichannel subscriptions as the server stores them: created when a chat is routed to an agent
/// (createLivechatSubscription: open, alert, unread 1, userMentions 1, groupMentions 0, ts and _updatedAt the time of
/// the assignment, <c>u</c> holding the agent's id and username), and sent as stored when removed, as the server's
/// <c>removed</c> event carries the deleted document. <c>ls</c> and <c>lr</c> are set by reading and replying, which
/// the emulator does not track, so they are absent as on a new subscription.
/// </summary>
internal sealed class OmnichannelSubscriptions
{
    private readonly Dictionary<string, OmnichannelSubscription> _byId = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The subscription created for <paramref name="agent"/>, who now serves <paramref name="room"/>.</summary>
    public OmnichannelSubscription Created(RoomRecord room, UserRecord agent)
    {
        DateTimeOffset assignedAt = room.ServedBy is { } servedBy && servedBy.AgentId == agent.Id ? servedBy.Timestamp : room.UpdatedAt;
        OmnichannelSubscription subscription = New(room, agent.Id, agent.Username, assignedAt);
        lock (_gate)
        {
            _byId[subscription.Id] = subscription;
        }

        return subscription;
    }

    /// <summary>The subscription of <paramref name="userId"/> to <paramref name="room"/>, taken out of the store (a new one if it was never stored).</summary>
    public OmnichannelSubscription Removed(RoomRecord room, string userId)
    {
        lock (_gate)
        {
            if (_byId.Remove(IdOf(room.Id, userId), out OmnichannelSubscription? stored))
            {
                return stored;
            }
        }

        return New(room, userId, username: null, room.UpdatedAt);
    }

    private static string IdOf(string roomId, string userId) => $"{roomId}-{userId}";

    private static OmnichannelSubscription New(RoomRecord room, string userId, string? username, DateTimeOffset createdAt) => new()
    {
        Id = IdOf(room.Id, userId),
        Rid = room.Id,
        Name = room.Visitor.Username,
        Fname = room.DisplayName,
        Alert = true,
        Open = true,
        Unread = 1,
        UserMentions = 1,
        GroupMentions = 0,
        User = new OmnichannelSubscriptionUser { Id = userId, Username = username },
        T = "l",
        Visitor = new OmnichannelSubscriptionVisitor
        {
            Id = room.Visitor.Id,
            Username = room.Visitor.Username,
            Token = room.Visitor.Token,
            Status = room.Visitor.Status.Value,
        },
        Ts = createdAt,
        Department = room.DepartmentId,
        OnHold = room.IsOnHold ? true : null,
        UpdatedAt = createdAt,
    };
}
