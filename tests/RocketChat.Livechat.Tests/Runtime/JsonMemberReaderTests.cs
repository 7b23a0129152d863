using System.Text;
using System.Text.Json;
using RocketChat.Contracts.Runtime.Json;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>
/// The member readers generated converters call once per member: at the member's own name they read its value (JSON
/// null as null) and return true; at any other name they return false and leave both the reader and the value alone,
/// so the next member's call, or the unknown-member keeper, still sees the same property.
/// </summary>
public sealed class JsonMemberReaderTests
{
    public delegate bool MemberRead(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, out string? read);

    public static TheoryData<string, MemberRead, string, string> Readers => new()
    {
        { "string", TryRead<string>((ref Utf8JsonReader r, ReadOnlySpan<byte> n, ref string? v) => JsonMembers.TryReadString(ref r, n, ref v)), "\"a\"", "a" },
        { "int32", TryReadValue<int>((ref Utf8JsonReader r, ReadOnlySpan<byte> n, ref int? v) => JsonMembers.TryReadInt32(ref r, n, ref v)), "2147483647", "2147483647" },
        { "int64", TryReadValue<long>((ref Utf8JsonReader r, ReadOnlySpan<byte> n, ref long? v) => JsonMembers.TryReadInt64(ref r, n, ref v)), "9007199254740993", "9007199254740993" },
        { "double", TryReadValue<double>((ref Utf8JsonReader r, ReadOnlySpan<byte> n, ref double? v) => JsonMembers.TryReadDouble(ref r, n, ref v)), "1.5", "1.5" },
        { "boolean", TryReadValue<bool>((ref Utf8JsonReader r, ReadOnlySpan<byte> n, ref bool? v) => JsonMembers.TryReadBoolean(ref r, n, ref v)), "false", "False" },
        {
            "date",
            TryReadValue<DateTimeOffset>((ref Utf8JsonReader r, ReadOnlySpan<byte> n, ref DateTimeOffset? v) => JsonMembers.TryReadDateTimeOffset(ref r, n, ref v)),
            "\"2026-11-26T06:00:00.000Z\"",
            "11/26/2026 06:00:00 +00:00"
        },
        { "element", TryReadValue<JsonElement>((ref Utf8JsonReader r, ReadOnlySpan<byte> n, ref JsonElement? v) => JsonMembers.TryReadElement(ref r, n, ref v)), "{\"k\":[1]}", "{\"k\":[1]}" },
        { "object", TryRead<string>((ref Utf8JsonReader r, ReadOnlySpan<byte> n, ref string? v) => JsonMembers.TryReadObject(ref r, n, JsonScalars.ReadString, ref v)), "\"o\"", "o" },
        { "enum", TryReadValue<long>((ref Utf8JsonReader r, ReadOnlySpan<byte> n, ref long? v) => JsonMembers.TryReadEnum(ref r, n, JsonScalars.ReadInt64, ref v)), "3", "3" },
        {
            "list",
            TryRead<IReadOnlyList<long>>((ref Utf8JsonReader r, ReadOnlySpan<byte> n, ref IReadOnlyList<long>? v) => JsonMembers.TryReadList(ref r, n, JsonScalars.ReadInt64, ref v), l => string.Join(",", l)),
            "[1,2]",
            "1,2"
        },
        {
            "map",
            TryRead<IReadOnlyDictionary<string, bool>>(
                (ref Utf8JsonReader r, ReadOnlySpan<byte> n, ref IReadOnlyDictionary<string, bool>? v) => JsonMembers.TryReadMap(ref r, n, JsonScalars.ReadBoolean, ref v),
                m => string.Join(",", m.Select(e => $"{e.Key}={e.Value}"))),
            "{\"x\":true}",
            "x=True"
        },
    };

    public delegate bool TryReadRef<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref T? value)
        where T : class;

    public delegate bool TryReadStruct<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref T? value)
        where T : struct;

    [Theory]
    [MemberData(nameof(Readers))]
    public void The_own_name_reads_the_value_and_null_as_null(string kind, MemberRead read, string json, string expected)
    {
        Assert.True(ReadAt($"{{\"m\":{json},\"next\":1}}", read, "m"u8, out string? value, out string after), kind);
        Assert.Equal(expected, value);
        Assert.Equal("next", after);

        Assert.True(ReadAt("{\"m\":null,\"next\":1}", read, "m"u8, out string? none, out after), kind);
        Assert.Null(none);
        Assert.Equal("next", after);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Another_name_is_left_for_the_next_member(string kind, MemberRead read, string json, string expected)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($"{{\"other\":{json}}}"));
        reader.Read();
        Assert.True(JsonMembers.NextProperty(ref reader));

        Assert.False(read(ref reader, "m"u8, out string? untouched), kind);
        Assert.Equal("<untouched>", untouched);
        Assert.Equal("other", reader.GetString());

        // The reader is still at the name, so the member's own call reads the whole value.
        Assert.True(read(ref reader, "other"u8, out string? value), kind);
        Assert.Equal(expected, value);
        Assert.False(JsonMembers.NextProperty(ref reader));
    }

    [Fact]
    public void Names_are_compared_unescaped()
    {
        // "caf\u00e9" escaped on the wire is the member caf\u00e9, and "m" is not a prefix match of "mm".
        Assert.True(ReadAt("{\"caf\\u00e9\":\"x\"}", TryRead<string>((ref Utf8JsonReader r, ReadOnlySpan<byte> n, ref string? v) => JsonMembers.TryReadString(ref r, n, ref v)), "caf\u00e9"u8, out string? value, out _));
        Assert.Equal("x", value);
        Assert.False(ReadAt("{\"mm\":\"x\"}", TryRead<string>((ref Utf8JsonReader r, ReadOnlySpan<byte> n, ref string? v) => JsonMembers.TryReadString(ref r, n, ref v)), "m"u8, out _, out _));
    }

    [Fact]
    public void TrySkip_skips_the_whole_value_of_its_own_name_only()
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{\"secret\":{\"a\":[1,2]},\"next\":1}"));
        reader.Read();
        reader.Read();
        Assert.False(JsonMembers.TrySkip(ref reader, "other"u8));
        Assert.Equal(JsonTokenType.PropertyName, reader.TokenType);
        Assert.True(JsonMembers.TrySkip(ref reader, "secret"u8));
        Assert.True(JsonMembers.NextProperty(ref reader));
        Assert.Equal("next", reader.GetString());
    }

    [Fact]
    public void NextProperty_walks_the_names_and_stops_at_the_end_of_the_object()
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{\"a\":1,\"b\":{\"c\":2}}"));
        reader.Read();
        var names = new List<string>();
        while (JsonMembers.NextProperty(ref reader))
        {
            names.Add(reader.GetString()!);
            reader.Skip();
        }

        Assert.Equal(["a", "b"], names);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.False(reader.Read());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("null")]
    [InlineData("1")]
    public void ExpectObject_names_the_type_when_the_value_is_not_an_object(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        try
        {
            JsonMembers.ExpectObject(ref reader, "Visitor");
            Assert.Fail("no exception");
        }
        catch (JsonException error)
        {
            Assert.Equal("Expected a JSON object for Visitor.", error.Message);
        }
    }

    [Fact]
    public void ExpectObject_accepts_an_object()
    {
        var reader = new Utf8JsonReader("{}"u8);
        reader.Read();
        JsonMembers.ExpectObject(ref reader, "Visitor");
        Assert.Equal(JsonTokenType.StartObject, reader.TokenType);
    }

    [Fact]
    public void EncodeNames_keeps_the_order_and_escapes_as_JsonEncodedText_does()
    {
        JsonEncodedText[] names = JsonMembers.EncodeNames("_id", "a\"b", "caf\u00e9");
        Assert.Equal(new[] { "_id", "a\\u0022b", "caf\\u00E9" }, names.Select(n => Encoding.UTF8.GetString(n.EncodedUtf8Bytes)).ToArray());
        Assert.Empty(JsonMembers.EncodeNames());
        Assert.Throws<ArgumentNullException>(() => JsonMembers.EncodeNames(null!));
    }

    private static MemberRead TryRead<T>(TryReadRef<T> read, Func<T, string>? show = null)
        where T : class =>
        (ref Utf8JsonReader reader, ReadOnlySpan<byte> name, out string? shown) =>
        {
            T? value = null;
            bool matched = read(ref reader, name, ref value);
            shown = !matched ? "<untouched>" : value is null ? null : show?.Invoke(value) ?? value.ToString();
            return matched;
        };

    private static MemberRead TryReadValue<T>(TryReadStruct<T> read)
        where T : struct =>
        (ref Utf8JsonReader reader, ReadOnlySpan<byte> name, out string? shown) =>
        {
            T? value = null;
            bool matched = read(ref reader, name, ref value);
            shown = !matched ? "<untouched>" : value is { } v ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null;
            return matched;
        };

    /// <summary>Reads <paramref name="json"/>'s first member with <paramref name="read"/>; then tells the name the reader is at next.</summary>
    private static bool ReadAt(string json, MemberRead read, ReadOnlySpan<byte> name, out string? value, out string nextName)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        Assert.True(JsonMembers.NextProperty(ref reader));
        bool matched = read(ref reader, name, out value);
        if (!matched)
        {
            nextName = reader.GetString()!;
            return false;
        }

        nextName = JsonMembers.NextProperty(ref reader) ? reader.GetString()! : "<end>";
        return true;
    }
}
