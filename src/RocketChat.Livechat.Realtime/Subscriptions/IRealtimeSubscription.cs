using System.Text.Json;
using RocketChat.Livechat.Realtime.Ddp;

namespace RocketChat.Livechat.Realtime;

/// <summary>What the client needs from any subscription, whatever its event type.</summary>
internal interface IRealtimeSubscription
{
    /// <summary>Whether a stream of it rests on the user's login rather than on a visitor token of its own.</summary>
    bool NeedsLogin { get; }

    bool Handles(string collection, string eventName);

    bool Owns(string subscriptionId);

    void OnStreamEvent(string collection, string eventName, JsonElement args);

    Task AttachAsync(DdpConnection connection, CancellationToken cancellationToken);

    void Complete(Exception? error);
}
