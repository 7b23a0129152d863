using System.Text.Json;

namespace RocketChat.Livechat.Realtime.Ddp;

/// <summary>
/// What a <see cref="DdpConnection"/> reports while it reads. Called on the receive loop: implementations must not
/// block (they hand events to bounded buffers).
/// </summary>
internal interface IDdpListener
{
    /// <summary>A stream event: <c>changed</c> on <paramref name="collection"/> with <c>fields.eventName</c> and <c>fields.args</c>.</summary>
    void OnStreamEvent(string collection, string eventName, JsonElement args);

    /// <summary>The server stopped a subscription that had been ready (<c>nosub</c>), with its error or a <c>nosub</c> one when it gave none.</summary>
    void OnSubscriptionStopped(string subscriptionId, RealtimeServerException error);

    /// <summary>The server pinged and the client answered with a pong.</summary>
    void OnServerPingAnswered();
}
