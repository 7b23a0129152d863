using System.Text.Json;

namespace RocketChat.Contracts.Runtime.Json;

/// <summary>
/// Writing one member of a generated record: each method takes the property's value as it is, null included, so a
/// generated writer is one call per member and no branch. <c>Write…</c> leaves a null member out of the object (an
/// optional member); <c>Write…OrNull</c> writes it as JSON <c>null</c> (a required member).
/// </summary>
/// <remarks>
/// One method per kind of value, with no overloads: the compiler binds each of the thousands of calls in a large
/// contract's converters against a single candidate, where <see cref="Utf8JsonWriter"/>'s <c>WriteString</c> and
/// <c>WriteNumber</c> have 28 each (a measured part of every consumer's build time).
/// </remarks>
public static partial class JsonMembers
{
    /// <summary>
    /// Encodes a record's property names once, in member order, for its writer: one array per record rather than a
    /// static field (and an initializer for the compiler to bind) per member.
    /// </summary>
    public static JsonEncodedText[] EncodeNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var encoded = new JsonEncodedText[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            encoded[i] = JsonEncodedText.Encode(names[i]);
        }

        return encoded;
    }

    /// <summary>Writes a string member, or leaves it out when null.</summary>
    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a string member, as JSON <c>null</c> when null.</summary>
    public static void WriteStringOrNull(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }

        WriteString(writer, name, value);
    }

    /// <summary>Writes a 32-bit integer member, or leaves it out when null.</summary>
    public static void WriteInt32(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>Writes a 32-bit integer member, as JSON <c>null</c> when null.</summary>
    public static void WriteInt32OrNull(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }

        WriteInt32(writer, name, value);
    }

    /// <summary>Writes a 64-bit integer member, or leaves it out when null.</summary>
    public static void WriteInt64(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>Writes a 64-bit integer member, as JSON <c>null</c> when null.</summary>
    public static void WriteInt64OrNull(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }

        WriteInt64(writer, name, value);
    }

    /// <summary>Writes a number member, or leaves it out when null.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>Writes a number member, as JSON <c>null</c> when null.</summary>
    public static void WriteDoubleOrNull(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }

        WriteDouble(writer, name, value);
    }

    /// <summary>Writes a boolean member, or leaves it out when null.</summary>
    public static void WriteBoolean(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
    }

    /// <summary>Writes a boolean member, as JSON <c>null</c> when null.</summary>
    public static void WriteBooleanOrNull(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }

        WriteBoolean(writer, name, value);
    }

    /// <summary>Writes a date member as Rocket.Chat does (see <see cref="JsonScalars.WriteDateTimeOffset"/>), or leaves it out when null.</summary>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            Span<byte> utf8 = stackalloc byte[JsonScalars.IsoDateLength];
            writer.WriteString(name, JsonScalars.FormatIsoDate(date, utf8));
        }
    }

    /// <summary>Writes a date member as Rocket.Chat does, as JSON <c>null</c> when null.</summary>
    public static void WriteDateTimeOffsetOrNull(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }

        WriteDateTimeOffset(writer, name, value);
    }

    /// <summary>Writes a free-form member, or leaves it out when null.</summary>
    public static void WriteElement(Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        if (value is { } element)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
        }
    }

    /// <summary>Writes a free-form member, as JSON <c>null</c> when null.</summary>
    public static void WriteElementOrNull(Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }

        WriteElement(writer, name, value);
    }

    /// <summary>Writes a member that is a generated record or union with its writer, or leaves it out when null.</summary>
    public static void WriteObject<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            write(writer, value);
        }
    }

    /// <summary>Writes a member that is a generated record or union with its writer, as JSON <c>null</c> when null.</summary>
    public static void WriteObjectOrNull<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }

        WriteObject(writer, name, value, write);
    }

    /// <summary>Writes an array member, calling <paramref name="writeItem"/> on each element, or leaves it out when null.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, JsonEncodedText name, IEnumerable<T>? items, Action<Utf8JsonWriter, T> writeItem)
    {
        if (items is not null)
        {
            writer.WritePropertyName(name);
            JsonCollections.WriteList(writer, items, writeItem);
        }
    }

    /// <summary>Writes an array member, calling <paramref name="writeItem"/> on each element, as JSON <c>null</c> when null.</summary>
    public static void WriteListOrNull<T>(Utf8JsonWriter writer, JsonEncodedText name, IEnumerable<T>? items, Action<Utf8JsonWriter, T> writeItem)
    {
        if (items is null)
        {
            writer.WriteNull(name);
        }

        WriteList(writer, name, items, writeItem);
    }

    /// <summary>Writes an object member from a dictionary, calling <paramref name="writeValue"/> on each value, or leaves it out when null.</summary>
    public static void WriteMap<T>(Utf8JsonWriter writer, JsonEncodedText name, IEnumerable<KeyValuePair<string, T>>? map, Action<Utf8JsonWriter, T> writeValue)
    {
        if (map is not null)
        {
            writer.WritePropertyName(name);
            JsonCollections.WriteMap(writer, map, writeValue);
        }
    }

    /// <summary>Writes an object member from a dictionary, calling <paramref name="writeValue"/> on each value, as JSON <c>null</c> when null.</summary>
    public static void WriteMapOrNull<T>(Utf8JsonWriter writer, JsonEncodedText name, IEnumerable<KeyValuePair<string, T>>? map, Action<Utf8JsonWriter, T> writeValue)
    {
        if (map is null)
        {
            writer.WriteNull(name);
        }

        WriteMap(writer, name, map, writeValue);
    }
}
