namespace RocketChat.Livechat.Realtime;

/// <summary>Something that happened in a livechat room, as one of the sealed records deriving from this one.</summary>
public abstract record LivechatRoomEvent(string RoomId);
