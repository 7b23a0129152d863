using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RocketChat.Livechat.Webhooks;

/// <summary>Runs the handler for queued events, one at a time in arrival order, each in its own DI scope.</summary>
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (LivechatWebhookEvent webhook in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await using AsyncServiceScope scope = _scopes.CreateAsyncScope();
                ILivechatWebhookHandler handler = scope.ServiceProvider.GetRequiredService<ILivechatWebhookHandler>();
                try
                {
                    await LivechatWebhookDispatcher.DispatchAsync(handler, webhook, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The server already has its 200: the failure is the application's to see, logged with the key.
                    LogHandlerFailed(ex, webhook.Type, webhook.IdempotencyKey);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "The livechat webhook handler failed on a {Type} event (key {IdempotencyKey}).")]
    private partial void LogHandlerFailed(Exception exception, string type, string idempotencyKey);
}
