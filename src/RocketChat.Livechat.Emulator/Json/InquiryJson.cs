using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>Writes an inquiry as Rocket.Chat's <c>ILivechatInquiryRecord</c> document.</summary>
internal static class InquiryJson
{
    /// <summary>The full document, as inquiries.getOne and inquiries.queuedForUser return it.</summary>
    public static void Write(Utf8JsonWriter writer, InquiryRecord inquiry)
    {
        writer.WriteStartObject();
        writer.WriteString("_id", inquiry.Id);
        writer.WriteString("rid", inquiry.RoomId);
        writer.WriteString("name", inquiry.Name);
        writer.WriteDate("ts", inquiry.CreatedAt);
        writer.WriteString("message", inquiry.Message);
        writer.WriteString("status", inquiry.Status.Value);
        VisitorJson.WriteSummary(writer, "v", inquiry.Visitor);
        writer.WriteString("t", "l");
        writer.WriteStringIfSet("department", inquiry.Department);
        writer.WriteStartObject("source");
        writer.WriteString("type", inquiry.Source.Value);
        writer.WriteEndObject();
        writer.WriteNumber("priorityWeight", RoomRecord.UnspecifiedPriorityWeight);
        writer.WriteNumber("estimatedWaitingTimeQueue", RoomRecord.UnknownWaitingTime);
        writer.WriteDateIfSet("queuedAt", inquiry.QueuedAt);
        writer.WriteDateIfSet("takenAt", inquiry.TakenAt);
        if (inquiry.DefaultAgent is { } agent)
        {
            writer.WriteStartObject("defaultAgent");
            writer.WriteString("agentId", agent.AgentId);
            writer.WriteString("username", agent.Username);
            writer.WriteEndObject();
        }

        if (inquiry.LastMessage is { } lastMessage)
        {
            writer.WritePropertyName("lastMessage");
            MessageJson.Write(writer, lastMessage);
        }

        writer.WriteDate("_updatedAt", inquiry.UpdatedAt);
        writer.WriteEndObject();
    }

    /// <summary>The projection inquiries.list uses: <c>_id, rid, name, ts, status, department</c>.</summary>
    public static void WriteListItem(Utf8JsonWriter writer, InquiryRecord inquiry)
    {
        writer.WriteStartObject();
        writer.WriteString("_id", inquiry.Id);
        writer.WriteString("rid", inquiry.RoomId);
        writer.WriteString("name", inquiry.Name);
        writer.WriteDate("ts", inquiry.CreatedAt);
        writer.WriteString("status", inquiry.Status.Value);
        writer.WriteStringIfSet("department", inquiry.Department);
        writer.WriteEndObject();
    }
}
