namespace RocketChat.Livechat.Webhooks;

/// <summary>
/// Per-event delegates, for applications that prefer lambdas to a handler class. An event whose delegate is not set
/// is answered and ignored, as the handler interface's default methods do.
/// </summary>
public sealed class LivechatWebhookDelegates : ILivechatWebhookHandler
{
    /// <summary>Runs for <see cref="LivechatWebhookEventTypes.SessionStart"/>.</summary>
    public Func<LivechatWebhookEvent<LivechatSessionStartPayload>, CancellationToken, ValueTask>? OnSessionStart { get; set; }

    /// <summary>Runs for <see cref="LivechatWebhookEventTypes.SessionQueued"/>.</summary>
    public Func<LivechatWebhookEvent<LivechatSessionQueuedPayload>, CancellationToken, ValueTask>? OnSessionQueued { get; set; }

    /// <summary>Runs for <see cref="LivechatWebhookEventTypes.SessionTaken"/>.</summary>
    public Func<LivechatWebhookEvent<LivechatSessionTakenPayload>, CancellationToken, ValueTask>? OnSessionTaken { get; set; }

    /// <summary>Runs for <see cref="LivechatWebhookEventTypes.SessionForwarded"/>.</summary>
    public Func<LivechatWebhookEvent<LivechatSessionForwardedPayload>, CancellationToken, ValueTask>? OnSessionForwarded { get; set; }

    /// <summary>Runs for <see cref="LivechatWebhookEventTypes.SessionClosed"/> (and the webhook.test sample).</summary>
    public Func<LivechatWebhookEvent<LivechatSessionPayload>, CancellationToken, ValueTask>? OnSessionClosed { get; set; }

    /// <summary>Runs for <see cref="LivechatWebhookEventTypes.RoomEdited"/>.</summary>
    public Func<LivechatWebhookEvent<LivechatWebhookRoomPayload>, CancellationToken, ValueTask>? OnRoomEdited { get; set; }

    /// <summary>Runs for <see cref="LivechatWebhookEventTypes.Message"/>.</summary>
    public Func<LivechatWebhookEvent<LivechatWebhookRoomPayload>, CancellationToken, ValueTask>? OnMessage { get; set; }

    /// <summary>Runs for <see cref="LivechatWebhookEventTypes.LeadCapture"/>.</summary>
    public Func<LivechatWebhookEvent<LivechatWebhookRoomPayload>, CancellationToken, ValueTask>? OnLeadCapture { get; set; }

    /// <summary>Runs for <see cref="LivechatWebhookEventTypes.OfflineMessage"/>.</summary>
    public Func<LivechatWebhookEvent<LivechatOfflineMessagePayload>, CancellationToken, ValueTask>? OnOfflineMessage { get; set; }

    /// <summary>Runs for a type this package does not know.</summary>
    public Func<LivechatWebhookEvent, CancellationToken, ValueTask>? OnUnknownEvent { get; set; }

    ValueTask ILivechatWebhookHandler.OnSessionStartAsync(LivechatWebhookEvent<LivechatSessionStartPayload> webhook, CancellationToken cancellationToken) =>
        OnSessionStart?.Invoke(webhook, cancellationToken) ?? ValueTask.CompletedTask;

    ValueTask ILivechatWebhookHandler.OnSessionQueuedAsync(LivechatWebhookEvent<LivechatSessionQueuedPayload> webhook, CancellationToken cancellationToken) =>
        OnSessionQueued?.Invoke(webhook, cancellationToken) ?? ValueTask.CompletedTask;

    ValueTask ILivechatWebhookHandler.OnSessionTakenAsync(LivechatWebhookEvent<LivechatSessionTakenPayload> webhook, CancellationToken cancellationToken) =>
        OnSessionTaken?.Invoke(webhook, cancellationToken) ?? ValueTask.CompletedTask;

    ValueTask ILivechatWebhookHandler.OnSessionForwardedAsync(LivechatWebhookEvent<LivechatSessionForwardedPayload> webhook, CancellationToken cancellationToken) =>
        OnSessionForwarded?.Invoke(webhook, cancellationToken) ?? ValueTask.CompletedTask;

    ValueTask ILivechatWebhookHandler.OnSessionClosedAsync(LivechatWebhookEvent<LivechatSessionPayload> webhook, CancellationToken cancellationToken) =>
        OnSessionClosed?.Invoke(webhook, cancellationToken) ?? ValueTask.CompletedTask;

    ValueTask ILivechatWebhookHandler.OnRoomEditedAsync(LivechatWebhookEvent<LivechatWebhookRoomPayload> webhook, CancellationToken cancellationToken) =>
        OnRoomEdited?.Invoke(webhook, cancellationToken) ?? ValueTask.CompletedTask;

    ValueTask ILivechatWebhookHandler.OnMessageAsync(LivechatWebhookEvent<LivechatWebhookRoomPayload> webhook, CancellationToken cancellationToken) =>
        OnMessage?.Invoke(webhook, cancellationToken) ?? ValueTask.CompletedTask;

    ValueTask ILivechatWebhookHandler.OnLeadCaptureAsync(LivechatWebhookEvent<LivechatWebhookRoomPayload> webhook, CancellationToken cancellationToken) =>
        OnLeadCapture?.Invoke(webhook, cancellationToken) ?? ValueTask.CompletedTask;

    ValueTask ILivechatWebhookHandler.OnOfflineMessageAsync(LivechatWebhookEvent<LivechatOfflineMessagePayload> webhook, CancellationToken cancellationToken) =>
        OnOfflineMessage?.Invoke(webhook, cancellationToken) ?? ValueTask.CompletedTask;

    ValueTask ILivechatWebhookHandler.OnUnknownEventAsync(LivechatWebhookEvent webhook, CancellationToken cancellationToken) =>
        OnUnknownEvent?.Invoke(webhook, cancellationToken) ?? ValueTask.CompletedTask;
}
