using System.Text.Json;

namespace RocketChat.Livechat.Realtime;

/// <summary>
/// The subscription document of a change reconstructed after a gap, where no document was sent: the fields the
/// server's omnichannel subscription has that the room listing knows (<c>rid</c>, <c>t</c>, <c>u._id</c>, and for an
/// insert <c>name</c>, <c>fname</c>, <c>open</c>, <c>v</c>, <c>department</c>). No subscription <c>_id</c>, dates,
/// unread counters or alerts: those exist only on the server's document.
/// </summary>
internal static class ServedRoomSubscriptionDocument
{
    public static JsonElement Inserted(LivechatRoom room, string userId) => Write(writer =>
    {
        WriteCommon(writer, room.Id, userId);
        WriteStringIfSet(writer, "name", room.Visitor?.Username ?? room.Name);
        WriteStringIfSet(writer, "fname", room.DisplayName);
        writer.WriteBoolean("open", room.IsOpen ?? true);
        if (room.Visitor is { } visitor)
        {
            writer.WritePropertyName("v");
            JsonSerializer.Serialize(writer, visitor, LivechatJsonContext.Default.RoomVisitorInfo);
        }

        WriteStringIfSet(writer, "department", room.DepartmentId);
    });

    public static JsonElement Removed(string roomId, string userId) => Write(writer => WriteCommon(writer, roomId, userId));

    private static void WriteCommon(Utf8JsonWriter writer, string roomId, string userId)
    {
        writer.WriteString("rid", roomId);
        writer.WriteString("t", "l");
        writer.WriteStartObject("u");
        writer.WriteString("_id", userId);
        writer.WriteEndObject();
    }

    private static void WriteStringIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static JsonElement Write(Action<Utf8JsonWriter> writeMembers)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        using JsonDocument document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
