using System.Globalization;
using System.Text.Json;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>Writer helpers for the conventions of Rocket.Chat documents: ISO dates in UTC with milliseconds, optional fields left out.</summary>
internal static class JsonWriterExtensions
{
    /// <summary>Formats a date the way JavaScript's <c>Date.toISOString()</c> does.</summary>
    public static string ToIsoString(this DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void WriteDate(this Utf8JsonWriter writer, string name, DateTimeOffset value) =>
        writer.WriteString(name, value.ToIsoString());

    public static void WriteDateIfSet(this Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            writer.WriteDate(name, date);
        }
    }

    public static void WriteStringIfSet(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteStringArray(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    public static void WriteEmptyArray(this Utf8JsonWriter writer, string name)
    {
        writer.WriteStartArray(name);
        writer.WriteEndArray();
    }

    /// <summary>An object of string values (livechatData, surveyFeedback), keys in ordinal order.</summary>
    public static void WriteStringMap(this Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> values)
    {
        writer.WriteStartObject(name);
        foreach ((string key, string value) in values.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }
}
