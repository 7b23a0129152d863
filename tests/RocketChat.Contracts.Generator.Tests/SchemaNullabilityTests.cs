namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// Every way a schema admits JSON null makes a required member nullable, and nothing else does: 3.0 nullable,
/// 3.1 type arrays, a null branch of oneOf/anyOf, an unquoted null in an enum, a $ref to a nullable component.
/// </summary>
public sealed class SchemaNullabilityTests
{
    private static string Holder(string schema) =>
        "    Holder:\n      type: object\n      required: [v]\n      properties:\n        v: " + schema + "\n"
        + "    MaybeName:\n      type: string\n      nullable: true\n";

    [Theory]
    [InlineData("{ type: integer }", "long")]
    [InlineData("{ type: integer, nullable: true }", "long?")]
    [InlineData("{ type: [integer] }", "long")]
    [InlineData("{ type: [integer, 'null'] }", "long?")]
    [InlineData("{ type: ['null', string] }", "string?")]
    [InlineData("{ oneOf: [{ type: string }, { type: 'null' }] }", "string?")]
    [InlineData("{ anyOf: [{ type: 'null' }, { type: integer, format: int32 }] }", "int?")]
    [InlineData("{ $ref: '#/components/schemas/MaybeName' }", "string?")]
    public void A_required_member_is_nullable_exactly_when_its_schema_admits_null(string schema, string expected)
    {
        SchemaShapes shapes = SchemaShapes.Of(Holder(schema), openApi: "3.1.0");

        Assert.Equal(expected, shapes.MemberType("Holder", "V"));
        Assert.Empty(shapes.Diagnostics);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("Null")]
    [InlineData("NULL")]
    [InlineData("~")]
    [InlineData("")]
    public void An_unquoted_YAML_null_in_an_enum_makes_the_member_nullable_and_is_no_member(string yamlNull)
    {
        // Block style, so the empty plain scalar (a YAML null too) can be written.
        SchemaShapes shapes = SchemaShapes.Of(Holder("\n          type: string\n          enum:\n            - on\n            - " + yamlNull));

        Assert.Equal("HolderV?", shapes.MemberType("Holder", "V"));
        Assert.Equal(["On"], shapes.EnumMembers("HolderV"));
    }

    [Fact]
    public void A_quoted_null_in_an_enum_is_a_value_and_the_member_stays_non_nullable()
    {
        SchemaShapes shapes = SchemaShapes.Of(Holder("{ type: string, enum: [on, 'null'] }"));

        Assert.Equal("HolderV", shapes.MemberType("Holder", "V"));
        Assert.Equal(["On", "Null"], shapes.EnumMembers("HolderV"));
    }

    [Fact]
    public void Nullable_list_items_and_map_values_are_JsonElements_with_RCG007_at_their_key()
    {
        SchemaShapes shapes = SchemaShapes.Of(
            "    Holder:\n"                          // 8
            + "      type: object\n"                 // 9
            + "      properties:\n"                  // 10
            + "        list:\n"                      // 11
            + "          type: array\n"              // 12
            + "          items:\n"                   // 13
            + "            type: string\n"
            + "            nullable: true\n"
            + "        map:\n"                       // 16
            + "          type: object\n"             // 17
            + "          additionalProperties:\n"    // 18
            + "            type: [integer, 'null']\n",
            openApi: "3.1.0");

        Assert.Equal("IReadOnlyList<JsonElement>?", shapes.MemberType("Holder", "List"));
        Assert.Equal("IReadOnlyDictionary<string, JsonElement>?", shapes.MemberType("Holder", "Map"));
        Assert.Equal(
            [
                "RCG007 13:11 'null list items' is not supported here; the value is exposed as a JsonElement",
                "RCG007 18:11 'null map values' is not supported here; the value is exposed as a JsonElement",
            ],
            shapes.Diagnostics);
    }
}
