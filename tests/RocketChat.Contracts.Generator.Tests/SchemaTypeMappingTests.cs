namespace RocketChat.Contracts.Generator.Tests;

/// <summary>The C# type and name each kind of schema becomes, and what the generator reports when it cannot type one.</summary>
public sealed class SchemaTypeMappingTests
{
    private static SchemaShapes Member(string schema, string openApi = "3.0.3") =>
        SchemaShapes.Of("    Holder:\n      type: object\n      properties:\n        v: " + schema + "\n", openApi);

    [Fact]
    public void An_enum_without_a_type_is_an_extensible_enum_named_after_its_member()
    {
        SchemaShapes shapes = Member("{ enum: [open, closed] }");

        Assert.Equal("HolderV?", shapes.MemberType("Holder", "V"));
        Assert.Equal(["Open", "Closed"], shapes.EnumMembers("HolderV"));
    }

    [Theory]
    [InlineData("{ type: array, items: { type: object, properties: { n: { type: string } } } }", "IReadOnlyList<HolderVItem>?", "HolderVItem")]
    [InlineData("{ type: object, additionalProperties: { type: object, properties: { n: { type: string } } } }", "IReadOnlyDictionary<string, HolderVValue>?", "HolderVValue")]
    public void Inline_objects_inside_lists_and_maps_are_named_after_the_member_plus_Item_or_Value(string schema, string expected, string element)
    {
        SchemaShapes shapes = Member(schema);

        Assert.Equal(expected, shapes.MemberType("Holder", "V"));
        Assert.Equal("string?", shapes.MemberType(element, "N"));
    }

    [Fact]
    public void An_object_with_no_properties_is_a_JsonElement_not_an_empty_record()
    {
        SchemaShapes shapes = Member("{ type: object, properties: {} }");

        Assert.Equal("JsonElement?", shapes.MemberType("Holder", "V"));
        Assert.Null(shapes.Type("HolderV"));
    }

    [Fact]
    public void A_31_type_array_of_two_types_is_a_JsonElement_with_RCG014_at_the_type()
    {
        SchemaShapes shapes = SchemaShapes.Of(
            "    Holder:\n      type: object\n      properties:\n        v:\n          type: [string, integer]\n", openApi: "3.1.0");

        Assert.Equal("JsonElement?", shapes.MemberType("Holder", "V"));
        Assert.Equal(["RCG014 12:17 The schema type 'union' is not known; the value is exposed as a JsonElement"], shapes.Diagnostics);
    }

    [Theory]
    [InlineData("oneOf", "[{ type: string }, { type: integer }]")]
    [InlineData("anyOf", "[{ type: string }, { type: integer }]")]
    [InlineData("not", "{ type: string }")]
    public void OneOf_anyOf_and_not_without_a_hierarchy_are_JsonElements_with_RCG007_at_the_keyword(string keyword, string value)
    {
        SchemaShapes shapes = SchemaShapes.Of("    Holder:\n      type: object\n      properties:\n        v:\n          " + keyword + ": " + value + "\n");

        Assert.Equal("JsonElement?", shapes.MemberType("Holder", "V"));
        Assert.Equal([$"RCG007 12:11 '{keyword}' is not supported here; the value is exposed as a JsonElement"], shapes.Diagnostics);
    }

    [Fact]
    public void Enum_values_named_like_the_members_every_enum_has_or_like_the_enum_are_renamed()
    {
        SchemaShapes shapes = SchemaShapes.Of("    Kind:\n      type: string\n      enum: [value, isKnown, equals, getHashCode, toString, getType, kind]\n");

        Assert.Equal(["Value2", "IsKnown2", "Equals2", "GetHashCode2", "ToString2", "GetType2", "KindValue"], shapes.EnumMembers("Kind"));
        Assert.Empty(shapes.Outcome.CompileDiagnostics);
    }

    [Theory]
    [InlineData("{ type: integer, default: 5 }", "= 5L;")]
    [InlineData("{ type: integer, format: int32, default: 5 }", "= 5;")]
    [InlineData("{ type: number, default: 2 }", "= 2d;")]
    [InlineData("{ type: number, default: 0.1 }", "= 0.1d;")]
    [InlineData("{ type: boolean, default: true }", "= true;")]
    [InlineData("{ type: boolean, default: false }", "= false;")]
    public void A_default_becomes_a_literal_of_the_member_type(string schema, string initializer)
    {
        SchemaShapes shapes = Member(schema);

        Assert.Contains(" V { get; init; } " + initializer, shapes.Models, StringComparison.Ordinal);
        Assert.Empty(shapes.Diagnostics);
        Assert.Empty(shapes.Outcome.CompileDiagnostics);
    }

    [Fact]
    public void A_member_named_additionalProperties_yields_to_the_unknown_member_bag_with_RCG015()
    {
        SchemaShapes shapes = SchemaShapes.Of(
            "    Holder:\n      type: object\n      properties:\n        additionalProperties:\n          type: string\n");

        Assert.Equal(["AdditionalProperties2", "AdditionalProperties"], shapes.MemberNames("Holder"));
        Assert.Equal("string?", shapes.MemberType("Holder", "AdditionalProperties2"));
        Assert.Equal(
            ["RCG015 11:9 The property 'additionalProperties' of 'Holder' maps to the C# name 'AdditionalProperties', already taken; it is generated as 'AdditionalProperties2'"],
            shapes.Diagnostics);
    }

    [Fact]
    public void In_a_closed_record_a_member_named_additionalProperties_keeps_its_name()
    {
        SchemaShapes shapes = SchemaShapes.Of(
            "    Holder:\n      type: object\n      additionalProperties: false\n      properties:\n        additionalProperties:\n          type: string\n");

        Assert.Equal(["AdditionalProperties"], shapes.MemberNames("Holder"));
        Assert.Equal("string?", shapes.MemberType("Holder", "AdditionalProperties"));
        Assert.Empty(shapes.Diagnostics);
    }
}
