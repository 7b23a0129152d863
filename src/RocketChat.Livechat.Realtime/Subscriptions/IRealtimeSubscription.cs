using System.Text.Json;
using RocketChat.Livechat.Realtime.Ddp;

namespace RocketChat.Livechat.Realtime;

/// <summary>What the client needs from any subscription, whatever its event type.</summary>
internal interface IRealtimeSubscription
{
    bool Handles(string collection, string eventName);

    bool Owns(string subscriptionId);

    void OnStreamEvent(string collection, string eventName, JsonElement args);

    Task AttachAsync(DdpConnection connection, CancellationToken cancellationToken);

    void Complete(Exception? error);
}
