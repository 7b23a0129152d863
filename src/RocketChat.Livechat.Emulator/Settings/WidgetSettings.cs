using System.Text.Json.Nodes;

namespace RocketChat.Livechat.Emulator.Settings;

/// <summary>
/// The settings behind <c>livechat/config</c>, page.visited and the transcript that no other feature defines, with
/// Rocket.Chat's ids and defaults. The appearance ones (title, colors, forms, texts) are in <see cref="LivechatSettings"/>.
/// </summary>
internal static class WidgetSettings
{
    public const string AllowSwitchingDepartmentsId = "Livechat_allow_switching_departments";
    public const string EnableTranscriptId = "Livechat_enable_transcript";
    public const string TranscriptMessageId = "Livechat_transcript_message";
    public const string HistoryMonitorTypeId = "Livechat_history_monitor_type";
    public const string NavigationAsMessageId = "Livechat_Visitor_navigation_as_a_message";
    public const string ForceAcceptDataProcessingConsentId = "Livechat_force_accept_data_processing_consent";
    public const string DataProcessingConsentTextId = "Livechat_data_processing_consent_text";
    public const string ShowConnectingId = "Livechat_Show_Connecting";
    public const string ClearLocalStorageId = "Livechat_clear_local_storage_when_chat_ended";
    public const string LivechatFileUploadId = "Livechat_fileupload_enabled";
    public const string FileUploadEnabledId = "FileUpload_Enabled";
    public const string LanguageId = "Language";

    public static void DefineAll(SettingsRegistry settings)
    {
        settings.Define(AllowSwitchingDepartmentsId, SettingType.Boolean, JsonValue.Create(true));
        settings.Define(EnableTranscriptId, SettingType.Boolean, JsonValue.Create(false));
        settings.Define(TranscriptMessageId, SettingType.String, JsonValue.Create("Would you like a copy of this chat emailed?"));
        settings.Define(HistoryMonitorTypeId, SettingType.String, JsonValue.Create("url"), allowedValues: ["none", "url"]);
        settings.Define(NavigationAsMessageId, SettingType.Boolean, JsonValue.Create(false));
        settings.Define(ForceAcceptDataProcessingConsentId, SettingType.Boolean, JsonValue.Create(false));
        settings.Define(DataProcessingConsentTextId, SettingType.String, JsonValue.Create(string.Empty));
        settings.Define(ShowConnectingId, SettingType.Boolean, JsonValue.Create(false));
        settings.Define(ClearLocalStorageId, SettingType.Boolean, JsonValue.Create(false));
        settings.Define(LivechatFileUploadId, SettingType.Boolean, JsonValue.Create(true));
        settings.Define(FileUploadEnabledId, SettingType.Boolean, JsonValue.Create(true));
        settings.Define(LanguageId, SettingType.String, JsonValue.Create(string.Empty));
    }
}
