namespace RocketChat.Livechat.Webhooks;

/// <summary>
/// Receives livechat webhooks. Implement the events you need; the others do nothing. Registered as a scoped service:
/// one instance per delivery. Use <see cref="LivechatWebhookEvent.IsRepeat"/> or
/// <see cref="LivechatWebhookEvent.IdempotencyKey"/> to recognise the server's retries.
/// </summary>
public interface ILivechatWebhookHandler
{
    /// <summary>A livechat room was created (<see cref="LivechatWebhookEventTypes.SessionStart"/>).</summary>
    ValueTask OnSessionStartAsync(LivechatWebhookEvent<LivechatSessionStartPayload> webhook, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>A room entered the queue (<see cref="LivechatWebhookEventTypes.SessionQueued"/>).</summary>
    ValueTask OnSessionQueuedAsync(LivechatWebhookEvent<LivechatSessionQueuedPayload> webhook, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>An agent took the room (<see cref="LivechatWebhookEventTypes.SessionTaken"/>).</summary>
    ValueTask OnSessionTakenAsync(LivechatWebhookEvent<LivechatSessionTakenPayload> webhook, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>The room was forwarded (<see cref="LivechatWebhookEventTypes.SessionForwarded"/>).</summary>
    ValueTask OnSessionForwardedAsync(LivechatWebhookEvent<LivechatSessionForwardedPayload> webhook, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// The room was closed (<see cref="LivechatWebhookEventTypes.SessionClosed"/>). The <c>livechat/webhook.test</c>
    /// sample arrives here too; its visitor e-mail and phone are plain strings, which
    /// <see cref="LivechatWebhookVisitor.EmailAddresses"/> and <see cref="LivechatWebhookVisitor.PhoneNumbers"/> read.
    /// </summary>
    ValueTask OnSessionClosedAsync(LivechatWebhookEvent<LivechatSessionPayload> webhook, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>The information of a closed room was saved (<see cref="LivechatWebhookEventTypes.RoomEdited"/>).</summary>
    ValueTask OnRoomEditedAsync(LivechatWebhookEvent<LivechatWebhookRoomPayload> webhook, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>A message was saved; <c>Messages</c> holds only that message (<see cref="LivechatWebhookEventTypes.Message"/>).</summary>
    ValueTask OnMessageAsync(LivechatWebhookEvent<LivechatWebhookRoomPayload> webhook, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>A visitor message was checked for contact details (<see cref="LivechatWebhookEventTypes.LeadCapture"/>).</summary>
    ValueTask OnLeadCaptureAsync(LivechatWebhookEvent<LivechatWebhookRoomPayload> webhook, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>A visitor filled in the offline form (<see cref="LivechatWebhookEventTypes.OfflineMessage"/>).</summary>
    ValueTask OnOfflineMessageAsync(LivechatWebhookEvent<LivechatOfflineMessagePayload> webhook, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>A type this package does not know (a newer server's, say); read <see cref="LivechatWebhookEvent.Raw"/>.</summary>
    ValueTask OnUnknownEventAsync(LivechatWebhookEvent webhook, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
