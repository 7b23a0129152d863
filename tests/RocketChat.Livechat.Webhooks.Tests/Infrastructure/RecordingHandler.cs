using System.Collections.Concurrent;
using RocketChat.Livechat.Webhooks;

namespace RocketChat.Livechat.Webhooks.Tests.Infrastructure;

/// <summary>Every event a handler method received, with the method's name, so tests can wait for and inspect them.</summary>
public sealed class ReceivedEvents
{
    private readonly ConcurrentQueue<(string Method, LivechatWebhookEvent Event)> _events = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<(string Method, LivechatWebhookEvent Event)> All => _events.ToArray();

    /// <summary>Set by a test to run inside the handler (to reply with crmData, block, or throw).</summary>
    public Func<LivechatWebhookEvent, CancellationToken, Task>? OnEach { get; set; }

    public async Task Add(string method, LivechatWebhookEvent webhook, CancellationToken cancellationToken)
    {
        if (OnEach is { } callback)
        {
            await callback(webhook, cancellationToken);
        }

        _events.Enqueue((method, webhook));
        _arrived.Release();
    }

    /// <summary>Waits until at least <paramref name="count"/> events were handled.</summary>
    public async Task<IReadOnlyList<(string Method, LivechatWebhookEvent Event)>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (_events.Count < count)
        {
            await _arrived.WaitAsync(cts.Token);
        }

        return All;
    }
}

/// <summary>A handler that records which method each event reached.</summary>
public sealed class RecordingHandler(ReceivedEvents received) : ILivechatWebhookHandler
{
    public ValueTask OnSessionStartAsync(LivechatWebhookEvent<LivechatSessionStartPayload> webhook, CancellationToken cancellationToken) =>
        new(received.Add(nameof(OnSessionStartAsync), webhook, cancellationToken));

    public ValueTask OnSessionQueuedAsync(LivechatWebhookEvent<LivechatSessionQueuedPayload> webhook, CancellationToken cancellationToken) =>
        new(received.Add(nameof(OnSessionQueuedAsync), webhook, cancellationToken));

    public ValueTask OnSessionTakenAsync(LivechatWebhookEvent<LivechatSessionTakenPayload> webhook, CancellationToken cancellationToken) =>
        new(received.Add(nameof(OnSessionTakenAsync), webhook, cancellationToken));

    public ValueTask OnSessionForwardedAsync(LivechatWebhookEvent<LivechatSessionForwardedPayload> webhook, CancellationToken cancellationToken) =>
        new(received.Add(nameof(OnSessionForwardedAsync), webhook, cancellationToken));

    public ValueTask OnSessionClosedAsync(LivechatWebhookEvent<LivechatSessionPayload> webhook, CancellationToken cancellationToken) =>
        new(received.Add(nameof(OnSessionClosedAsync), webhook, cancellationToken));

    public ValueTask OnRoomEditedAsync(LivechatWebhookEvent<LivechatWebhookRoomPayload> webhook, CancellationToken cancellationToken) =>
        new(received.Add(nameof(OnRoomEditedAsync), webhook, cancellationToken));

    public ValueTask OnMessageAsync(LivechatWebhookEvent<LivechatWebhookRoomPayload> webhook, CancellationToken cancellationToken) =>
        new(received.Add(nameof(OnMessageAsync), webhook, cancellationToken));

    public ValueTask OnLeadCaptureAsync(LivechatWebhookEvent<LivechatWebhookRoomPayload> webhook, CancellationToken cancellationToken) =>
        new(received.Add(nameof(OnLeadCaptureAsync), webhook, cancellationToken));

    public ValueTask OnOfflineMessageAsync(LivechatWebhookEvent<LivechatOfflineMessagePayload> webhook, CancellationToken cancellationToken) =>
        new(received.Add(nameof(OnOfflineMessageAsync), webhook, cancellationToken));

    public ValueTask OnUnknownEventAsync(LivechatWebhookEvent webhook, CancellationToken cancellationToken) =>
        new(received.Add(nameof(OnUnknownEventAsync), webhook, cancellationToken));
}
