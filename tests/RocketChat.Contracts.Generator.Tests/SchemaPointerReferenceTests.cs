namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// A $ref into a component schema (<c>#/components/schemas/Pet/properties/name</c>) reads the schema it points to, named
/// after its last segment; a pointer that resolves to nothing or back into itself is reported at the $ref.
/// </summary>
public sealed class SchemaPointerReferenceTests
{
    private const string Pet =
        "    Pet:\n      type: object\n      properties:\n        name: { type: string }\n"
        + "        owner:\n          type: object\n          properties:\n            id: { type: string }\n";

    [Fact]
    public void A_pointer_into_a_component_reads_the_schema_it_points_to_as_often_as_it_is_used()
    {
        SchemaShapes shapes = SchemaShapes.Of(
            "    Holder:\n      type: object\n      properties:\n"
            + "        petName: { $ref: '#/components/schemas/Pet/properties/name' }\n"
            + "        nickname: { $ref: '#/components/schemas/Pet/properties/name' }\n"
            + "        owner: { $ref: '#/components/schemas/Pet/properties/owner' }\n"
            + Pet);

        Assert.Equal("string?", shapes.MemberType("Holder", "PetName"));
        Assert.Equal("string?", shapes.MemberType("Holder", "Nickname"));
        // The inline object is read first through the pointer, so it is named after the pointer's last segment, once.
        Assert.Equal("Owner?", shapes.MemberType("Holder", "Owner"));
        Assert.Equal("Owner?", shapes.MemberType("Pet", "Owner"));
        Assert.Equal("string?", shapes.MemberType("Owner", "Id"));
        Assert.Empty(shapes.Diagnostics);
        Assert.Empty(shapes.Outcome.CompileDiagnostics);
    }

    [Fact]
    public void Escaped_and_indexed_pointer_segments_reach_the_member_they_name()
    {
        SchemaShapes shapes = SchemaShapes.Of(
            "    Holder:\n      type: object\n      properties:\n"
            + "        slash: { $ref: '#/components/schemas/Odd/properties/a~1b' }\n"
            + "        tilde: { $ref: '#/components/schemas/Odd/properties/c~0d' }\n"
            + "        space: { $ref: '#/components/schemas/Odd/properties/e%20f' }\n"
            + "        second: { $ref: '#/components/schemas/Mixed/allOf/1/properties/flag' }\n"
            + "    Odd:\n      type: object\n      properties:\n"
            + "        'a/b': { type: integer }\n        'c~d': { type: boolean }\n        'e f': { type: number }\n"
            + "    Mixed:\n      allOf:\n"
            + "        - type: object\n          properties:\n            flag: { type: string }\n"
            + "        - type: object\n          properties:\n            flag: { type: boolean }\n");

        Assert.Equal("long?", shapes.MemberType("Holder", "Slash"));
        Assert.Equal("bool?", shapes.MemberType("Holder", "Tilde"));
        Assert.Equal("double?", shapes.MemberType("Holder", "Space"));
        Assert.Equal("bool?", shapes.MemberType("Holder", "Second"));
        Assert.Empty(shapes.Outcome.CompileDiagnostics);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData("first")]
    public void An_index_past_or_outside_a_list_is_a_pointer_to_nothing(string index)
    {
        SchemaShapes shapes = SchemaShapes.Of(
            "    Holder:\n      type: object\n      properties:\n"
            + $"        x: {{ $ref: '#/components/schemas/Mixed/allOf/{index}' }}\n"
            + "    Mixed:\n      allOf:\n        - type: object\n        - type: object\n");

        Assert.Equal("JsonElement?", shapes.MemberType("Holder", "X"));
        Assert.Equal(["RCG003"], shapes.Outcome.GeneratorDiagnostics.Select(d => d.Id));
    }

    [Fact]
    public void A_pointer_to_nothing_is_a_JsonElement_with_RCG003_at_the_ref()
    {
        SchemaShapes shapes = SchemaShapes.Of(
            "    Holder:\n      type: object\n      properties:\n"
            + "        missing:\n          $ref: '#/components/schemas/Pet/properties/age'\n"
            + Pet);

        Assert.Equal("JsonElement?", shapes.MemberType("Holder", "Missing"));
        Assert.Equal(["RCG003 12:17 The reference '#/components/schemas/Pet/properties/age' does not resolve to anything in this contract"], shapes.Diagnostics);
    }

    [Fact]
    public void A_pointer_back_into_itself_is_a_JsonElement_with_RCG013_at_the_ref()
    {
        SchemaShapes shapes = SchemaShapes.Of(
            "    Tree:\n"                                                      // 8
            + "      type: object\n"                                           // 9
            + "      properties:\n"                                            // 10
            + "        children:\n"                                            // 11
            + "          type: array\n"                                        // 12
            + "          items:\n"                                             // 13
            + "            $ref: '#/components/schemas/Tree/properties/children'\n"); // 14

        Assert.Equal("IReadOnlyList<IReadOnlyList<JsonElement>>?", shapes.MemberType("Tree", "Children"));
        Assert.Equal(["RCG013 14:19 The reference '#/components/schemas/Tree/properties/children' refers back to itself"], shapes.Diagnostics);
    }

    [Fact]
    public void A_component_that_is_a_ref_is_the_referenced_type_and_its_sibling_properties_are_ignored()
    {
        // OpenAPI 3.0: a $ref replaces its object, siblings included; the component is no record of its own.
        SchemaShapes shapes = SchemaShapes.Of(Pet
            + "    Alias:\n      $ref: '#/components/schemas/Pet'\n      properties:\n        extra: { type: string }\n"
            + "    Holder:\n      type: object\n      properties:\n        pet: { $ref: '#/components/schemas/Alias' }\n");

        Assert.Equal("Pet?", shapes.MemberType("Holder", "Pet"));
        Assert.Null(shapes.Type("Alias"));
        Assert.Empty(shapes.Diagnostics);
    }
}
