using System.Globalization;
using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Settings;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>
/// GET livechat/config: the widget's settings read from the live settings (so a changed setting shows at once),
/// whether a chat would be served now, and, for a known token, the visitor, its open room and that room's agent.
/// </summary>
internal sealed class WidgetConfigService(EmulatorState state, AgentRouter router)
{
    /// <summary>The survey of settings(): fixed items and values, what room.survey accepts.</summary>
    public static IReadOnlyList<string> SurveyItems { get; } = ["satisfaction", "agentKnowledge", "agentResposiveness", "agentFriendliness"];

    public static IReadOnlyList<string> SurveyValues { get; } = ["1", "2", "3", "4", "5"];

    public WidgetConfig Read(string? token, string? department)
    {
        lock (state.Gate)
        {
            if (!state.Settings.LivechatEnabled())
            {
                return WidgetConfig.Disabled;
            }

            VisitorRecord? guest = token is null ? null : state.FindVisitorByToken(token);
            RoomRecord? room = guest is null ? null : state.FindOpenRoomOfVisitor(guest.Token);
            UserRecord? agent = room?.ServedBy is { } servedBy ? state.Users.GetValueOrDefault(servedBy.AgentId) : null;
            return new WidgetConfig
            {
                Enabled = true,
                Online = state.Settings.AcceptChatsWithNoAgents() || router.IsServiceOnline(requestedAgent: null, department),
                Settings = ReadSettings(),
                Theme = new LivechatWidgetTheme
                {
                    Title = state.Settings.GetString("Livechat_title"),
                    Color = state.Settings.GetString("Livechat_title_color"),
                    OfflineTitle = state.Settings.GetString("Livechat_offline_title"),
                    OfflineColor = state.Settings.GetString("Livechat_offline_title_color"),
                    Position = state.Settings.GetString("Livechat_widget_position") is { Length: > 0 } position ? position : "right",
                },
                Messages = new LivechatWidgetMessages
                {
                    OfflineMessage = state.Settings.GetString("Livechat_offline_message"),
                    OfflineSuccessMessage = state.Settings.GetString("Livechat_offline_success_message"),
                    OfflineUnavailableMessage = state.Settings.GetString("Livechat_offline_form_unavailable"),
                    ConversationFinishedMessage = state.Settings.GetString("Livechat_conversation_finished_message"),
                    ConversationFinishedText = state.Settings.GetString("Livechat_conversation_finished_text"),
                    TranscriptMessage = state.Settings.GetString(WidgetSettings.TranscriptMessageId),
                    RegistrationFormMessage = state.Settings.GetString("Livechat_registration_form_message"),
                    DataProcessingConsentText = state.Settings.GetString(WidgetSettings.DataProcessingConsentTextId),
                },
                Departments = [.. state.Departments.Values
                    .Where(d => d.Enabled && state.DepartmentAgents.TryGetValue(d.Id, out var agents) && agents.Count > 0)
                    .OrderBy(d => d.Name, StringComparer.Ordinal)
                    .Select(d => new LivechatConfigDepartment { Id = d.Id, Name = d.Name, ShowOnRegistration = d.ShowOnRegistration, ShowOnOfflineForm = d.ShowOnOfflineForm })],
                Guest = guest,
                Room = room,
                Agent = agent,
                AgentHidden = !state.Settings.GetBoolean("Livechat_show_agent_info"),
            };
        }
    }

    private static JsonElement JsonLiteral(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private LivechatWidgetSettings ReadSettings()
    {
        SettingsRegistry settings = state.Settings;
        int? characterLimit = settings.GetBoolean(LivechatSettings.EnableMessageCharacterLimitId)
            ? (settings.GetInt32(LivechatSettings.MessageCharacterLimitId, 0) is > 0 and var limit ? limit : settings.MessageMaxAllowedSize())
            : null;
        return new LivechatWidgetSettings
        {
            RegistrationForm = settings.GetBoolean("Livechat_registration_form"),
            AllowSwitchingDepartments = settings.GetBoolean(WidgetSettings.AllowSwitchingDepartmentsId),
            NameFieldRegistrationForm = settings.GetBoolean("Livechat_name_field_registration_form"),
            EmailFieldRegistrationForm = settings.GetBoolean("Livechat_email_field_registration_form"),
            DisplayOfflineForm = settings.GetBoolean("Livechat_display_offline_form"),
            // The emulator has no video-call provider (Omnichannel_call_provider is not 'default-provider').
            VideoCall = false,
            FileUpload = settings.GetBoolean(WidgetSettings.LivechatFileUploadId) && settings.GetBoolean(WidgetSettings.FileUploadEnabledId),
            Language = settings.GetString(WidgetSettings.LanguageId),
            Transcript = settings.GetBoolean(WidgetSettings.EnableTranscriptId),
            HistoryMonitorType = settings.GetString(WidgetSettings.HistoryMonitorTypeId),
            ForceAcceptDataProcessingConsent = settings.GetBoolean(WidgetSettings.ForceAcceptDataProcessingConsentId),
            ShowConnecting = settings.GetBoolean(WidgetSettings.ShowConnectingId),
            AgentHiddenInfo = !settings.GetBoolean("Livechat_show_agent_info"),
            ClearLocalStorageWhenChatEnded = settings.GetBoolean(WidgetSettings.ClearLocalStorageId),
            // `enabled && (limit || Message_MaxAllowedSize)`: false, or the number that applies.
            LimitTextLength = JsonLiteral(characterLimit is { } number ? number.ToString(CultureInfo.InvariantCulture) : "false"),
        };
    }
}

/// <summary>What GET livechat/config answers: the generated models for the fixed parts, the records for the visitor's.</summary>
internal sealed record WidgetConfig
{
    public static WidgetConfig Disabled { get; } = new() { Enabled = false };

    public required bool Enabled { get; init; }

    public bool Online { get; init; }

    public LivechatWidgetSettings? Settings { get; init; }

    public LivechatWidgetTheme? Theme { get; init; }

    public LivechatWidgetMessages? Messages { get; init; }

    public IReadOnlyList<LivechatConfigDepartment> Departments { get; init; } = [];

    public VisitorRecord? Guest { get; init; }

    public RoomRecord? Room { get; init; }

    public UserRecord? Agent { get; init; }

    /// <summary><c>Livechat_show_agent_info</c> is off: the agent is sent as <c>{hiddenInfo: true}</c>.</summary>
    public bool AgentHidden { get; init; }
}
