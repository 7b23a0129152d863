using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>Writes a room as Rocket.Chat's <c>IOmnichannelRoom</c> document.</summary>
internal static class RoomJson
{
    public static void Write(Utf8JsonWriter writer, RoomRecord room, FieldProjection? projection = null)
    {
        projection ??= FieldProjection.All;
        writer.WriteStartObject();
        writer.WriteString("_id", room.Id);
        if (projection.Includes("t"))
        {
            writer.WriteString("t", "l");
        }

        if (projection.Includes("fname"))
        {
            writer.WriteString("fname", room.DisplayName);
        }

        if (projection.Includes("topic"))
        {
            writer.WriteStringIfSet("topic", room.Topic);
        }

        if (projection.Includes("msgs"))
        {
            writer.WriteNumber("msgs", room.MessageCount);
        }

        if (projection.Includes("usersCount"))
        {
            writer.WriteNumber("usersCount", room.UsersCount);
        }

        if (projection.Includes("ts"))
        {
            writer.WriteDate("ts", room.CreatedAt);
        }

        if (projection.Includes("_updatedAt"))
        {
            writer.WriteDate("_updatedAt", room.UpdatedAt);
        }

        if (projection.Includes("lm"))
        {
            writer.WriteDateIfSet("lm", room.LastMessageAt);
        }

        // Closing a room unsets "open" rather than setting it to false.
        if (room.IsOpen && projection.Includes("open"))
        {
            writer.WriteBoolean("open", true);
        }

        if (projection.Includes("cl"))
        {
            writer.WriteBoolean("cl", false);
        }

        if (projection.Includes("waitingResponse"))
        {
            writer.WriteBoolean("waitingResponse", room.WaitingResponse);
        }

        if (projection.Includes("v"))
        {
            VisitorJson.WriteSummary(writer, "v", room.Visitor, room.VisitorLastMessageAt);
        }

        if (room.ServedBy is { } servedBy && projection.Includes("servedBy"))
        {
            writer.WriteStartObject("servedBy");
            writer.WriteString("_id", servedBy.AgentId);
            writer.WriteString("username", servedBy.Username);
            writer.WriteDate("ts", servedBy.Timestamp);
            writer.WriteEndObject();
        }

        if (projection.Includes("departmentId"))
        {
            writer.WriteStringIfSet("departmentId", room.DepartmentId);
        }

        if (projection.Includes("source"))
        {
            writer.WriteStartObject("source");
            writer.WriteString("type", room.Source.Value);
            writer.WriteStringIfSet("destination", room.SourceDestination);
            writer.WriteEndObject();
        }

        if (!room.Tags.IsEmpty && projection.Includes("tags"))
        {
            writer.WriteStringArray("tags", room.Tags);
        }

        if (projection.Includes("livechatData"))
        {
            writer.WriteStringMap("livechatData", room.LivechatData);
        }

        if (room.SurveyFeedback is { } surveyFeedback && projection.Includes("surveyFeedback"))
        {
            writer.WriteStringMap("surveyFeedback", surveyFeedback);
        }

        if (room.LastMessage is { } lastMessage && projection.Includes("lastMessage"))
        {
            writer.WritePropertyName("lastMessage");
            MessageJson.Write(writer, lastMessage);
        }

        if (room.IsOnHold && projection.Includes("onHold"))
        {
            writer.WriteBoolean("onHold", true);
        }

        if (projection.Includes("priorityWeight"))
        {
            writer.WriteNumber("priorityWeight", RoomRecord.UnspecifiedPriorityWeight);
        }

        if (projection.Includes("estimatedWaitingTimeQueue"))
        {
            writer.WriteNumber("estimatedWaitingTimeQueue", RoomRecord.UnknownWaitingTime);
        }

        WriteClosing(writer, room, projection);
        writer.WriteEndObject();
    }

    private static void WriteClosing(Utf8JsonWriter writer, RoomRecord room, FieldProjection projection)
    {
        if (room.ClosedAt is not { } closedAt)
        {
            return;
        }

        if (projection.Includes("closedAt"))
        {
            writer.WriteDate("closedAt", closedAt);
        }

        if (room.Closer is { } closer && projection.Includes("closer"))
        {
            writer.WriteString("closer", closer.Value);
        }

        if (room.ClosedBy is { } closedBy && projection.Includes("closedBy"))
        {
            writer.WriteStartObject("closedBy");
            writer.WriteString("_id", closedBy.Id);
            writer.WriteString("username", closedBy.Username);
            writer.WriteEndObject();
        }

        if (projection.Includes("metrics"))
        {
            writer.WriteStartObject("metrics");
            writer.WriteNumber("chatDuration", (closedAt - room.CreatedAt).TotalSeconds);
            writer.WriteEndObject();
        }
    }
}
