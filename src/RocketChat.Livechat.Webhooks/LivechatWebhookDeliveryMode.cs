namespace RocketChat.Livechat.Webhooks;

/// <summary>When the application's handler runs relative to the answer Rocket.Chat waits for.</summary>
public enum LivechatWebhookDeliveryMode
{
    /// <summary>
    /// The default. The event is checked, queued and answered with 200 at once; a background worker runs the handler.
    /// The server's HTTP timeout (Livechat_http_timeout, 5 s by default) never depends on application code, but the
    /// handler cannot reply with crmData.
    /// </summary>
    Background,

    /// <summary>
    /// The handler runs before the answer. It may reply with crmData; if it throws, the answer is 500 and the server
    /// retries the same body later. A slow handler makes the server time out and retry.
    /// </summary>
    Inline,
}
