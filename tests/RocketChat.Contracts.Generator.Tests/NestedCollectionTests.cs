using System.Text.Json;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// Collections inside collections (lists of lists, maps of lists, lists of maps, three levels deep): the generated
/// converters compile, read every level and write back the same JSON.
/// </summary>
public sealed class NestedCollectionTests
{
    private const string Contract = """
        openapi: 3.0.3
        info:
          title: Nested
          version: '1'
        paths:
          /grid:
            post:
              operationId: postGrid
              requestBody:
                content:
                  application/json:
                    schema:
                      type: array
                      items:
                        type: array
                        items: { type: integer, format: int64 }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        additionalProperties:
                          type: array
                          items: { type: string }
        components:
          schemas:
            Grid:
              type: object
              properties:
                rows:
                  type: array
                  items:
                    type: array
                    items: { type: integer, format: int64 }
                groups:
                  type: object
                  additionalProperties:
                    type: array
                    items: { type: string }
                labels:
                  type: array
                  items:
                    type: object
                    additionalProperties: { type: string }
                cube:
                  type: array
                  items:
                    type: array
                    items:
                      type: array
                      items: { type: number }
                nestedMaps:
                  type: object
                  additionalProperties:
                    type: object
                    additionalProperties: { type: boolean }
        """;

    private readonly CompiledContract _nested = CompiledContract.Load("Nested", new ContractFile("/contracts/nested.yaml", Contract, "Test.Nested", "Nested"));

    [Fact]
    public void Every_level_is_read_and_written_back_as_it_came()
    {
        const string json = """{"rows":[[1,2],[],[9007199254740993]],"groups":{"a":["x","y"],"b":[]},"labels":[{"k":"v"},{}],"cube":[[[1.5],[2]],[]],"nestedMaps":{"outer":{"inner":true,"off":false}}}""";
        Type grid = _nested.Type("Grid");

        object read = _nested.Deserialize(json, grid)!;

        var rows = (IReadOnlyList<IReadOnlyList<long>>)grid.GetProperty("Rows")!.GetValue(read)!;
        Assert.Equal([[1L, 2L], [], [9007199254740993L]], rows.Select(r => r.ToArray()).ToArray());
        var groups = (IReadOnlyDictionary<string, IReadOnlyList<string>>)grid.GetProperty("Groups")!.GetValue(read)!;
        Assert.Equal(["x", "y"], groups["a"]);
        var cube = (IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>>)grid.GetProperty("Cube")!.GetValue(read)!;
        Assert.Equal(1.5, cube[0][0][0]);
        var nestedMaps = (IReadOnlyDictionary<string, IReadOnlyDictionary<string, bool>>)grid.GetProperty("NestedMaps")!.GetValue(read)!;
        Assert.False(nestedMaps["outer"]["off"]);
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(json)), _nested.Serialize(read, grid));
    }

    [Fact]
    public void A_body_or_response_that_is_itself_a_nested_collection_is_read_and_written_back()
    {
        // Root values go through the context's own converters, not a record's: a list of lists, a map of lists.
        Type listOfLists = typeof(IReadOnlyList<IReadOnlyList<long>>);
        Type mapOfLists = typeof(IReadOnlyDictionary<string, IReadOnlyList<string>>);

        object rows = _nested.Deserialize("[[1,2],[],[9007199254740993]]", listOfLists)!;
        object groups = _nested.Deserialize("""{"a":["x","y"],"b":[]}""", mapOfLists)!;

        Assert.Equal([[1L, 2L], [], [9007199254740993L]], ((IReadOnlyList<IReadOnlyList<long>>)rows).Select(r => r.ToArray()).ToArray());
        Assert.Equal(["x", "y"], ((IReadOnlyDictionary<string, IReadOnlyList<string>>)groups)["a"]);
        Assert.Equal("[[1,2],[],[9007199254740993]]", _nested.Serialize(rows, listOfLists));
        Assert.Equal("""{"a":["x","y"],"b":[]}""", _nested.Serialize(groups, mapOfLists));
    }

    [Theory]
    [InlineData("""{"rows":[1]}""")]
    [InlineData("""{"rows":[[true]]}""")]
    [InlineData("""{"groups":{"a":"x"}}""")]
    [InlineData("""{"cube":[[1]]}""")]
    public void A_level_of_the_wrong_kind_is_a_json_error_not_a_default(string json)
    {
        Assert.ThrowsAny<JsonException>(() => _nested.Deserialize(json, _nested.Type("Grid")));
    }
}
