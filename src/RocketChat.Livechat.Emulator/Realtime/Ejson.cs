using System.Buffers;
using System.Text.Json;

namespace RocketChat.Livechat.Emulator.Realtime;

/// <summary>
/// Writes documents the way DDP carries them: Rocket.Chat stores these fields as JavaScript Dates, which EJSON sends
/// as <c>{"$date": ms}</c> where REST sends ISO strings. Documents are written once by the REST writers (one shape
/// for both transports) and their date fields converted here.
/// </summary>
internal static class Ejson
{
    private static readonly HashSet<string> s_dateFields = new(StringComparer.Ordinal)
    {
        "ts", "_updatedAt", "editedAt", "queuedAt", "takenAt", "lockedAt", "lm", "closedAt", "lastMessageTs", "ls", "lr", "createdAt", "tokenExpires",
    };

    public static void WriteDate(Utf8JsonWriter writer, DateTimeOffset value)
    {
        writer.WriteStartObject();
        writer.WriteNumber("$date", value.ToUnixTimeMilliseconds());
        writer.WriteEndObject();
    }

    /// <summary>Writes the document <paramref name="writeRest"/> produces, dates as EJSON.</summary>
    public static void WriteDocument(Utf8JsonWriter writer, Action<Utf8JsonWriter> writeRest) => Copy(writer, writeRest, spread: false);

    /// <summary>Writes the properties of the object <paramref name="writeRest"/> produces into the object being written (JavaScript's <c>...doc</c>).</summary>
    public static void WriteSpread(Utf8JsonWriter writer, Action<Utf8JsonWriter> writeRest) => Copy(writer, writeRest, spread: true);

    /// <summary>
    /// Writes a DDP argument list into the <c>args</c> array being written: <paramref name="writeElements"/> writes
    /// the elements (a contract message writer, which writes into an open array), dates become EJSON.
    /// </summary>
    public static void WriteArguments(Utf8JsonWriter writer, Action<Utf8JsonWriter> writeElements) => Copy(writer, rest =>
    {
        rest.WriteStartArray();
        writeElements(rest);
        rest.WriteEndArray();
    }, spread: true);

    private static void Copy(Utf8JsonWriter writer, Action<Utf8JsonWriter> writeRest, bool spread)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var restWriter = new Utf8JsonWriter(buffer))
        {
            writeRest(restWriter);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        string? property = null;
        while (reader.Read())
        {
            bool outermost = spread && reader.CurrentDepth == 0;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject when !outermost:
                    writer.WriteStartObject();
                    break;
                case JsonTokenType.EndObject when !outermost:
                    writer.WriteEndObject();
                    break;
                case JsonTokenType.StartArray when !outermost:
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndArray when !outermost:
                    writer.WriteEndArray();
                    break;
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    writer.WritePropertyName(property!);
                    continue;
                case JsonTokenType.String when property is not null && s_dateFields.Contains(property) && reader.TryGetDateTimeOffset(out DateTimeOffset date):
                    WriteDate(writer, date);
                    break;
                case JsonTokenType.String:
                    writer.WriteStringValue(reader.GetString());
                    break;
                case JsonTokenType.Number:
                    writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                    break;
                case JsonTokenType.True:
                case JsonTokenType.False:
                    writer.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                    break;
                case JsonTokenType.Null:
                    writer.WriteNullValue();
                    break;
            }

            property = null;
        }
    }
}
