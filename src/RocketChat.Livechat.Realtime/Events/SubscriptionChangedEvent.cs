namespace RocketChat.Livechat.Realtime;

/// <summary>
/// <c>&lt;uid&gt;/subscriptions-changed</c>: one of the user's room subscriptions was inserted (a chat was routed to
/// the agent), updated or removed. Read by the contract's generated reader: <see cref="Subscription"/> is the typed
/// subscription document, members the contract does not name kept in its <c>AdditionalProperties</c>.
/// </summary>
/// <param name="Action">What happened. An action the contract does not list is kept as sent (<c>IsKnown</c> false), not refused.</param>
/// <param name="Subscription">The subscription document.</param>
public sealed record SubscriptionChangedEvent(SubscriptionChangeAction Action, OmnichannelSubscription Subscription)
{
    /// <summary>The room of the subscription (<c>rid</c>).</summary>
    public string RoomId => Subscription.Rid;

    /// <summary>The room type (<c>t</c>): <c>l</c> for a livechat room.</summary>
    public string RoomType => Subscription.T;

    /// <summary>Whether this is a new subscription (<c>inserted</c>).</summary>
    public bool IsInserted => Action == SubscriptionChangeAction.Inserted;

    /// <summary>Whether the subscription went away (<c>removed</c>).</summary>
    public bool IsRemoved => Action == SubscriptionChangeAction.Removed;
}
