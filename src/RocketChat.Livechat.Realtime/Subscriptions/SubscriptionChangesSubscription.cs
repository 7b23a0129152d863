using System.Text.Json;

namespace RocketChat.Livechat.Realtime;

/// <summary>The logged-in user's room subscriptions changing: a chat routed to the agent arrives as an insert.</summary>
public sealed class SubscriptionChangesSubscription : RealtimeSubscription<SubscriptionChangedEvent>
{
    internal SubscriptionChangesSubscription(LivechatRealtimeClient client, string userId, LivechatRealtimeOptions options)
        : base(client, "subscriptions-changed subscription", [new(LivechatRealtimeStreams.SubscriptionsChanged.Stream(userId), null)], options.EventBufferCapacity)
    {
    }

    /// <summary>Read by the contract's reader: a payload that is not <c>[action, subscription]</c> is a <see cref="RealtimeProtocolException"/>.</summary>
    private protected override void OnEvent(string collection, string eventName, JsonElement args)
    {
        SubscriptionChangedArguments change = StreamPayloads.Read(args, collection, LivechatRealtimeStreams.SubscriptionsChanged.ReadSubscriptionChanged);
        Emit(new SubscriptionChangedEvent(change.Action, change.Subscription));
    }
}
