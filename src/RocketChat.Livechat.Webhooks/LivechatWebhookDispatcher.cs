namespace RocketChat.Livechat.Webhooks;

/// <summary>Calls the handler method that matches the event's type.</summary>
internal static class LivechatWebhookDispatcher
{
    public static ValueTask DispatchAsync(ILivechatWebhookHandler handler, LivechatWebhookEvent webhook, CancellationToken cancellationToken) =>
        webhook switch
        {
            LivechatWebhookEvent<LivechatSessionStartPayload> e => handler.OnSessionStartAsync(e, cancellationToken),
            LivechatWebhookEvent<LivechatSessionQueuedPayload> e => handler.OnSessionQueuedAsync(e, cancellationToken),
            LivechatWebhookEvent<LivechatSessionTakenPayload> e => handler.OnSessionTakenAsync(e, cancellationToken),
            LivechatWebhookEvent<LivechatSessionForwardedPayload> e => handler.OnSessionForwardedAsync(e, cancellationToken),
            LivechatWebhookEvent<LivechatSessionPayload> e => handler.OnSessionClosedAsync(e, cancellationToken),
            LivechatWebhookEvent<LivechatOfflineMessagePayload> e => handler.OnOfflineMessageAsync(e, cancellationToken),
            LivechatWebhookEvent<LivechatWebhookRoomPayload> e when e.Type == LivechatWebhookEventTypes.Message => handler.OnMessageAsync(e, cancellationToken),
            LivechatWebhookEvent<LivechatWebhookRoomPayload> e when e.Type == LivechatWebhookEventTypes.LeadCapture => handler.OnLeadCaptureAsync(e, cancellationToken),
            LivechatWebhookEvent<LivechatWebhookRoomPayload> e when e.Type == LivechatWebhookEventTypes.RoomEdited => handler.OnRoomEditedAsync(e, cancellationToken),
            _ => handler.OnUnknownEventAsync(webhook, cancellationToken),
        };
}
