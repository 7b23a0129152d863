using System.Text.Json.Nodes;

namespace RocketChat.Livechat.Emulator.Settings;

/// <summary>
/// The server settings the emulator knows (Rocket.Chat's <c>settings</c> collection): each id with its type and
/// default. Features register their settings with <see cref="Define"/>; <c>GET/POST settings/:_id</c> read and
/// write them. Values are kept as JSON nodes, as the server stores them. Thread-safe.
/// </summary>
internal sealed class SettingsRegistry
{
    private readonly Dictionary<string, SettingDefinition> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>
    /// Adds a setting with its default; defining an id twice is a programming error. A select setting lists the
    /// <paramref name="allowedValues"/> it takes.
    /// </summary>
    public void Define(string id, SettingType type, JsonNode? defaultValue, IReadOnlyList<string>? allowedValues = null)
    {
        lock (_lock)
        {
            if (!_definitions.TryAdd(id, new SettingDefinition(id, type, defaultValue, allowedValues)))
            {
                throw new InvalidOperationException($"The setting '{id}' is defined twice.");
            }

            _values[id] = defaultValue?.DeepClone();
        }
    }

    public bool IsDefined(string id)
    {
        lock (_lock)
        {
            return _definitions.ContainsKey(id);
        }
    }

    /// <summary>A copy of the value, or false for an unknown id.</summary>
    public bool TryGet(string id, out JsonNode? value)
    {
        lock (_lock)
        {
            if (!_values.TryGetValue(id, out JsonNode? stored))
            {
                value = null;
                return false;
            }

            value = stored?.DeepClone();
            return true;
        }
    }

    /// <summary>Whether <paramref name="value"/> could be stored (the id is known and the type matches).</summary>
    public bool Accepts(string id, JsonNode? value)
    {
        lock (_lock)
        {
            return _definitions.TryGetValue(id, out SettingDefinition? definition) && definition.Accepts(value);
        }
    }

    /// <summary>Stores <paramref name="value"/> if the id is known and the value has the setting's type.</summary>
    public SettingWriteResult TrySet(string id, JsonNode? value)
    {
        lock (_lock)
        {
            if (!_definitions.TryGetValue(id, out SettingDefinition? definition))
            {
                return SettingWriteResult.UnknownSetting;
            }

            if (!definition.Accepts(value))
            {
                return SettingWriteResult.WrongType;
            }

            _values[id] = value?.DeepClone();
            return SettingWriteResult.Stored;
        }
    }

    public string GetString(string id) => TryGet(id, out JsonNode? value) && value is JsonValue text && text.TryGetValue(out string? s) ? s : string.Empty;

    public bool GetBoolean(string id) => TryGet(id, out JsonNode? value) && value is JsonValue flag && flag.TryGetValue(out bool b) && b;

    /// <summary>The value as an integer, whether it was stored from an int (a default) or read from a JSON number.</summary>
    public int GetInt32(string id, int fallback)
    {
        if (!TryGet(id, out JsonNode? value) || value is not JsonValue number)
        {
            return fallback;
        }

        if (number.TryGetValue(out int whole))
        {
            return whole;
        }

        return number.TryGetValue(out double d) && d >= int.MinValue && d <= int.MaxValue ? (int)d : fallback;
    }
}

/// <summary>The value types of the settings the emulator keeps.</summary>
internal enum SettingType
{
    String,
    Boolean,
    Int,
}

internal enum SettingWriteResult
{
    Stored,
    UnknownSetting,
    WrongType,
}

internal sealed record SettingDefinition(string Id, SettingType Type, JsonNode? DefaultValue, IReadOnlyList<string>? AllowedValues = null)
{
    public bool Accepts(JsonNode? value) => value is JsonValue scalar && Type switch
    {
        SettingType.String => scalar.TryGetValue(out string? text) && (AllowedValues is null || AllowedValues.Contains(text, StringComparer.Ordinal)),
        SettingType.Boolean => scalar.TryGetValue(out bool _),
        SettingType.Int => scalar.TryGetValue(out int _) || (scalar.TryGetValue(out double number) && number == Math.Floor(number)),
        _ => false,
    };
}
