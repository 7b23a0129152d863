using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>
/// An agent's subscription to a livechat room it serves, in the contract's <see cref="OmnichannelSubscription"/>: what
/// <c>subscriptions-changed</c> carries and <c>subscriptions.getOne</c> returns. The emulator keeps no subscription
/// documents: one exists while the agent serves the open room, and is derived from the room and the assignment.
/// </summary>
internal static class SubscriptionModels
{
    /// <summary>
    /// The subscription createLivechatSubscription stores when <paramref name="servedBy"/> is assigned the room:
    /// <c>alert</c> and <c>open</c> true, <c>unread</c> and <c>userMentions</c> 1, <c>groupMentions</c> 0, <c>u</c>
    /// the agent's id and username, <c>t:"l"</c>, the visitor in <c>v</c>, <c>ts</c> (and <c>_updatedAt</c>, which
    /// the collection sets on insert) the time of the assignment, and the department. <c>ls</c> and <c>lr</c> come
    /// when the agent reads and replies, which the emulator does not track, so they are absent as on a new
    /// subscription. Its removal carries the same document, as the server sends the deleted one.
    /// </summary>
    public static OmnichannelSubscription ToModel(RoomRecord room, AgentReference servedBy) => new()
    {
        Id = $"{room.Id}-{servedBy.AgentId}",
        Rid = room.Id,
        T = "l",
        Name = room.Visitor.Username,
        Fname = room.DisplayName,
        User = new OmnichannelSubscriptionUser { Id = servedBy.AgentId, Username = servedBy.Username },
        Ts = servedBy.Timestamp,
        UpdatedAt = servedBy.Timestamp,
        Open = true,
        Alert = true,
        Unread = 1,
        UserMentions = 1,
        GroupMentions = 0,
        Department = room.DepartmentId,
        Visitor = new OmnichannelSubscriptionVisitor
        {
            Id = room.Visitor.Id,
            Username = room.Visitor.Username,
            Token = room.Visitor.Token,
            Status = room.Visitor.Status.Value,
        },
    };
}
