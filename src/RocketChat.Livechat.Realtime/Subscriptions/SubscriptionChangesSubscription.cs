using System.Text.Json;

namespace RocketChat.Livechat.Realtime;

/// <summary>The logged-in user's room subscriptions changing: a chat routed to the agent arrives as an insert.</summary>
/// <remarks>
/// Changes made while the connection was down are not replayed by the server, and not rebuilt by this client: an
/// event carries the server's subscription document (its <c>_id</c> included), which no REST call of the contract
/// returns. Watch the inquiry queue (<see cref="InquiryQueueSubscription"/>, which is rebuilt after a gap) or list
/// <c>livechat/rooms</c> after <see cref="LivechatRealtimeClient.Reconnected"/> to catch chats routed meanwhile.
/// </remarks>
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
