using System.Text.Json;

namespace RocketChat.Contracts.Runtime.Json;

/// <summary>
/// The per-member steps every generated converter repeats, kept here so that each member of a record costs one call
/// in generated code: the generated volume, and the branches the compiler and the trim analyzer walk in it, are what
/// every consumer build pays for.
/// </summary>
/// <remarks>
/// Each <c>Read…</c> method starts at a property name, moves to its value and reads it; a JSON <c>null</c> reads as
/// <c>null</c>, never as a default value. The <c>Write…</c> methods are in JsonMembers.Write.cs.
/// </remarks>
public static partial class JsonMembers
{
    /// <summary>Moves from a property name to its value; false when the value is JSON <c>null</c>.</summary>
    public static bool MoveToValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType != JsonTokenType.Null;
    }

    /// <summary>Moves from a property name past its whole value, unread.</summary>
    /// <remarks>Skip on a property name skips the property's value: no Read first.</remarks>
    public static void SkipValue(ref Utf8JsonReader reader) => reader.Skip();

    /// <summary>Reads a string member.</summary>
    public static string? ReadString(ref Utf8JsonReader reader) => MoveToValue(ref reader) ? reader.GetString() : null;

    /// <summary>Reads a 32-bit integer member (see <see cref="JsonScalars.ReadInt32"/>).</summary>
    public static int? ReadInt32(ref Utf8JsonReader reader) => MoveToValue(ref reader) ? JsonScalars.ReadInt32(ref reader) : null;

    /// <summary>Reads a 64-bit integer member (see <see cref="JsonScalars.ReadInt64"/>).</summary>
    public static long? ReadInt64(ref Utf8JsonReader reader) => MoveToValue(ref reader) ? JsonScalars.ReadInt64(ref reader) : null;

    /// <summary>Reads a number member (see <see cref="JsonScalars.ReadDouble"/>).</summary>
    public static double? ReadDouble(ref Utf8JsonReader reader) => MoveToValue(ref reader) ? JsonScalars.ReadDouble(ref reader) : null;

    /// <summary>Reads a boolean member (see <see cref="JsonScalars.ReadBoolean"/>).</summary>
    public static bool? ReadBoolean(ref Utf8JsonReader reader) => MoveToValue(ref reader) ? JsonScalars.ReadBoolean(ref reader) : null;

    /// <summary>Reads a date member (see <see cref="JsonScalars.ReadDateTimeOffset"/>).</summary>
    public static DateTimeOffset? ReadDateTimeOffset(ref Utf8JsonReader reader) =>
        MoveToValue(ref reader) ? JsonScalars.ReadDateTimeOffset(ref reader) : null;

    /// <summary>Reads a free-form member as a <see cref="JsonElement"/>.</summary>
    public static JsonElement? ReadElement(ref Utf8JsonReader reader) => MoveToValue(ref reader) ? JsonElement.ParseValue(ref reader) : null;

    /// <summary>Reads a member that is a generated record, with that record's reader.</summary>
    public static T? ReadObject<T>(ref Utf8JsonReader reader, JsonReadFunc<T> read)
        where T : class => MoveToValue(ref reader) ? read(ref reader) : null;

    /// <summary>Reads a member that is a generated string enum (a struct), with that enum's reader.</summary>
    public static T? ReadEnum<T>(ref Utf8JsonReader reader, JsonReadFunc<T> read)
        where T : struct => MoveToValue(ref reader) ? read(ref reader) : null;

    /// <summary>Reads an array member, calling <paramref name="readItem"/> on each element.</summary>
    public static IReadOnlyList<T>? ReadList<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readItem) =>
        MoveToValue(ref reader) ? JsonCollections.ReadList(ref reader, readItem) : null;

    /// <summary>Reads an object member as a dictionary, calling <paramref name="readValue"/> on each value.</summary>
    public static IReadOnlyDictionary<string, T>? ReadMap<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readValue) =>
        MoveToValue(ref reader) ? JsonCollections.ReadMap(ref reader, readValue) : null;

    /// <summary>
    /// Writes the members of the object <paramref name="write"/> produces into the object being written, as JavaScript's
    /// <c>{...part, own}</c>: a record composed (allOf) with a record of another contract is one JSON object. Members named
    /// in <paramref name="ownMembers"/> are left out: the composed record writes those itself.
    /// </summary>
    /// <remarks>The part is written once to a buffer by its own generated writer, then its members are copied: no reflection.</remarks>
    /// <exception cref="JsonException">The part's writer did not produce a JSON object.</exception>
    public static void WriteMembersOf<T>(Utf8JsonWriter writer, T part, Action<Utf8JsonWriter, T> write, string[] ownMembers)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(ownMembers);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var partWriter = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = writer.Options.Encoder }))
        {
            write(partWriter, part);
        }

        using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A composed part must be written as a JSON object, not {document.RootElement.ValueKind}.");
        }

        foreach (JsonProperty member in document.RootElement.EnumerateObject())
        {
            if (Array.IndexOf(ownMembers, member.Name) < 0)
            {
                member.WriteTo(writer);
            }
        }
    }
}
