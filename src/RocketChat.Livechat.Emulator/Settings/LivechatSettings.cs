using System.Text.Json.Nodes;

namespace RocketChat.Livechat.Emulator.Settings;

/// <summary>
/// The settings the livechat flow reads on every call, with Rocket.Chat's ids and defaults: routing, accepting chats
/// with no agents, livechat on or off, the message size limits and the widget's appearance. Changing one through
/// <c>POST settings/:_id</c> or <c>POST livechat/appearance</c> changes what the next call does.
/// </summary>
internal static class LivechatSettings
{
    public const string RoutingMethodId = "Livechat_Routing_Method";
    public const string AcceptChatsWithNoAgentsId = "Livechat_accept_chats_with_no_agents";
    public const string LivechatEnabledId = "Livechat_enabled";
    public const string MessageMaxAllowedSizeId = "Message_MaxAllowedSize";
    public const string EnableMessageCharacterLimitId = "Livechat_enable_message_character_limit";
    public const string MessageCharacterLimitId = "Livechat_message_character_limit";

    public const string ShowAgentInfoId = "Livechat_show_agent_info";

    /// <summary>The waiting queue (Enterprise): queued visitors are told their place (<c>queueData</c>).</summary>
    public const string WaitingQueueId = "Livechat_waiting_queue";
    public const string WaitingQueueMessageId = "Livechat_waiting_queue_message";
    public const string RecentChatsForWaitEstimateId = "Livechat_number_most_recent_chats_estimate_wait_time";

    private const string ManualSelection = "Manual_Selection";
    private const string AutoSelection = "Auto_Selection";

    /// <summary>The ids <c>livechat/appearance</c> reads and accepts, in the route's order, with their types and defaults.</summary>
    public static IReadOnlyList<(string Id, SettingType Type, JsonNode Default)> Appearance { get; } =
    [
        ("Livechat_title", SettingType.String, JsonValue.Create("Rocket.Chat")),
        ("Livechat_title_color", SettingType.String, JsonValue.Create("#C1272D")),
        (EnableMessageCharacterLimitId, SettingType.Boolean, JsonValue.Create(false)),
        (MessageCharacterLimitId, SettingType.Int, JsonValue.Create(0)),
        ("Livechat_display_offline_form", SettingType.Boolean, JsonValue.Create(true)),
        ("Livechat_offline_form_unavailable", SettingType.String, JsonValue.Create(string.Empty)),
        ("Livechat_offline_message", SettingType.String, JsonValue.Create(string.Empty)),
        ("Livechat_offline_success_message", SettingType.String, JsonValue.Create(string.Empty)),
        ("Livechat_offline_title", SettingType.String, JsonValue.Create("Leave a message")),
        ("Livechat_offline_title_color", SettingType.String, JsonValue.Create("#666666")),
        ("Livechat_offline_email", SettingType.String, JsonValue.Create(string.Empty)),
        ("Livechat_conversation_finished_message", SettingType.String, JsonValue.Create(string.Empty)),
        ("Livechat_conversation_finished_text", SettingType.String, JsonValue.Create(string.Empty)),
        ("Livechat_registration_form", SettingType.Boolean, JsonValue.Create(true)),
        ("Livechat_name_field_registration_form", SettingType.Boolean, JsonValue.Create(true)),
        ("Livechat_email_field_registration_form", SettingType.Boolean, JsonValue.Create(true)),
        ("Livechat_registration_form_message", SettingType.String, JsonValue.Create(string.Empty)),
        (ShowAgentInfoId, SettingType.Boolean, JsonValue.Create(true)),
        ("Livechat_show_agent_email", SettingType.Boolean, JsonValue.Create(false)),
        ("Livechat_hide_system_messages", SettingType.String, JsonValue.Create(string.Empty)),
        ("Livechat_background", SettingType.String, JsonValue.Create(string.Empty)),
        ("Livechat_widget_position", SettingType.String, JsonValue.Create("right")),
        ("Livechat_hide_watermark", SettingType.Boolean, JsonValue.Create(false)),
    ];

    public static void DefineAll(SettingsRegistry settings, EmulatorOptions options)
    {
        settings.Define(
            RoutingMethodId,
            SettingType.String,
            JsonValue.Create(options.RoutingMethod == Emulator.RoutingMethod.AutoSelection ? AutoSelection : ManualSelection),
            allowedValues: [ManualSelection, AutoSelection]);
        settings.Define(AcceptChatsWithNoAgentsId, SettingType.Boolean, JsonValue.Create(options.AcceptChatsWithNoAgents));
        settings.Define(LivechatEnabledId, SettingType.Boolean, JsonValue.Create(true));
        settings.Define(MessageMaxAllowedSizeId, SettingType.Int, JsonValue.Create(options.MessageMaxAllowedSize));
        settings.Define(WaitingQueueId, SettingType.Boolean, JsonValue.Create(false));
        settings.Define(WaitingQueueMessageId, SettingType.String, JsonValue.Create(string.Empty));
        settings.Define(RecentChatsForWaitEstimateId, SettingType.Int, JsonValue.Create(100));
        foreach ((string id, SettingType type, JsonNode defaultValue) in Appearance)
        {
            settings.Define(id, type, defaultValue);
        }
    }

    public static RoutingMethod RoutingMethod(this SettingsRegistry settings) =>
        settings.GetString(RoutingMethodId) == AutoSelection ? Emulator.RoutingMethod.AutoSelection : Emulator.RoutingMethod.ManualSelection;

    public static bool AcceptChatsWithNoAgents(this SettingsRegistry settings) => settings.GetBoolean(AcceptChatsWithNoAgentsId);

    public static bool LivechatEnabled(this SettingsRegistry settings) => settings.GetBoolean(LivechatEnabledId);

    public static bool ShowAgentInfo(this SettingsRegistry settings) => settings.GetBoolean(ShowAgentInfoId);

    /// <summary>The hooks that dispatch queue positions (beforeRouteChat, afterTakeInquiry) all need this on.</summary>
    public static bool WaitingQueue(this SettingsRegistry settings) => settings.GetBoolean(WaitingQueueId);

    public static string WaitingQueueMessage(this SettingsRegistry settings) => settings.GetString(WaitingQueueMessageId);

    public static int RecentChatsForWaitEstimate(this SettingsRegistry settings) => settings.GetInt32(RecentChatsForWaitEstimateId, fallback: 100);

    public static int MessageMaxAllowedSize(this SettingsRegistry settings) => settings.GetInt32(MessageMaxAllowedSizeId, fallback: 5000);

    /// <summary>Livechat_message_character_limit when Livechat_enable_message_character_limit is on and the limit is positive.</summary>
    public static int? LivechatMessageCharacterLimit(this SettingsRegistry settings) =>
        settings.GetBoolean(EnableMessageCharacterLimitId) && settings.GetInt32(MessageCharacterLimitId, fallback: 0) is > 0 and var limit ? limit : null;
}
