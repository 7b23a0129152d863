using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Security;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Realtime;

/// <summary>
/// The streams' read rules (notifications.module, roomAccessValidator): a visitor reads its own open livechat room by
/// token; staff read what they serve or what their permissions show. Call while holding <see cref="EmulatorState.Gate"/>.
/// </summary>
internal static class StreamReadRules
{
    /// <summary>Whether <paramref name="user"/> (null: not logged in) may read <paramref name="eventName"/> on <paramref name="stream"/>.</summary>
    public static bool CanRead(EmulatorState state, string stream, string eventName, UserRecord? user, JsonElement? extraData) => stream switch
    {
        StreamNames.RoomMessages => state.Rooms.TryGetValue(eventName, out RoomRecord? room)
            && (VisitorOwnsOpenRoom(room, Token(extraData, "visitorToken")) || (user is not null && CanAccessRoom(user, room))),
        StreamNames.LivechatRoom => state.Rooms.TryGetValue(eventName, out RoomRecord? room)
            && Token(extraData, "visitorToken") is { } token && string.Equals(room.Visitor.Token, token, StringComparison.Ordinal),
        StreamNames.NotifyRoom => RoomOf(eventName) is { } roomId && state.Rooms.TryGetValue(roomId, out RoomRecord? room)
            && ((Token(extraData, "token") is { } token && string.Equals(room.Visitor.Token, token, StringComparison.Ordinal))
                || (user is not null && CanAccessRoom(user, room))),
        StreamNames.NotifyUser => user is not null && eventName.StartsWith(user.Id + "/", StringComparison.Ordinal),
        StreamNames.InquiryQueue => user is not null && Permissions.Has(user, Permissions.ViewLivechatRoom),
        _ => false,
    };

    /// <summary>The room id of a <c>&lt;rid&gt;/&lt;event&gt;</c> notify-room eventName.</summary>
    public static string? RoomOf(string eventName)
    {
        int slash = eventName.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? eventName[..slash] : null;
    }

    /// <summary>The livechat validator: newer servers also require the room to be open.</summary>
    private static bool VisitorOwnsOpenRoom(RoomRecord room, string? token) =>
        token is not null && room.IsOpen && string.Equals(room.Visitor.Token, token, StringComparison.Ordinal);

    /// <summary>canAccessRoom for a logged-in user and a livechat room: it serves the room, or may view livechat rooms.</summary>
    public static bool CanAccessRoom(UserRecord user, RoomRecord room) =>
        Permissions.Has(user, Permissions.ViewLivechatRooms) || room.ServedBy?.AgentId == user.Id;

    private static string? Token(JsonElement? extraData, string name) =>
        extraData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
