using System.Text;
using System.Text.Json;
using RocketChat.Contracts.Runtime.Json;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>
/// The member writers generated converters call once per member: a null value is left out by <c>Write…</c> (an
/// optional member) and written as JSON null by <c>Write…OrNull</c> (a required member); a value is written as it is.
/// </summary>
public sealed class JsonMemberWriterTests
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("m");

    public delegate void MemberWrite(Utf8JsonWriter writer, JsonEncodedText name, bool present);

    public static TheoryData<string, MemberWrite, MemberWrite, string> Writers => new()
    {
        { "string", (w, n, p) => JsonMembers.WriteString(w, n, p ? "a" : null), (w, n, p) => JsonMembers.WriteStringOrNull(w, n, p ? "a" : null), "\"a\"" },
        { "int32", (w, n, p) => JsonMembers.WriteInt32(w, n, p ? 7 : null), (w, n, p) => JsonMembers.WriteInt32OrNull(w, n, p ? 7 : null), "7" },
        { "int64", (w, n, p) => JsonMembers.WriteInt64(w, n, p ? 9007199254740993 : null), (w, n, p) => JsonMembers.WriteInt64OrNull(w, n, p ? 9007199254740993 : null), "9007199254740993" },
        { "double", (w, n, p) => JsonMembers.WriteDouble(w, n, p ? 1.5 : null), (w, n, p) => JsonMembers.WriteDoubleOrNull(w, n, p ? 1.5 : null), "1.5" },
        { "boolean", (w, n, p) => JsonMembers.WriteBoolean(w, n, p ? false : null), (w, n, p) => JsonMembers.WriteBooleanOrNull(w, n, p ? false : null), "false" },
        {
            "date",
            (w, n, p) => JsonMembers.WriteDateTimeOffset(w, n, p ? new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(2)) : null),
            (w, n, p) => JsonMembers.WriteDateTimeOffsetOrNull(w, n, p ? new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(2)) : null),
            "\"2026-11-26T06:00:00.000Z\""
        },
        { "element", (w, n, p) => JsonMembers.WriteElement(w, n, p ? Element : null), (w, n, p) => JsonMembers.WriteElementOrNull(w, n, p ? Element : null), "{\"k\":[1]}" },
        { "object", (w, n, p) => JsonMembers.WriteObject(w, n, p ? "o" : null, JsonScalars.WriteString), (w, n, p) => JsonMembers.WriteObjectOrNull(w, n, p ? "o" : null, JsonScalars.WriteString), "\"o\"" },
        { "list", (w, n, p) => JsonMembers.WriteList(w, n, p ? new long[] { 1, 2 } : null, JsonScalars.WriteInt64), (w, n, p) => JsonMembers.WriteListOrNull(w, n, p ? new long[] { 1, 2 } : null, JsonScalars.WriteInt64), "[1,2]" },
        {
            "map",
            (w, n, p) => JsonMembers.WriteMap(w, n, p ? new Dictionary<string, bool> { ["x"] = true } : null, JsonScalars.WriteBoolean),
            (w, n, p) => JsonMembers.WriteMapOrNull(w, n, p ? new Dictionary<string, bool> { ["x"] = true } : null, JsonScalars.WriteBoolean),
            "{\"x\":true}"
        },
    };

    private static JsonElement Element => JsonDocument.Parse("""{"k":[1]}""").RootElement;

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_value_is_written_by_both_and_null_is_left_out_or_written_as_null(string kind, MemberWrite write, MemberWrite writeOrNull, string value)
    {
        Assert.Equal($"{{\"m\":{value}}}", Write(write, present: true));
        Assert.Equal($"{{\"m\":{value}}}", Write(writeOrNull, present: true));
        Assert.Equal("{}", Write(write, present: false));
        Assert.True(Write(writeOrNull, present: false) == "{\"m\":null}", $"{kind}: a required member that is null is written as null");
    }

    private static string Write(MemberWrite write, bool present)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            write(writer, Name, present);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
