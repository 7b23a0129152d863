namespace RocketChat.Livechat.Emulator.Security;

/// <summary>The permissions of the webhook and settings routes. Admins hold them all; managers get the webhook test.</summary>
internal static class WebhookPermissions
{
    public const string ViewLivechatWebhooks = "view-livechat-webhooks";
    public const string ViewPrivilegedSetting = "view-privileged-setting";
    public const string EditPrivilegedSetting = "edit-privileged-setting";
}
