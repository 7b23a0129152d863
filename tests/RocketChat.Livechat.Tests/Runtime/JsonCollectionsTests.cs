using System.Text;
using System.Text.Json;
using RocketChat.Contracts.Runtime.Json;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>Unknown members, lists and maps read and written by the runtime helpers the generated converters call.</summary>
public sealed class JsonCollectionsTests
{
    [Fact]
    public void Every_unknown_member_is_kept_not_only_the_last()
    {
        Dictionary<string, JsonElement>? additional = null;
        var reader = new Utf8JsonReader("""{"first":1,"second":{"x":[true]}}"""u8);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            JsonCollections.ReadUnknownProperty(ref reader, ref additional);
        }

        Assert.NotNull(additional);
        Assert.Equal(["first", "second"], additional.Keys.Order());
        Assert.Equal(1, additional["first"].GetInt32());
        Assert.Equal("""{"x":[true]}""", additional["second"].GetRawText());
    }

    [Fact]
    public void Two_unknown_members_of_a_generated_model_are_both_kept_and_written_back()
    {
        const string json = """{"_id":"v1","token":"t","alpha":1,"beta":"two"}""";

        Visitor visitor = JsonSerializer.Deserialize(json, LivechatJsonContext.Default.Visitor)!;

        Assert.Equal(2, visitor.AdditionalProperties!.Count);
        Assert.Equal(1, visitor.AdditionalProperties["alpha"].GetInt32());
        Assert.Equal("two", visitor.AdditionalProperties["beta"].GetString());
        using JsonDocument back = JsonDocument.Parse(JsonSerializer.Serialize(visitor, LivechatJsonContext.Default.Visitor));
        Assert.Equal(1, back.RootElement.GetProperty("alpha").GetInt32());
        Assert.Equal("two", back.RootElement.GetProperty("beta").GetString());
    }

    [Fact]
    public void Additional_properties_are_written_in_order()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            JsonCollections.WriteAdditionalProperties(writer, new Dictionary<string, JsonElement>
            {
                ["a"] = JsonDocument.Parse("1").RootElement,
                ["b"] = JsonDocument.Parse("[2]").RootElement,
            });
            JsonCollections.WriteAdditionalProperties(writer, null);
            writer.WriteEndObject();
        }

        Assert.Equal("""{"a":1,"b":[2]}""", Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public void A_list_reads_every_item_and_rejects_a_non_array()
    {
        var reader = new Utf8JsonReader("[1,2,3]"u8);
        reader.Read();
        Assert.Equal([1, 2, 3], JsonCollections.ReadList(ref reader, static (ref Utf8JsonReader r) => r.GetInt32()));

        JsonException error = Assert.Throws<JsonException>(() =>
        {
            var notArray = new Utf8JsonReader("{}"u8);
            notArray.Read();
            return JsonCollections.ReadList(ref notArray, static (ref Utf8JsonReader r) => r.GetInt32());
        });
        Assert.Equal("Expected a JSON array but found StartObject.", error.Message);
    }

    [Fact]
    public void A_map_reads_every_entry_and_rejects_a_non_object()
    {
        var reader = new Utf8JsonReader("""{"a":1,"b":2}"""u8);
        reader.Read();
        IReadOnlyDictionary<string, int> map = JsonCollections.ReadMap(ref reader, static (ref Utf8JsonReader r) => r.GetInt32());
        Assert.Equal(2, map.Count);
        Assert.Equal(1, map["a"]);
        Assert.Equal(2, map["b"]);

        JsonException error = Assert.Throws<JsonException>(() =>
        {
            var notObject = new Utf8JsonReader("[]"u8);
            notObject.Read();
            return JsonCollections.ReadMap(ref notObject, static (ref Utf8JsonReader r) => r.GetInt32());
        });
        Assert.Equal("Expected a JSON object but found StartArray.", error.Message);
    }

    [Fact]
    public void A_missing_required_property_names_the_type_and_the_member()
    {
        Assert.Equal("The JSON for Visitor lacks the required property 'token'.", JsonCollections.MissingRequired("Visitor", "token").Message);
    }

    [Fact]
    public void Skipping_a_member_passes_its_whole_value_and_lands_before_the_next_member()
    {
        var reader = new Utf8JsonReader("""{"skipped":{"deep":[1,{"x":2}]},"scalar":3,"next":4}"""u8);
        reader.Read();
        reader.Read();

        JsonMembers.SkipValue(ref reader);
        Assert.True(reader.Read());
        Assert.True(reader.ValueTextEquals("scalar"u8));

        JsonMembers.SkipValue(ref reader);
        Assert.True(reader.Read());
        Assert.True(reader.ValueTextEquals("next"u8));
    }

    [Fact]
    public void Moving_to_a_value_tells_null_from_a_value()
    {
        var reader = new Utf8JsonReader("""{"a":null,"b":5}"""u8);
        reader.Read();
        reader.Read();

        Assert.False(JsonMembers.MoveToValue(ref reader));
        reader.Read();
        Assert.True(JsonMembers.MoveToValue(ref reader));
        Assert.Equal(5, reader.GetInt32());
    }
}
