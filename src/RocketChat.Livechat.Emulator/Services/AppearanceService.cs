using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Settings;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>GET/POST livechat/appearance over the settings registry.</summary>
internal sealed class AppearanceService(EmulatorState state)
{
    /// <summary>The widget settings as <c>{_id, value}</c>, in the route's order.</summary>
    public IReadOnlyList<(string Id, JsonNode? Value)> Get() =>
        LivechatSettings.Appearance.Select(setting => (setting.Id, state.Settings.TryGet(setting.Id, out JsonNode? value) ? value : null)).ToList();

    /// <summary>
    /// Every id must be an appearance setting ('invalid-setting', and nothing changes); values are coerced to the
    /// setting's type as the route does: booleans from true or "true", integers from numbers or numeric text, the rest as text.
    /// </summary>
    public void Set(IReadOnlyList<(string Id, JsonNode? Value)> changes)
    {
        var coerced = new List<(string Id, JsonNode Value)>();
        foreach ((string id, JsonNode? value) in changes)
        {
            (string Id, SettingType Type, JsonNode Default) setting = LivechatSettings.Appearance.FirstOrDefault(candidate => candidate.Id == id);
            if (setting.Id is null)
            {
                throw ApiErrors.Plain("invalid-setting");
            }

            coerced.Add((id, Coerce(setting.Type, value)));
        }

        lock (state.Gate)
        {
            foreach ((string id, JsonNode value) in coerced)
            {
                state.Settings.TrySet(id, value);
            }
        }
    }

    private static JsonNode Coerce(SettingType type, JsonNode? value)
    {
        string text = value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : value?.ToJsonString() ?? string.Empty;
        return type switch
        {
            SettingType.Boolean => JsonValue.Create(text == "true"),
            SettingType.Int => JsonValue.Create(int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int number) ? number : 0),
            _ => JsonValue.Create(text),
        };
    }
}
