namespace RocketChat.Livechat.Realtime;

/// <summary>One DDP stream subscription a realtime subscription is made of: publication, eventName and the visitor token if any.</summary>
internal sealed record StreamSpec(string Name, string EventName, string? VisitorToken)
{
    /// <summary>A stream of the contract (<see cref="LivechatRealtimeStreams"/>), subscribed with the visitor token if any.</summary>
    public StreamSpec(LivechatRealtimeStream stream, string? visitorToken)
        : this(stream.Publication, stream.EventName, visitorToken)
    {
    }
}
