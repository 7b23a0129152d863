using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace RocketChat.Livechat.Webhooks;

/// <summary>Turns a body into a typed event with the contract's generated converters (no reflection).</summary>
internal static class LivechatWebhookReader
{
    public static LivechatWebhookEvent Read(ReadOnlyMemory<byte> body, string idempotencyKey, bool isRepeat, bool canReply, DateTimeOffset receivedAt)
    {
        // The JSON reader checks UTF-8 only in the strings it decodes: a bad byte in the type would escape as an
        // InvalidOperationException (a 500 the server retries), and one in a skipped value would reach the handler.
        if (!Utf8.IsValid(body.Span))
        {
            throw new LivechatWebhookFormatException("The body is not valid UTF-8.");
        }

        string type = ReadType(body.Span);
        LivechatWebhooksJsonContext json = LivechatWebhooksJsonContext.Default;
        return type switch
        {
            LivechatWebhookEventTypes.SessionStart => Typed(json.LivechatSessionStartPayload),
            LivechatWebhookEventTypes.SessionQueued => Typed(json.LivechatSessionQueuedPayload),
            LivechatWebhookEventTypes.SessionTaken => Typed(json.LivechatSessionTakenPayload),
            LivechatWebhookEventTypes.SessionForwarded => Typed(json.LivechatSessionForwardedPayload),
            LivechatWebhookEventTypes.SessionClosed => Typed(json.LivechatSessionPayload),
            LivechatWebhookEventTypes.RoomEdited
                or LivechatWebhookEventTypes.Message
                or LivechatWebhookEventTypes.LeadCapture => Typed(json.LivechatWebhookRoomPayload),
            LivechatWebhookEventTypes.OfflineMessage => Typed(json.LivechatOfflineMessagePayload),
            _ => new LivechatWebhookEvent(type, body, idempotencyKey, isRepeat, canReply, receivedAt),
        };

        LivechatWebhookEvent Typed<TPayload>(JsonTypeInfo<TPayload> typeInfo)
            where TPayload : class
        {
            TPayload? payload;
            try
            {
                payload = JsonSerializer.Deserialize(body.Span, typeInfo);
            }
            catch (JsonException ex)
            {
                throw new LivechatWebhookFormatException($"The '{type}' payload does not match the contract: {ex.Message}", ex);
            }

            return payload is null
                ? throw new LivechatWebhookFormatException($"The '{type}' payload is null.")
                : new LivechatWebhookEvent<TPayload>(type, payload, body, idempotencyKey, isRepeat, canReply, receivedAt);
        }
    }

    /// <summary>The top-level <c>type</c> string; the whole body is checked to be one well-formed JSON object.</summary>
    private static string ReadType(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        string? type = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new LivechatWebhookFormatException("The body is not a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isType = reader.ValueTextEquals("type"u8);
                reader.Read();
                if (isType)
                {
                    type = reader.TokenType == JsonTokenType.String
                        ? reader.GetString()
                        : throw new LivechatWebhookFormatException($"The 'type' field is a JSON {reader.TokenType}, not a string.");
                }
                else
                {
                    reader.Skip();
                }
            }

            // Reading past the object makes the reader reject anything but whitespace after it.
            reader.Read();
        }
        catch (JsonException ex)
        {
            throw new LivechatWebhookFormatException($"The body is not valid JSON: {ex.Message}", ex);
        }

        return string.IsNullOrEmpty(type)
            ? throw new LivechatWebhookFormatException("The body has no 'type' field, so the event cannot be told apart.")
            : type;
    }
}
