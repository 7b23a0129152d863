namespace RocketChat.Livechat.Realtime;

/// <summary>
/// <c>agentData</c>: an agent was assigned (<see cref="Agent"/> set), or the room was unassigned or forwarded and
/// awaits one (null). <see cref="IsHidden"/> when the server hides agent details (<c>Livechat_show_agent_info</c> off).
/// </summary>
public sealed record AgentChangedEvent(string RoomId, LivechatUser? Agent, bool IsHidden) : LivechatRoomEvent(RoomId);
