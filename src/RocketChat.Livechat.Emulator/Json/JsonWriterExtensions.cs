using System.Text.Json;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>
/// The few writer steps left for bodies that are not a contract shape (stream frames, the config's fixed parts).
/// Documents are written by the generated converters (see <see cref="MessageModels"/> and its siblings).
/// </summary>
internal static class JsonWriterExtensions
{
    public static void WriteStringIfSet(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteEmptyArray(this Utf8JsonWriter writer, string name)
    {
        writer.WriteStartArray(name);
        writer.WriteEndArray();
    }
}
