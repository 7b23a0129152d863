using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>
/// An agent's subscription to a livechat room it serves, in the contract's <see cref="OmnichannelSubscription"/>: what
/// <c>subscriptions-changed</c> carries and <c>subscriptions.getOne</c> returns. The emulator keeps no subscription
/// documents: one exists while the agent serves the open room, and is derived from the room.
/// </summary>
internal static class SubscriptionModels
{
    /// <summary>The agent's omnichannel subscription to the room (<c>t:"l"</c>, <c>rid</c>, the visitor in <c>v</c>, ...).</summary>
    public static OmnichannelSubscription ToModel(string userId, RoomRecord room, UserRecord? agent) => new()
    {
        Id = $"{room.Id}-{userId}",
        Rid = room.Id,
        T = "l",
        Name = room.Visitor.Username,
        Fname = room.DisplayName,
        User = new OmnichannelSubscriptionUser { Id = userId, Username = agent?.Username, Name = agent?.Name },
        Ts = room.CreatedAt,
        UpdatedAt = room.UpdatedAt,
        Open = room.IsOpen,
        OnHold = room.IsOnHold,
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
