using System.Text.Json;

namespace RocketChat.Livechat.Realtime;

/// <summary>The logged-in user's room subscriptions changing: a chat routed to the agent arrives as an insert.</summary>
public sealed class SubscriptionChangesSubscription : RealtimeSubscription<SubscriptionChangedEvent>
{
    internal SubscriptionChangesSubscription(LivechatRealtimeClient client, string userId, LivechatRealtimeOptions options)
        : base(client, "subscriptions-changed subscription", [new(LivechatRealtimeStreams.SubscriptionsChanged.Stream(userId), null)], options.EventBufferCapacity)
    {
    }

    private protected override void OnEvent(string collection, string eventName, JsonElement args)
    {
        if (args.ValueKind != JsonValueKind.Array || args.GetArrayLength() < 2 || args[0].ValueKind != JsonValueKind.String || args[1].ValueKind != JsonValueKind.Object)
        {
            throw new RealtimeProtocolException(collection, "a subscriptions-changed event is not [action, subscription].");
        }

        JsonElement subscription = args[1];
        string? roomId = subscription.TryGetProperty("rid", out JsonElement rid) ? rid.GetString() : null;
        string? roomType = subscription.TryGetProperty("t", out JsonElement t) ? t.GetString() : null;
        Emit(new SubscriptionChangedEvent(args[0].GetString()!, roomId, roomType, subscription));
    }
}
