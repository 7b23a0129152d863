namespace RocketChat.Livechat.Realtime;

/// <summary><c>agentStatus</c>: the serving agent's presence changed.</summary>
public sealed record AgentStatusChangedEvent(string RoomId, UserStatus Status) : LivechatRoomEvent(RoomId);
