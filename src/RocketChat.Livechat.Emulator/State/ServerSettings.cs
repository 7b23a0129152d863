using System.Globalization;
using System.Text.Json.Nodes;

namespace RocketChat.Livechat.Emulator.State;

/// <summary>
/// The server settings the emulated livechat flow reads at run time, keyed by their Rocket.Chat ids. Changing one
/// through <c>POST settings/:_id</c> or <c>POST livechat/appearance</c> changes what the next call does. Read and
/// written only under <see cref="EmulatorState.Gate"/>.
/// </summary>
internal sealed class ServerSettings
{
    public const string RoutingMethodId = "Livechat_Routing_Method";
    public const string AcceptChatsWithNoAgentsId = "Livechat_accept_chats_with_no_agents";
    public const string LivechatEnabledId = "Livechat_enabled";
    public const string MessageMaxAllowedSizeId = "Message_MaxAllowedSize";
    public const string EnableMessageCharacterLimitId = "Livechat_enable_message_character_limit";
    public const string MessageCharacterLimitId = "Livechat_message_character_limit";

    private const string ManualSelection = "Manual_Selection";
    private const string AutoSelection = "Auto_Selection";

    /// <summary>The ids <c>livechat/appearance</c> reads and accepts, in the route's order, with their types and defaults.</summary>
    public static IReadOnlyList<SettingDefinition> Appearance { get; } =
    [
        new("Livechat_title", SettingType.String, "Rocket.Chat"),
        new("Livechat_title_color", SettingType.String, "#C1272D"),
        new(EnableMessageCharacterLimitId, SettingType.Boolean, false),
        new(MessageCharacterLimitId, SettingType.Int, 0),
        new("Livechat_display_offline_form", SettingType.Boolean, true),
        new("Livechat_offline_form_unavailable", SettingType.String, string.Empty),
        new("Livechat_offline_message", SettingType.String, string.Empty),
        new("Livechat_offline_success_message", SettingType.String, string.Empty),
        new("Livechat_offline_title", SettingType.String, "Leave a message"),
        new("Livechat_offline_title_color", SettingType.String, "#666666"),
        new("Livechat_offline_email", SettingType.String, string.Empty),
        new("Livechat_conversation_finished_message", SettingType.String, string.Empty),
        new("Livechat_conversation_finished_text", SettingType.String, string.Empty),
        new("Livechat_registration_form", SettingType.Boolean, true),
        new("Livechat_name_field_registration_form", SettingType.Boolean, true),
        new("Livechat_email_field_registration_form", SettingType.Boolean, true),
        new("Livechat_registration_form_message", SettingType.String, string.Empty),
        new("Livechat_show_agent_info", SettingType.Boolean, true),
        new("Livechat_show_agent_email", SettingType.Boolean, false),
        new("Livechat_hide_system_messages", SettingType.String, string.Empty),
        new("Livechat_background", SettingType.String, string.Empty),
        new("Livechat_widget_position", SettingType.String, "right"),
        new("Livechat_hide_watermark", SettingType.Boolean, false),
    ];

    private readonly Dictionary<string, SettingDefinition> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    public ServerSettings(EmulatorOptions options)
    {
        Define(new(RoutingMethodId, SettingType.Select, options.RoutingMethod == RoutingMethod.AutoSelection ? AutoSelection : ManualSelection, [ManualSelection, AutoSelection]));
        Define(new(AcceptChatsWithNoAgentsId, SettingType.Boolean, options.AcceptChatsWithNoAgents));
        Define(new(LivechatEnabledId, SettingType.Boolean, true));
        Define(new(MessageMaxAllowedSizeId, SettingType.Int, options.MessageMaxAllowedSize));
        foreach (SettingDefinition definition in Appearance)
        {
            Define(definition);
        }
    }

    public RoutingMethod RoutingMethod => (string)_values[RoutingMethodId] == AutoSelection ? RoutingMethod.AutoSelection : RoutingMethod.ManualSelection;

    public bool AcceptChatsWithNoAgents => (bool)_values[AcceptChatsWithNoAgentsId];

    public bool LivechatEnabled => (bool)_values[LivechatEnabledId];

    public int MessageMaxAllowedSize => (int)_values[MessageMaxAllowedSizeId];

    /// <summary>Livechat_message_character_limit when Livechat_enable_message_character_limit is on and the limit is positive.</summary>
    public int? LivechatMessageCharacterLimit =>
        (bool)_values[EnableMessageCharacterLimitId] && (int)_values[MessageCharacterLimitId] is > 0 and var limit ? limit : null;

    public bool Exists(string id) => _definitions.ContainsKey(id);

    /// <summary>The value as JSON, or null for an id the emulator does not have.</summary>
    public JsonNode? Get(string id) => _values.TryGetValue(id, out object? value) ? ToJson(value) : null;

    /// <summary>Stores <paramref name="value"/> coerced to the setting's type; false when the id is unknown or the value does not fit.</summary>
    public bool TrySet(string id, JsonNode? value)
    {
        if (!_definitions.TryGetValue(id, out SettingDefinition? definition) || Coerce(definition, value) is not { } coerced)
        {
            return false;
        }

        _values[id] = coerced;
        return true;
    }

    private void Define(SettingDefinition definition)
    {
        _definitions[definition.Id] = definition;
        _values[definition.Id] = definition.Default;
    }

    /// <summary>The appearance route's coercion: booleans from true or "true", integers from numbers or numeric text, the rest as text.</summary>
    private static object? Coerce(SettingDefinition definition, JsonNode? value)
    {
        string? text = value is JsonValue scalar && scalar.GetValueKind() is System.Text.Json.JsonValueKind.String ? scalar.GetValue<string>() : value?.ToJsonString();
        return definition.Type switch
        {
            SettingType.Boolean => value?.GetValueKind() == System.Text.Json.JsonValueKind.True || text == "true",
            SettingType.Int => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int number) ? number : null,
            SettingType.Select => text is not null && definition.AllowedValues!.Contains(text, StringComparer.Ordinal) ? text : null,
            _ => text ?? string.Empty,
        };
    }

    private static JsonNode ToJson(object value) => value switch
    {
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        _ => JsonValue.Create((string)value),
    };
}

/// <summary>A setting's id, type, default and (for selects) the values it takes.</summary>
internal sealed record SettingDefinition(string Id, SettingType Type, object Default, IReadOnlyList<string>? AllowedValues = null);

/// <summary>The Rocket.Chat setting types the emulator distinguishes.</summary>
internal enum SettingType
{
    String,
    Boolean,
    Int,
    Select,
}
