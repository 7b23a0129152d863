using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Settings;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Webhooks;

/// <summary>
/// Writes webhook bodies as sendToCRM does: the room's getLivechatRoomGuestInfo, the type, the messages and the
/// event's extra keys, serialized like JSON.stringify (ISO dates, undefined keys left out). Call inside the state lock.
/// </summary>
internal static class WebhookPayloadWriter
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A room event; <paramref name="onlyMessage"/> replaces the room's messages (Message, LeadCapture).</summary>
    public static byte[] RoomEvent(
        EmulatorState state, string type, RoomRecord room, string? crmData, IReadOnlyList<MessageRecord>? onlyMessage, Action<Utf8JsonWriter>? writeExtra)
    {
        return Write(writer =>
        {
            writer.WriteStartObject();
            WriteGuestInfo(writer, state, room, crmData);
            writer.WriteString("type", type);
            writer.WriteStartArray("messages");
            IEnumerable<MessageRecord> messages = onlyMessage ?? state.Messages.GetValueOrDefault(room.Id, []).Where(message => IsSentToCrm(state, message));
            foreach (MessageRecord message in messages)
            {
                WriteMessage(writer, room, message);
            }

            writer.WriteEndArray();
            writeExtra?.Invoke(writer);
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// Chat messages and the closing message; navigation entries only when they are shown as messages and
    /// Send_visitor_navigation_history_livechat_webhook_request is on; no other system message.
    /// </summary>
    public static bool IsSentToCrm(EmulatorState state, MessageRecord message) => message.Type switch
    {
        null or "livechat-close" => true,
        "livechat_navigation_history" => state.Settings.GetBoolean(WidgetSettings.NavigationAsMessageId) && state.Settings.GetBoolean(WebhookSettings.SendNavigationHistory),
        _ => false,
    };

    public static void WriteServedBy(Utf8JsonWriter writer, string name, AgentReference? servedBy)
    {
        if (servedBy is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("_id", servedBy.AgentId);
        writer.WriteString("username", servedBy.Username);
        writer.WriteDate("ts", servedBy.Timestamp);
        writer.WriteEndObject();
    }

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteGuestInfo(Utf8JsonWriter writer, EmulatorState state, RoomRecord room, string? crmData)
    {
        writer.WriteString("_id", room.Id);
        writer.WriteString("label", room.DisplayName);
        writer.WriteStringIfSet("topic", room.Topic);
        writer.WriteDate("createdAt", room.CreatedAt);
        writer.WriteDateIfSet("lastMessageAt", room.LastMessageAt);
        if (!room.Tags.IsEmpty)
        {
            writer.WriteStringArray("tags", room.Tags);
        }

        // The emulator keeps no user agent or IP, so os, browser and ip are left out, as undefined values are.
        VisitorRecord? visitor = state.Visitors.GetValueOrDefault(room.Visitor.Id);
        writer.WriteStartObject("visitor");
        writer.WriteString("_id", room.Visitor.Id);
        writer.WriteString("token", room.Visitor.Token);
        writer.WriteStringIfSet("name", visitor?.Name ?? room.Visitor.Name);
        writer.WriteString("username", room.Visitor.Username);
        writer.WriteStringIfSet("department", visitor?.Department);
        if (visitor is { Emails.IsEmpty: false })
        {
            writer.WriteStartArray("email");
            foreach (string address in visitor.Emails)
            {
                writer.WriteStartObject();
                writer.WriteString("address", address);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (visitor is { Phones.IsEmpty: false })
        {
            writer.WriteStartArray("phone");
            foreach (string number in visitor.Phones)
            {
                writer.WriteStartObject();
                writer.WriteString("phoneNumber", number);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();

        if (room.ServedBy is { } servedBy && state.Users.TryGetValue(servedBy.AgentId, out UserRecord? agent))
        {
            writer.WriteStartObject("agent");
            writer.WriteString("_id", agent.Id);
            writer.WriteString("username", agent.Username);
            writer.WriteString("name", agent.Name);
            writer.WriteString("email", agent.Email);
            writer.WriteEndObject();
        }

        if (crmData is not null)
        {
            writer.WriteString("crmData", crmData);
        }
    }

    private static void WriteMessage(Utf8JsonWriter writer, RoomRecord room, MessageRecord message)
    {
        writer.WriteStartObject();
        writer.WriteString("_id", message.Id);
        writer.WriteString("username", message.Sender.Username);
        writer.WriteString("msg", message.Text);
        writer.WriteDate("ts", message.Timestamp);
        writer.WriteString("rid", message.RoomId);
        if (!string.Equals(message.Sender.Username, room.Visitor.Username, StringComparison.Ordinal))
        {
            writer.WriteString("agentId", message.Sender.Id);
        }

        if (message.Navigation is { } navigation)
        {
            MessageJson.WriteNavigation(writer, navigation);
        }

        if (message.Type == "livechat-close")
        {
            writer.WriteBoolean("closingMessage", true);
        }

        writer.WriteStartObject("u");
        writer.WriteString("_id", message.Sender.Id);
        writer.WriteString("username", message.Sender.Username);
        writer.WriteStringIfSet("name", message.Sender.Name);
        writer.WriteEndObject();
        writer.WriteDate("_updatedAt", message.Timestamp);
        writer.WriteEndObject();
    }
}
