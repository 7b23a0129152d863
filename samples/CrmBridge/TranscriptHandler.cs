using RocketChat.Livechat.Webhooks;

namespace CrmBridge;

/// <summary>Turns livechat webhooks into transcript lines. Repeats (the server's retries) are recognised and skipped.</summary>
public sealed class TranscriptHandler(TranscriptStore transcripts, ILogger<TranscriptHandler> logger) : ILivechatWebhookHandler
{
    public ValueTask OnSessionStartAsync(LivechatWebhookEvent<LivechatSessionStartPayload> webhook, CancellationToken cancellationToken)
    {
        if (!webhook.IsRepeat)
        {
            LivechatSessionStartPayload room = webhook.Payload;
            transcripts.Add(room.Id, new TranscriptEntry(room.CreatedAt ?? webhook.ReceivedAt, "started", room.Visitor.Name ?? room.Visitor.Username ?? room.Visitor.Id));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnMessageAsync(LivechatWebhookEvent<LivechatWebhookRoomPayload> webhook, CancellationToken cancellationToken)
    {
        if (!webhook.IsRepeat)
        {
            foreach (LivechatWebhookMessage message in webhook.Payload.Messages.Where(m => m.ClosingMessage != true))
            {
                transcripts.Add(webhook.Payload.Id, new TranscriptEntry(message.Ts, "message", $"{message.Username}: {message.Msg}", message.Id));
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnSessionTakenAsync(LivechatWebhookEvent<LivechatSessionTakenPayload> webhook, CancellationToken cancellationToken)
    {
        if (!webhook.IsRepeat)
        {
            LivechatSessionTakenPayload room = webhook.Payload;
            transcripts.Add(room.Id, new TranscriptEntry(room.ServedBy?.Ts ?? webhook.ReceivedAt, "taken", room.Agent?.Username ?? room.ServedBy?.Username ?? "?"));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnSessionForwardedAsync(LivechatWebhookEvent<LivechatSessionForwardedPayload> webhook, CancellationToken cancellationToken)
    {
        if (!webhook.IsRepeat)
        {
            LivechatSessionForwardedPayload room = webhook.Payload;
            transcripts.Add(room.Id, new TranscriptEntry(room.ServedBy?.Ts ?? webhook.ReceivedAt, "forwarded", room.ServedBy?.Username ?? "?"));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnSessionClosedAsync(LivechatWebhookEvent<LivechatSessionPayload> webhook, CancellationToken cancellationToken)
    {
        if (!webhook.IsRepeat)
        {
            LivechatSessionPayload room = webhook.Payload;

            // The close carries every message of the room: fill in any Message event this bridge missed (not switched on, say).
            foreach (LivechatWebhookMessage message in room.Messages.Where(m => m.ClosingMessage != true))
            {
                transcripts.Add(room.Id, new TranscriptEntry(message.Ts, "message", $"{message.Username}: {message.Msg}", message.Id));
            }

            transcripts.Add(room.Id, new TranscriptEntry(room.ClosedAt ?? webhook.ReceivedAt, "closed", room.ClosedBy?.Username ?? room.Closer ?? "?"));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnUnknownEventAsync(LivechatWebhookEvent webhook, CancellationToken cancellationToken)
    {
        logger.LogInformation("Ignored a {Type} webhook this bridge does not know.", webhook.Type);
        return ValueTask.CompletedTask;
    }
}
