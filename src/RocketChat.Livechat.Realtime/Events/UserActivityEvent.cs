namespace RocketChat.Livechat.Realtime;

/// <summary><c>user-activity</c>: what someone in the room is doing; an empty list means they stopped.</summary>
public sealed record UserActivityEvent(string RoomId, string Username, IReadOnlyList<string> Activities) : LivechatRoomEvent(RoomId)
{
    /// <summary>Whether <see cref="Username"/> is typing.</summary>
    public bool IsTyping => Activities.Contains(RealtimeStreams.TypingActivity, StringComparer.Ordinal);
}
