using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>Writes a visitor as Rocket.Chat's <c>ILivechatVisitor</c> document.</summary>
internal static class VisitorJson
{
    public static void Write(Utf8JsonWriter writer, VisitorRecord visitor)
    {
        writer.WriteStartObject();
        writer.WriteString("_id", visitor.Id);
        writer.WriteString("username", visitor.Username);
        writer.WriteDate("ts", visitor.CreatedAt);
        writer.WriteString("token", visitor.Token);
        writer.WriteDate("_updatedAt", visitor.UpdatedAt);
        writer.WriteStringIfSet("name", visitor.Name);
        writer.WriteStringIfSet("department", visitor.Department);
        writer.WriteString("status", visitor.Status.Value);
        if (!visitor.Phones.IsEmpty)
        {
            writer.WriteStartArray("phone");
            foreach (string phone in visitor.Phones)
            {
                writer.WriteStartObject();
                writer.WriteString("phoneNumber", phone);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (!visitor.Emails.IsEmpty)
        {
            writer.WriteStartArray("visitorEmails");
            foreach (string email in visitor.Emails)
            {
                writer.WriteStartObject();
                writer.WriteString("address", email);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (visitor.LastChat is { } lastChat)
        {
            writer.WriteStartObject("lastChat");
            writer.WriteString("_id", lastChat.RoomId);
            writer.WriteDate("ts", lastChat.Timestamp);
            writer.WriteEndObject();
        }

        if (!visitor.LivechatData.IsEmpty)
        {
            writer.WriteStringMap("livechatData", visitor.LivechatData);
        }

        if (visitor.LastAgent is { } lastAgent)
        {
            writer.WriteStartObject("lastAgent");
            writer.WriteString("username", lastAgent.Username);
            writer.WriteString("agentId", lastAgent.AgentId);
            writer.WriteDate("ts", lastAgent.Timestamp);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>The <c>v</c> summary embedded in rooms and inquiries.</summary>
    public static void WriteSummary(Utf8JsonWriter writer, string propertyName, VisitorSummary visitor, DateTimeOffset? lastMessageAt = null)
    {
        writer.WriteStartObject(propertyName);
        writer.WriteString("_id", visitor.Id);
        writer.WriteString("username", visitor.Username);
        writer.WriteString("token", visitor.Token);
        writer.WriteString("status", visitor.Status.Value);
        writer.WriteStringIfSet("name", visitor.Name);
        writer.WriteStringIfSet("phone", visitor.Phone);
        writer.WriteDateIfSet("lastMessageTs", lastMessageAt);
        writer.WriteEndObject();
    }
}
