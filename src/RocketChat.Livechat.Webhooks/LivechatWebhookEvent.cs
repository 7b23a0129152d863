using System.Text.Json;

namespace RocketChat.Livechat.Webhooks;

/// <summary>
/// One webhook as received: its type, the body exactly as sent, and the idempotency key that recognises the server's
/// retries (which repeat the body byte for byte).
/// </summary>
public class LivechatWebhookEvent
{
    private JsonElement? _raw;
    private string? _crmDataReply;

    internal LivechatWebhookEvent(string type, ReadOnlyMemory<byte> body, string idempotencyKey, bool isRepeat, bool canReply, DateTimeOffset receivedAt)
    {
        Type = type;
        Body = body;
        IdempotencyKey = idempotencyKey;
        IsRepeat = isRepeat;
        CanReply = canReply;
        ReceivedAt = receivedAt;
    }

    /// <summary>The payload's <c>type</c>, e.g. <see cref="LivechatWebhookEventTypes.SessionStart"/>; unknown types are kept as sent.</summary>
    public string Type { get; }

    /// <summary>The UTF-8 body as received.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The whole body as JSON, including fields the contract does not describe.</summary>
    public JsonElement Raw => _raw ??= JsonDocument.Parse(Body).RootElement;

    /// <summary>Lowercase hex SHA-256 of the body: the same for every retry of one delivery.</summary>
    public string IdempotencyKey { get; }

    /// <summary>True when a body with the same key was accepted recently (see <see cref="LivechatWebhookOptions.RecentKeyCapacity"/>).</summary>
    public bool IsRepeat { get; }

    /// <summary>When the endpoint received the request.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>True when the handler runs before the answer (<see cref="LivechatWebhookDeliveryMode.Inline"/>) and may reply.</summary>
    public bool CanReply { get; }

    /// <summary>The crmData reply set by <see cref="ReplyWithCrmData"/>, if any.</summary>
    public string? CrmDataReply => _crmDataReply;

    /// <summary>
    /// Answers with <paramref name="text"/> as the 200 body. Current servers store the raw text as the room's crmData
    /// and send it back in later webhooks for the room (the oldest servers stored the "data" property of a JSON answer).
    /// The server overwrites crmData with the body of every 200 for the room, an empty one included: reply with it on
    /// every event of the room you want it kept for.
    /// </summary>
    /// <exception cref="InvalidOperationException">The event is handled in the background, after the answer was sent.</exception>
    public void ReplyWithCrmData(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!CanReply)
        {
            throw new InvalidOperationException(
                "The answer was already sent: crmData can only be replied when LivechatWebhookOptions.DeliveryMode is Inline.");
        }

        _crmDataReply = text;
    }
}

/// <summary>A webhook whose type the contract knows, with its typed payload.</summary>
/// <typeparam name="TPayload">The generated payload record.</typeparam>
public sealed class LivechatWebhookEvent<TPayload> : LivechatWebhookEvent
    where TPayload : class
{
    internal LivechatWebhookEvent(string type, TPayload payload, ReadOnlyMemory<byte> body, string idempotencyKey, bool isRepeat, bool canReply, DateTimeOffset receivedAt)
        : base(type, body, idempotencyKey, isRepeat, canReply, receivedAt)
    {
        Payload = payload;
    }

    /// <summary>The payload, read with the contract's generated converters; unknown fields are in its AdditionalProperties.</summary>
    public TPayload Payload { get; }
}
