using System.Text.Json;
using RocketChat.Livechat.Emulator.Json;

namespace RocketChat.Livechat.Emulator.Webhooks;

/// <summary>
/// The fixed body of <c>POST livechat/webhook.test</c>. Unlike real events, the visitor's email and phone are plain
/// strings here; the dates are the time of the test.
/// </summary>
internal static class WebhookTestSample
{
    public static byte[] Create(DateTimeOffset now) => WebhookPayloadWriter.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("type", "LivechatSession");
        writer.WriteString("_id", "fasd6f5a4sd6f8a4sdf");
        writer.WriteString("label", "title");
        writer.WriteString("topic", "asiodojf");
        writer.WriteDate("createdAt", now);
        writer.WriteDate("lastMessageAt", now);
        writer.WriteStringArray("tags", ["tag1", "tag2", "tag3"]);
        writer.WriteStartObject("customFields");
        writer.WriteString("productId", "123456");
        writer.WriteEndObject();

        writer.WriteStartObject("visitor");
        writer.WriteString("_id", string.Empty);
        writer.WriteString("name", "visitor name");
        writer.WriteString("username", "visitor-username");
        writer.WriteString("department", "department");
        writer.WriteString("email", "email@address.com");
        writer.WriteString("phone", "192873192873");
        writer.WriteString("ip", "123.456.7.89");
        writer.WriteString("browser", "Chrome");
        writer.WriteString("os", "Linux");
        writer.WriteStartObject("customFields");
        writer.WriteString("customerId", "123456");
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartObject("agent");
        writer.WriteString("_id", "asdf89as6df8");
        writer.WriteString("username", "agent.username");
        writer.WriteString("name", "Agent Name");
        writer.WriteString("email", "agent@email.com");
        writer.WriteEndObject();

        writer.WriteStartArray("messages");
        WriteMessage(writer, "visitor-username", agentId: null, "message content", now);
        WriteMessage(writer, "agent.username", "asdf89as6df8", "message content from agent", now);
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteMessage(Utf8JsonWriter writer, string username, string? agentId, string text, DateTimeOffset ts)
    {
        writer.WriteStartObject();
        writer.WriteString("username", username);
        writer.WriteStringIfSet("agentId", agentId);
        writer.WriteString("msg", text);
        writer.WriteDate("ts", ts);
        writer.WriteEndObject();
    }
}
