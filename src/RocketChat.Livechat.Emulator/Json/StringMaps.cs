using System.Buffers;
using System.Text.Json;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>
/// Objects of string values (livechatData, surveyFeedback) as the free-form <see cref="JsonElement"/> the contract
/// gives them, keys in ordinal order so the output does not depend on insertion order.
/// </summary>
internal static class StringMaps
{
    public static JsonElement ToElement(IReadOnlyDictionary<string, string> values)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach ((string key, string value) in values.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }
}
