using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using RocketChat.Livechat.Emulator.Settings;

namespace RocketChat.Livechat.Emulator.Webhooks;

/// <summary>
/// POSTs webhook bodies to Livechat_webhookUrl with the newest server's policy: X-RocketChat-Livechat-Token only when
/// the secret is set, Livechat_http_timeout per request, success only on status 200, and up to 5 attempts
/// Livechat_http_timeout x 4 apart, retried only on 5xx, 429 or a network error or timeout (other statuses are
/// logged and dropped). Settings are read again for each attempt, as the server does. Deliveries run concurrently,
/// fire and forget, like the server's.
/// </summary>
internal sealed class WebhookSender : IAsyncDisposable
{
    public const int MaxAttempts = 5;
    public const string TokenHeader = "X-RocketChat-Livechat-Token";

    private readonly SettingsRegistry _settings;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private readonly ConcurrentQueue<WebhookDeliveryAttempt> _attempts = new();
    private long _nextDeliveryId;

    public WebhookSender(SettingsRegistry settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
        // Timeouts come from the setting, per request; no proxy, as a loopback receiver is the common case in tests.
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public IReadOnlyList<WebhookDeliveryAttempt> Attempts => _attempts.ToArray();

    /// <summary>Starts a delivery in the background; <paramref name="onDelivered"/> gets the 200 body (the room's new crmData).</summary>
    public void Send(string type, string? roomId, byte[] body, Action<string>? onDelivered)
    {
        long id = Interlocked.Increment(ref _nextDeliveryId);

        // Tracked before it starts, so a delivery that ends at once cannot be added back after its own removal.
        var start = new Task<Task>(() => DeliverAsync(id, type, roomId, body, onDelivered));
        Task delivery = start.Unwrap();
        _inFlight[id] = delivery;
        _ = delivery.ContinueWith(_ => _inFlight.TryRemove(id, out Task? _), TaskScheduler.Default);
        start.Start(TaskScheduler.Default);
    }

    /// <summary>One POST of the webhook.test sample: the token header always (even empty), Accept: application/json, no retry.</summary>
    public async Task<WebhookPostResult> SendTestAsync(byte[] body, CancellationToken cancellationToken)
    {
        long id = Interlocked.Increment(ref _nextDeliveryId);
        WebhookPostResult result = await PostAsync(body, alwaysSendToken: true, cancellationToken).ConfigureAwait(false);
        Record(id, "LivechatSession", null, 1, result, willRetry: false);
        return result;
    }

    /// <summary>Completes when no delivery is running or waiting to retry.</summary>
    public async Task WaitForIdleAsync(CancellationToken cancellationToken)
    {
        while (!_inFlight.IsEmpty)
        {
            await Task.WhenAll(_inFlight.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_inFlight.Values).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Deliveries still waiting to retry end with the emulator.
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    private async Task DeliverAsync(long id, string type, string? roomId, byte[] body, Action<string>? onDelivered)
    {
        try
        {
            await DeliverWithRetriesAsync(id, type, roomId, body, onDelivered).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The emulator stopped while the delivery waited to retry, as a server shutting down would.
        }
    }

    private async Task DeliverWithRetriesAsync(long id, string type, string? roomId, byte[] body, Action<string>? onDelivered)
    {
        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (string.IsNullOrEmpty(_settings.GetString(WebhookSettings.WebhookUrl)))
            {
                return;
            }

            WebhookPostResult result = await PostAsync(body, alwaysSendToken: false, _stopping.Token, checkSsrf: true).ConfigureAwait(false);
            bool retry = !result.IsSuccess && result.IsRetryable && attempt < MaxAttempts;
            Record(id, type, roomId, attempt, result, retry);
            if (result.IsSuccess)
            {
                onDelivered?.Invoke(result.Text ?? string.Empty);
                return;
            }

            if (!retry)
            {
                return;
            }

            await Task.Delay(TimeoutSetting() * 4, _time, _stopping.Token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One POST. Events pass <paramref name="checkSsrf"/> (the server's sendRequest does not bypass the check), the
    /// test sample does not (webhook.test passes ignoreSsrfValidation). A refusal is thrown inside the server's retry
    /// loop, so it counts as a failure without a response and is retried.
    /// </summary>
    private async Task<WebhookPostResult> PostAsync(byte[] body, bool alwaysSendToken, CancellationToken cancellationToken, bool checkSsrf = false)
    {
        string url = _settings.GetString(WebhookSettings.WebhookUrl);
        if (checkSsrf && Uri.TryCreate(url, UriKind.Absolute, out Uri? target)
            && await SsrfGuard.RefusesAsync(target, _settings.GetString(SsrfSettings.Allowlist), cancellationToken).ConfigureAwait(false))
        {
            return new WebhookPostResult(null, null, SsrfGuard.RefusalError);
        }

        string token = _settings.GetString(WebhookSettings.SecretToken);
        using var timeout = new CancellationTokenSource(TimeoutSetting(), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            if (alwaysSendToken || token.Length > 0)
            {
                request.Headers.TryAddWithoutValidation(TokenHeader, token);
            }

            if (alwaysSendToken)
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            }

            using HttpResponseMessage response = await _http.SendAsync(request, linked.Token).ConfigureAwait(false);
            string text = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            return new WebhookPostResult((int)response.StatusCode, text, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new WebhookPostResult(null, null, $"timed out after {TimeoutSetting().TotalMilliseconds} ms");
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or UriFormatException)
        {
            return new WebhookPostResult(null, null, ex.Message);
        }
    }

    private TimeSpan TimeoutSetting() =>
        TimeSpan.FromMilliseconds(Math.Max(1, _settings.GetInt32(WebhookSettings.HttpTimeout, WebhookSettings.DefaultTimeoutMilliseconds)));

    private void Record(long id, string type, string? roomId, int attempt, WebhookPostResult result, bool willRetry) =>
        _attempts.Enqueue(new WebhookDeliveryAttempt(id, type, roomId, attempt, result.StatusCode, result.Error, willRetry, _time.GetUtcNow()));
}

/// <summary>What one POST got back: a status and body, or an error without a status.</summary>
internal sealed record WebhookPostResult(int? StatusCode, string? Text, string? Error)
{
    public bool IsSuccess => StatusCode == (int)HttpStatusCode.OK;

    /// <summary>The newest server retries only server errors, 429 and failures without a response.</summary>
    public bool IsRetryable => StatusCode is null or >= 500 or (int)HttpStatusCode.TooManyRequests;
}
