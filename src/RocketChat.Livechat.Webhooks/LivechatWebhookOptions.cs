namespace RocketChat.Livechat.Webhooks;

/// <summary>How the livechat webhook endpoint checks, answers and delivers events.</summary>
public sealed class LivechatWebhookOptions
{
    /// <summary>
    /// The server's Livechat_secret_token. When set, a request whose <c>X-RocketChat-Livechat-Token</c> header is
    /// missing or different is refused with 401 (compared in constant time). When null or empty, every request is accepted.
    /// </summary>
    public string? SecretToken { get; set; }

    /// <summary>Whether the handler runs in the background (the default) or before answering.</summary>
    public LivechatWebhookDeliveryMode DeliveryMode { get; set; } = LivechatWebhookDeliveryMode.Background;

    /// <summary>
    /// How many accepted events may wait for the background worker. When the queue is full the endpoint answers
    /// 503 without keeping the event: Rocket.Chat counts that as a failed delivery and sends the same body again
    /// later (newest servers: after Livechat_http_timeout x 4, up to 5 attempts), so nothing is dropped silently.
    /// </summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>Bodies larger than this are refused with 413. Rocket.Chat sends every room message in room events.</summary>
    public int MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many recent idempotency keys are remembered to mark repeats (<see cref="LivechatWebhookEvent.IsRepeat"/>).</summary>
    public int RecentKeyCapacity { get; set; } = 4096;

    /// <summary>
    /// When true, a repeat of a body already accepted is answered with 200 and not handed to the handler again.
    /// When false (the default), the handler gets it with <see cref="LivechatWebhookEvent.IsRepeat"/> set and decides.
    /// </summary>
    public bool SkipRepeats { get; set; }

    internal void Validate()
    {
        if (QueueCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(QueueCapacity), QueueCapacity, "The queue needs room for at least one event.");
        }

        if (MaxBodyBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBodyBytes), MaxBodyBytes, "The body limit must be positive.");
        }

        if (RecentKeyCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RecentKeyCapacity), RecentKeyCapacity, "At least one recent key must be remembered.");
        }
    }
}
