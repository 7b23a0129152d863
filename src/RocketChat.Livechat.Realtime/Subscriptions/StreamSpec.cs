namespace RocketChat.Livechat.Realtime;

/// <summary>One DDP stream subscription a realtime subscription is made of: publication, eventName and the visitor token if any.</summary>
internal sealed record StreamSpec(string Name, string EventName, string? VisitorToken);
