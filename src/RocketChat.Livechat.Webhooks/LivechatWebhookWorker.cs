using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RocketChat.Livechat.Webhooks;

/// <summary>
/// Runs the handler for queued events, one at a time in arrival order, each in its own DI scope. On shutdown it stops
/// taking events, works through those already answered 200 until the host's shutdown timeout, and logs each one it
/// could not handle by then: they were acknowledged, so the server will not send them again.
/// </summary>
internal sealed partial class LivechatWebhookWorker : BackgroundService
{
    private readonly LivechatWebhookQueue _queue;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<LivechatWebhookWorker> _logger;

    public LivechatWebhookWorker(LivechatWebhookQueue queue, IServiceScopeFactory scopes, ILogger<LivechatWebhookWorker> logger)
    {
        _queue = queue;
        _scopes = scopes;
        _logger = logger;
    }

    /// <summary>Closes the queue (new deliveries get 503, so the server retries them), then drains it within the host's shutdown timeout.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Close();
        if (ExecuteTask is { } running)
        {
            try
            {
                await running.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Out of time: the base cancels the handler in flight (the worker logs that event when it gives up).
            }
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // Logged here, before the host is gone: the worker may still be waiting for a handler that ignores cancellation.
        LogLeftovers();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (LivechatWebhookEvent webhook in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await using AsyncServiceScope scope = _scopes.CreateAsyncScope();
                try
                {
                    // Resolved inside the try: a handler whose constructor throws fails this event, logged, rather than
                    // the worker (which would stop the host and strand every queued event).
                    ILivechatWebhookHandler handler = scope.ServiceProvider.GetRequiredService<ILivechatWebhookHandler>();
                    await LivechatWebhookDispatcher.DispatchAsync(handler, webhook, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    LogAbandoned(webhook.Type, webhook.IdempotencyKey);
                    break;
                }
                catch (Exception ex)
                {
                    // The server already has its 200: the failure is the application's to see, logged with the key.
                    LogHandlerFailed(ex, webhook.Type, webhook.IdempotencyKey);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        LogLeftovers();
    }

    /// <summary>Stopped before the queue was empty: every event left was answered 200 and is lost unless someone acts.</summary>
    private void LogLeftovers()
    {
        while (_queue.Reader.TryRead(out LivechatWebhookEvent? left))
        {
            LogAbandoned(left.Type, left.IdempotencyKey);
        }
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "The livechat webhook handler failed on a {Type} event (key {IdempotencyKey}).")]
    private partial void LogHandlerFailed(Exception exception, string type, string idempotencyKey);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "The application stopped before the livechat webhook handler ran on a {Type} event (key {IdempotencyKey}); it was answered 200, so the server will not send it again.")]
    private partial void LogAbandoned(string type, string idempotencyKey);
}
