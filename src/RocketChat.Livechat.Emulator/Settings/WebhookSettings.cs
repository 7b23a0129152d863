using System.Text.Json.Nodes;

namespace RocketChat.Livechat.Emulator.Settings;

/// <summary>The livechat webhook ("CRM integration") settings, with Rocket.Chat's ids and defaults.</summary>
internal static class WebhookSettings
{
    public const string WebhookUrl = "Livechat_webhookUrl";
    public const string SecretToken = "Livechat_secret_token";
    public const string HttpTimeout = "Livechat_http_timeout";
    public const string OnStart = "Livechat_webhook_on_start";
    public const string OnClose = "Livechat_webhook_on_close";
    public const string OnChatTaken = "Livechat_webhook_on_chat_taken";
    public const string OnChatQueued = "Livechat_webhook_on_chat_queued";
    public const string OnForward = "Livechat_webhook_on_forward";
    public const string OnOfflineMessage = "Livechat_webhook_on_offline_msg";
    public const string OnVisitorMessage = "Livechat_webhook_on_visitor_message";
    public const string OnAgentMessage = "Livechat_webhook_on_agent_message";
    public const string OnCapture = "Livechat_webhook_on_capture";

    /// <summary>With navigation shown as messages, also send those messages to the webhook (off by default).</summary>
    public const string SendNavigationHistory = "Send_visitor_navigation_history_livechat_webhook_request";

    /// <summary>Livechat_http_timeout's default, in milliseconds.</summary>
    public const int DefaultTimeoutMilliseconds = 5000;

    /// <summary>The switches, all off by default.</summary>
    public static readonly string[] Switches =
        [OnStart, OnClose, OnChatTaken, OnChatQueued, OnForward, OnOfflineMessage, OnVisitorMessage, OnAgentMessage, OnCapture];

    public static void DefineAll(SettingsRegistry settings)
    {
        settings.Define(WebhookUrl, SettingType.String, JsonValue.Create(string.Empty));
        settings.Define(SecretToken, SettingType.String, JsonValue.Create(string.Empty));
        settings.Define(HttpTimeout, SettingType.Int, JsonValue.Create(DefaultTimeoutMilliseconds));
        foreach (string id in Switches)
        {
            settings.Define(id, SettingType.Boolean, JsonValue.Create(false));
        }

        settings.Define(SendNavigationHistory, SettingType.Boolean, JsonValue.Create(false));
    }
}
