using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Settings;
using RocketChat.Livechat.Emulator.State;
using RocketChat.Livechat.Webhooks;

namespace RocketChat.Livechat.Emulator.Webhooks;

/// <summary>
/// Builds webhook bodies as sendToCRM does, in the webhooks contract's generated payloads: the room's
/// getLivechatRoomGuestInfo (<see cref="GuestInfo"/>), the type, the messages and the event's extra keys, serialized
/// like JSON.stringify (ISO dates, undefined keys left out). Call inside the state lock.
/// </summary>
internal static class WebhookPayloadWriter
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The room's guest info and messages; <paramref name="onlyMessage"/> replaces the room's messages (Message,
    /// LeadCapture).
    /// </summary>
    public static GuestInfo Guest(EmulatorState state, RoomRecord room, string? crmData, IReadOnlyList<MessageRecord>? onlyMessage)
    {
        // The emulator keeps no user agent or IP, so os, browser and ip are left out, as undefined values are.
        VisitorRecord? visitor = state.Visitors.GetValueOrDefault(room.Visitor.Id);
        var webhookVisitor = new LivechatWebhookVisitor
        {
            Id = room.Visitor.Id,
            Token = room.Visitor.Token,
            Name = visitor?.Name ?? room.Visitor.Name,
            Username = room.Visitor.Username,
            Department = visitor?.Department,
            Email = visitor is { Emails.IsEmpty: false }
                ? Element(visitor.Emails.Select(address => new LivechatWebhookVisitorEmail { Address = address }), LivechatWebhooksJsonContext.Default.LivechatWebhookVisitorEmail)
                : null,
            Phone = visitor is { Phones.IsEmpty: false }
                ? Element(visitor.Phones.Select(number => new LivechatWebhookVisitorPhone { PhoneNumber = number }), LivechatWebhooksJsonContext.Default.LivechatWebhookVisitorPhone)
                : null,
        };
        LivechatWebhookAgent? agent = room.ServedBy is { } servedBy && state.Users.TryGetValue(servedBy.AgentId, out UserRecord? user)
            ? new LivechatWebhookAgent { Id = user.Id, Username = user.Username, Name = user.Name, Email = user.Email }
            : null;
        IEnumerable<MessageRecord> messages = onlyMessage ?? state.Messages.GetValueOrDefault(room.Id, []).Where(message => IsSentToCrm(state, message));
        return new GuestInfo(
            room,
            webhookVisitor,
            agent,
            crmData is null ? null : JsonElement.Parse(Write(writer => writer.WriteStringValue(crmData))),
            [.. messages.Select(message => Message(room, message))]);
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

    public static LivechatWebhookServedBy? ServedBy(AgentReference? servedBy) =>
        servedBy is null ? null : new LivechatWebhookServedBy { Id = servedBy.AgentId, Username = servedBy.Username, Ts = servedBy.Timestamp };

    /// <summary>A payload through its generated converter, escaped as JSON.stringify escapes.</summary>
    public static byte[] Serialize<T>(T payload, JsonTypeInfo<T> typeInfo) => Write(writer => JsonSerializer.Serialize(writer, payload, typeInfo));

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static LivechatWebhookMessage Message(RoomRecord room, MessageRecord message) => new()
    {
        Id = message.Id,
        Username = message.Sender.Username,
        Msg = message.Text,
        Ts = message.Timestamp,
        Rid = message.RoomId,
        AgentId = string.Equals(message.Sender.Username, room.Visitor.Username, StringComparison.Ordinal) ? null : message.Sender.Id,
        Navigation = message.Navigation is { } navigation
            ? JsonSerializer.SerializeToElement(MessageModels.Navigation(navigation), LivechatJsonContext.Default.VisitorNavigation)
            : null,
        ClosingMessage = message.Type == "livechat-close" ? true : null,
        U = new LivechatWebhookMessageUser { Id = message.Sender.Id, Username = message.Sender.Username, Name = message.Sender.Name },
        UpdatedAt = message.Timestamp,
    };

    /// <summary>A list of generated records as one free-form element (the contract types email and phone loosely).</summary>
    private static JsonElement Element<T>(IEnumerable<T> items, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (T item in items)
            {
                JsonSerializer.Serialize(writer, item, typeInfo);
            }

            writer.WriteEndArray();
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }
}
