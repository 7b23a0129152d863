namespace RocketChat.Livechat.Realtime;

/// <summary><c>visitorData</c>: an agent changed the room's visitor.</summary>
public sealed record VisitorChangedEvent(string RoomId, Visitor Visitor) : LivechatRoomEvent(RoomId);
