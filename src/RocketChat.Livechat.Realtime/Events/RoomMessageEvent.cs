namespace RocketChat.Livechat.Realtime;

/// <summary>
/// A message was posted (<see cref="IsEdit"/> false) or changed (true) in the room. <see cref="Kind"/> says which
/// system message it is, if any, so a widget can react to the room closing or an agent joining.
/// </summary>
public sealed record RoomMessageEvent(string RoomId, Message Message, RoomMessageKind Kind, bool IsEdit) : LivechatRoomEvent(RoomId);
