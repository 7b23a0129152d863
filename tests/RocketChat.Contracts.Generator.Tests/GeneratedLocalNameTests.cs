using System.Text.Json.Nodes;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// Contract member names that are also the names the emitted converters use for their own parameters and locals
/// or used to (reader, writer, value, typeToConvert, options, additionalProperties, the dictionary of unknown members), and
/// an object with <c>properties: {}</c>: the code compiles and
/// every value reads and writes back as sent.
/// </summary>
public sealed class GeneratedLocalNameTests
{
    private const string Contract = """
        openapi: 3.0.3
        info:
          title: Locals
          version: '1'
        components:
          schemas:
            Clash:
              type: object
              required: [reader, value]
              properties:
                reader:
                  type: string
                writer:
                  type: integer
                typeToConvert:
                  type: boolean
                options:
                  type: array
                  items:
                    type: string
                value:
                  $ref: '#/components/schemas/Inner'
                empty:
                  $ref: '#/components/schemas/Empty'
                additionalProperties:
                  type: string
            Inner:
              type: object
              properties:
                reader:
                  type: string
                writer:
                  type: number
            Empty:
              type: object
              properties: {}
        paths: {}
        """;

    private static CompiledContract Compile() =>
        CompiledContract.Load("Locals", new ContractFile("/contracts/locals.yaml", Contract, "Test.Locals", "Locals"));

    [Fact]
    public void Members_named_like_the_converters_locals_round_trip()
    {
        const string json = """{"reader":"r","writer":7,"typeToConvert":true,"options":["a","b"],"value":{"reader":"inner","writer":1.5},"empty":{},"additionalProperties":"a member, not the unknown ones"}""";

        AssertRoundTrips(json, "Clash");
        CompiledContract compiled = Compile();
        Type clash = compiled.Type("Clash");
        object read = compiled.Deserialize(json, clash)!;
        Assert.Equal("a member, not the unknown ones", clash.GetProperty("AdditionalProperties2")!.GetValue(read));
        Assert.Null(clash.GetProperty("AdditionalProperties")!.GetValue(read));
    }

    [Fact]
    public void Members_named_like_the_converters_locals_are_read_into_their_own_properties()
    {
        CompiledContract compiled = Compile();
        Type clash = compiled.Type("Clash");

        object value = compiled.Deserialize("""{"reader":"r","writer":7,"typeToConvert":true,"options":["a"],"value":{"reader":"inner"}}""", clash)!;

        Assert.Equal("r", clash.GetProperty("Reader")!.GetValue(value));
        Assert.Equal(7L, Convert.ToInt64(clash.GetProperty("Writer")!.GetValue(value), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(true, clash.GetProperty("TypeToConvert")!.GetValue(value));
        object inner = clash.GetProperty("Value")!.GetValue(value)!;
        Assert.Equal("inner", inner.GetType().GetProperty("Reader")!.GetValue(inner));
    }

    [Fact]
    public void A_missing_required_member_named_reader_is_reported_by_its_json_name()
    {
        CompiledContract compiled = Compile();

        var error = Assert.Throws<System.Text.Json.JsonException>(() => compiled.Deserialize("""{"value":{}}""", compiled.Type("Clash")));
        Assert.Contains("'reader'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"later":1,"added":{"x":[true]}}""")]
    public void An_object_with_empty_properties_keeps_whatever_it_is_sent(string json)
    {
        AssertRoundTrips(json, "Empty");
    }

    private static void AssertRoundTrips(string json, string typeName)
    {
        CompiledContract compiled = Compile();
        Type type = compiled.Type(typeName);

        object value = compiled.Deserialize(json, type)!;
        string written = compiled.Serialize(value, type);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), $"sent {json}{Environment.NewLine}wrote {written}");
    }
}
