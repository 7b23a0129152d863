using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RocketChat.Contracts.Runtime;
using RocketChat.Contracts.Runtime.Json;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>
/// The runtime steps of a composed record (allOf over a record of another contract, such as the realtime inquiry
/// queue's <c>{type, ...inquiry}</c>), member readers that map JSON null to null, and the two-factor details of an error.
/// </summary>
public sealed class JsonMembersTests
{
    private static readonly string[] OwnMembers = ["type"];

    private static string WriteComposed(Action<Utf8JsonWriter, string> writePart, JavaScriptEncoder? encoder = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "added");
            JsonMembers.WriteMembersOf(writer, "part", writePart, OwnMembers);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteTicket(Utf8JsonWriter writer, string _)
    {
        writer.WriteStartObject();
        writer.WriteString("_id", "a+b");
        writer.WriteString("type", "stale");
        writer.WriteNumber("n", 1);
        writer.WriteEndObject();
    }

    [Fact]
    public void The_members_of_a_part_go_into_the_object_being_written_without_the_composed_records_own()
    {
        string json = WriteComposed(WriteTicket, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

        Assert.Equal("""{"type":"added","_id":"a+b","n":1}""", json);
    }

    [Fact]
    public void The_part_is_escaped_like_the_object_it_goes_into()
    {
        Assert.Equal("""{"type":"added","_id":"a\u002Bb","n":1}""", WriteComposed(WriteTicket));
    }

    [Fact]
    public void A_part_written_as_anything_but_an_object_is_a_json_exception_naming_what_it_was()
    {
        JsonException error = Assert.Throws<JsonException>(() => WriteComposed(static (w, _) => { w.WriteStartArray(); w.WriteEndArray(); }));

        Assert.Equal("A composed part must be written as a JSON object, not Array.", error.Message);
    }

    [Fact]
    public void A_missing_argument_of_the_part_writer_is_named()
    {
        using var writer = new Utf8JsonWriter(new MemoryStream());

        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => JsonMembers.WriteMembersOf(null!, "p", WriteTicket, OwnMembers)).ParamName);
        Assert.Equal("write", Assert.Throws<ArgumentNullException>(() => JsonMembers.WriteMembersOf(writer, "p", null!, OwnMembers)).ParamName);
        Assert.Equal("ownMembers", Assert.Throws<ArgumentNullException>(() => JsonMembers.WriteMembersOf(writer, "p", WriteTicket, null!)).ParamName);
        Assert.Equal("ownMembers", Assert.Throws<ArgumentNullException>(() => JsonCollections.WithoutMembers(null, null!)).ParamName);
    }

    [Fact]
    public void Unknown_members_of_a_part_lose_only_the_composed_records_own()
    {
        var kept = new Dictionary<string, JsonElement> { ["extra"] = JsonElement.Parse("1"), ["type"] = JsonElement.Parse("\"stale\"") };
        var none = new Dictionary<string, JsonElement> { ["extra"] = JsonElement.Parse("1") };
        var onlyOwn = new Dictionary<string, JsonElement> { ["type"] = JsonElement.Parse("\"stale\"") };

        IReadOnlyDictionary<string, JsonElement>? rest = JsonCollections.WithoutMembers(kept, OwnMembers);

        Assert.Equal(["extra"], rest!.Keys);
        Assert.Equal(1, rest["extra"].GetInt32());
        Assert.Same(none, JsonCollections.WithoutMembers(none, OwnMembers));
        Assert.Null(JsonCollections.WithoutMembers(onlyOwn, OwnMembers));
        Assert.Null(JsonCollections.WithoutMembers(null, OwnMembers));
    }

    private delegate T? ReadMember<T>(ref Utf8JsonReader reader);

    private static T? ReadValueOf<T>(string json, ReadMember<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        reader.Read(); // the property name
        return read(ref reader);
    }

    [Fact]
    public void A_json_null_member_reads_as_null_not_as_a_default_value()
    {
        Assert.Null(ReadValueOf<int?>("""{"n":null}""", JsonMembers.ReadInt32));
        Assert.Equal(-7, ReadValueOf<int?>("""{"n":-7}""", JsonMembers.ReadInt32));
        Assert.Null(ReadValueOf<JsonElement?>("""{"e":null}""", JsonMembers.ReadElement));
        Assert.Equal("""{"a":[1]}""", ReadValueOf<JsonElement?>("""{"e":{"a":[1]}}""", JsonMembers.ReadElement)!.Value.GetRawText());
    }

    [Theory]
    [InlineData("""{"method":"email","availableMethods":["totp","email"]}""", "email")]
    [InlineData("""{"method":5}""", null)]
    [InlineData("""{"codeGenerated":false}""", null)]
    public void A_two_factor_method_is_read_only_when_it_is_a_string(string details, string? method)
    {
        var error = new RocketChatError("TOTP Required", "totp-required", null, JsonElement.Parse(details));

        var exception = new RocketChatApiException("Login", HttpStatusCode.Unauthorized, error, null);

        Assert.True(exception.IsTwoFactorChallenge);
        Assert.Equal(method, exception.TwoFactorMethod);
    }
}
