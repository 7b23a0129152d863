using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace RocketChat.Contracts.Runtime.Json;

/// <summary>
/// Scalar readers that accept the forms Rocket.Chat really sends besides the documented one: booleans and numbers as
/// strings ("true", "42"), dates as ISO strings, epoch milliseconds or EJSON <c>{"$date": …}</c>.
/// </summary>
public static class JsonScalars
{
    private static readonly long MinEpochMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxEpochMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>Reads a string (an array item or a root value; a member goes through <see cref="JsonMembers.ReadString"/>).</summary>
    public static string ReadString(ref Utf8JsonReader reader) => reader.GetString()!;

    /// <summary>Writes a string value (an item writer for lists and maps).</summary>
    public static void WriteString(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    /// <summary>Writes a 32-bit integer value.</summary>
    public static void WriteInt32(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    /// <summary>Writes a 64-bit integer value.</summary>
    public static void WriteInt64(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    /// <summary>Writes a number value.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

    /// <summary>Writes a boolean value.</summary>
    public static void WriteBoolean(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    /// <summary>
    /// Writes a date as Rocket.Chat does (JavaScript's <c>Date.toISOString()</c>): in UTC, with exactly three
    /// fraction digits and a <c>Z</c>, e.g. <c>2026-11-25T10:00:00.000Z</c>. A value with another offset is
    /// converted to UTC; precision below the millisecond is truncated, as a JavaScript Date has none.
    /// </summary>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value)
    {
        Span<byte> utf8 = stackalloc byte[IsoDateLength];
        writer.WriteStringValue(FormatIsoDate(value, utf8));
    }

    /// <summary>The length of <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</summary>
    internal const int IsoDateLength = 24;

    /// <summary>Formats <paramref name="value"/> as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (UTC) into <paramref name="utf8"/>.</summary>
    internal static ReadOnlySpan<byte> FormatIsoDate(DateTimeOffset value, Span<byte> utf8)
    {
        bool formatted = value.UtcDateTime.TryFormat(utf8, out int written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);
        // Stryker disable once all : Debug.Assert is compiled out of the Release build that is tested
        Debug.Assert(formatted && written == IsoDateLength, "A four-digit year always formats in 24 bytes.");
        return utf8[..written];
    }

    /// <summary>Writes a free-form value.</summary>
    public static void WriteElement(Utf8JsonWriter writer, JsonElement value) => value.WriteTo(writer);

    /// <summary>Reads true/false, or the strings "true"/"false".</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String when reader.ValueTextEquals("true"u8) => true,
        JsonTokenType.String when reader.ValueTextEquals("false"u8) => false,
        _ => throw new JsonException($"Expected a boolean but found {reader.TokenType}."),
    };

    /// <summary>Reads a 32-bit integer, or a string holding one.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String && int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        throw new JsonException($"Expected a 32-bit integer but found {reader.TokenType}.");
    }

    /// <summary>Reads a 64-bit integer, or a string holding one.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String && long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        throw new JsonException($"Expected a 64-bit integer but found {reader.TokenType}.");
    }

    /// <summary>Reads a number, or a string holding one.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        throw new JsonException($"Expected a finite number but found {reader.TokenType}.");
    }

    /// <summary>Reads an ISO-8601 string, epoch milliseconds, or EJSON <c>{"$date": ms}</c>.</summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (reader.TryGetDateTimeOffset(out DateTimeOffset parsed))
                {
                    return parsed;
                }

                if (DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed))
                {
                    return parsed;
                }

                break;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out long epochMs) && epochMs >= MinEpochMilliseconds && epochMs <= MaxEpochMilliseconds)
                {
                    return DateTimeOffset.FromUnixTimeMilliseconds(epochMs);
                }

                throw new JsonException("Expected a date as whole epoch milliseconds between year 1 and 9999, but the number is out of range or not whole.");
            case JsonTokenType.StartObject:
                DateTimeOffset? date = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    bool isDate = reader.ValueTextEquals("$date"u8);
                    reader.Read();
                    if (isDate)
                    {
                        date = ReadDateTimeOffset(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                if (date is { } value)
                {
                    return value;
                }

                break;
        }

        throw new JsonException($"Expected a date but found {reader.TokenType}.");
    }
}
