using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RocketChat.Livechat.Webhooks;

/// <summary>
/// The request pipeline of the webhook endpoint: token, body, parse, repeat check, then queue (or run) the handler
/// and answer exactly 200, since Rocket.Chat treats any other status, 204 included, as a failed delivery.
/// </summary>
internal sealed partial class LivechatWebhookEndpoint
{
    /// <summary>The header Rocket.Chat sends Livechat_secret_token in.</summary>
    public const string TokenHeader = "X-RocketChat-Livechat-Token";

    private readonly LivechatWebhookOptions _options;
    private readonly WebhookTokenVerifier _verifier;
    private readonly RecentKeyCache _recentKeys;
    private readonly LivechatWebhookQueue _queue;
    private readonly TimeProvider _time;
    private readonly ILogger<LivechatWebhookEndpoint> _logger;

    public LivechatWebhookEndpoint(
        IOptions<LivechatWebhookOptions> options, LivechatWebhookQueue queue, TimeProvider time, ILogger<LivechatWebhookEndpoint> logger)
    {
        _options = options.Value;
        _options.Validate();
        _verifier = new WebhookTokenVerifier(_options.SecretToken);
        _recentKeys = new RecentKeyCache(_options.RecentKeyCapacity);
        _queue = queue;
        _time = time;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        CancellationToken aborted = context.RequestAborted;
        string? presented = request.Headers.TryGetValue(TokenHeader, out var values) ? values.ToString() : null;
        WebhookTokenCheck check = _verifier.Check(presented);
        if (check != WebhookTokenCheck.Accepted)
        {
            LogRefusedToken(check == WebhookTokenCheck.Missing ? "missing" : "wrong", context.Connection.RemoteIpAddress?.ToString());
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, $"The {TokenHeader} header is {(check == WebhookTokenCheck.Missing ? "missing" : "wrong")}.");
            return;
        }

        if (request.ContentLength > _options.MaxBodyBytes)
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {_options.MaxBodyBytes} bytes.");
            return;
        }

        byte[]? body = await ReadBodyAsync(request, aborted);
        if (body is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {_options.MaxBodyBytes} bytes.");
            return;
        }

        string key = Convert.ToHexStringLower(SHA256.HashData(body));
        bool isRepeat = _recentKeys.Contains(key);
        bool inline = _options.DeliveryMode == LivechatWebhookDeliveryMode.Inline;
        LivechatWebhookEvent webhook;
        try
        {
            webhook = LivechatWebhookReader.Read(body, key, isRepeat, inline, _time.GetUtcNow());
        }
        catch (LivechatWebhookFormatException ex)
        {
            // The reason names the field that failed; the body and the token stay out of the log.
            LogMalformed(ex.Message, body.Length, key);
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, ex.Message);
            return;
        }

        if (webhook.GetType() == typeof(LivechatWebhookEvent))
        {
            // A type this package does not know (a newer server's): the handler's default ignores it, so say so here.
            LogUnknownType(webhook.Type, key);
        }

        if (isRepeat && _options.SkipRepeats)
        {
            LogRepeatSkipped(webhook.Type, key);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (!inline)
        {
            if (!_queue.TryEnqueue(webhook))
            {
                if (_queue.IsClosed)
                {
                    LogStopping(webhook.Type, key);
                    await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "The webhook receiver is stopping; send the event again later.");
                    return;
                }

                LogQueueFull(webhook.Type, key, _options.QueueCapacity);
                await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "The webhook queue is full; send the event again later.");
                return;
            }

            _recentKeys.Add(key);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        ILivechatWebhookHandler handler = context.RequestServices.GetRequiredService<ILivechatWebhookHandler>();
        try
        {
            await LivechatWebhookDispatcher.DispatchAsync(handler, webhook, aborted);
        }
        catch (Exception ex) when (!aborted.IsCancellationRequested)
        {
            // Not a 200, so the server sends the same body again: the key is not remembered as handled.
            LogHandlerFailed(ex, webhook.Type, key);
            await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "The webhook handler failed.");
            return;
        }

        _recentKeys.Add(key);
        context.Response.StatusCode = StatusCodes.Status200OK;
        if (webhook.CrmDataReply is string crmData)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(crmData, aborted);
        }
    }

    private const int InitialBufferCap = 64 * 1024;

    /// <summary>
    /// The size of the first body buffer. The claimed length only sizes it up to 64 KiB: a sender that claims the limit
    /// and sends nothing holds no more than that, and a real body grows the buffer as its bytes arrive.
    /// </summary>
    internal static int FirstBufferSize(long? contentLength, int limit)
    {
        int initial = contentLength is long length and >= 0 ? (int)Math.Min(length, Math.Min(limit, InitialBufferCap)) : 4096;
        return Math.Max(initial, 256);
    }

    /// <summary>The whole body, or null when it is over the limit (a missing or lying Content-Length included).</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        int limit = _options.MaxBodyBytes;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(FirstBufferSize(request.ContentLength, limit));
        int total = 0;
        try
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total >= limit + 1)
                    {
                        return null;
                    }

                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit + 1L));
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total > limit)
                {
                    return null;
                }
            }

            // The event outlives the request when it is queued, so it owns an exact copy.
            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(reason, context.RequestAborted);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused a livechat webhook from {RemoteAddress}: the token is {Problem}.")]
    private partial void LogRefusedToken(string problem, string? remoteAddress);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Refused a malformed livechat webhook ({Length} bytes, key {IdempotencyKey}): {Reason}")]
    private partial void LogMalformed(string reason, int length, string idempotencyKey);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The livechat webhook queue is full ({Capacity}); answered 503 to a {Type} event (key {IdempotencyKey}) so the server retries it.")]
    private partial void LogQueueFull(string type, string idempotencyKey, int capacity);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "The livechat webhook handler failed on a {Type} event (key {IdempotencyKey}); answered 500 so the server retries it.")]
    private partial void LogHandlerFailed(Exception exception, string type, string idempotencyKey);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Received a livechat webhook of a type this package does not know ({Type}, key {IdempotencyKey}); it goes to OnUnknownEventAsync with its raw JSON.")]
    private partial void LogUnknownType(string type, string idempotencyKey);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "The livechat webhook receiver is stopping; answered 503 to a {Type} event (key {IdempotencyKey}) so the server retries it.")]
    private partial void LogStopping(string type, string idempotencyKey);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Skipped a repeat of a {Type} event (key {IdempotencyKey}).")]
    private partial void LogRepeatSkipped(string type, string idempotencyKey);
}
