using System.Text.Json;

namespace RocketChat.Livechat.Realtime;

/// <summary>
/// <c>&lt;uid&gt;/subscriptions-changed</c>: one of the user's room subscriptions was inserted (a chat was routed to
/// the agent), updated or removed. <see cref="Subscription"/> is the subscription document as sent.
/// </summary>
public sealed record SubscriptionChangedEvent(string Action, string? RoomId, string? RoomType, JsonElement Subscription)
{
    /// <summary>Whether this is a new subscription (<c>inserted</c>).</summary>
    public bool IsInserted => Action == "inserted";

    /// <summary>Whether the subscription went away (<c>removed</c>).</summary>
    public bool IsRemoved => Action == "removed";
}
