using System.Text.Json.Nodes;

namespace RocketChat.Livechat.Emulator.Settings;

/// <summary>The offline form's settings, with Rocket.Chat's ids and defaults.</summary>
internal static class OfflineFormSettings
{
    /// <summary>Whether the widget shows the offline form; when off, <c>livechat/offline.message</c> fails.</summary>
    public const string DisplayOfflineForm = "Livechat_display_offline_form";

    public static void DefineAll(SettingsRegistry settings) =>
        settings.Define(DisplayOfflineForm, SettingType.Boolean, JsonValue.Create(true));
}
