namespace RocketChat.Livechat.Realtime;

/// <summary>A message was deleted (<c>&lt;rid&gt;/deleteMessage</c>).</summary>
public sealed record MessageDeletedEvent(string RoomId, string MessageId) : LivechatRoomEvent(RoomId);
