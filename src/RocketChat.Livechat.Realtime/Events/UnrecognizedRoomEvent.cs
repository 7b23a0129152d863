using System.Text.Json;

namespace RocketChat.Livechat.Realtime;

/// <summary>
/// An event of a kind this client does not know (a newer server's <c>stream-livechat-room</c> type, say), passed on
/// as sent rather than dropped.
/// </summary>
public sealed record UnrecognizedRoomEvent(string RoomId, string Stream, string EventName, JsonElement Args) : LivechatRoomEvent(RoomId);
