namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// allOf is composition: its parts and the schema's own properties become one record; a single part with nothing of
/// its own is that part; a part that cannot be read is reported once, at its $ref, and the rest is still merged.
/// </summary>
public sealed class AllOfMergeTests
{
    private const string Base =
        "    Base:\n      type: object\n      required: [id]\n      properties:\n        id: { type: string }\n";

    [Fact]
    public void Own_properties_next_to_a_single_part_are_merged_with_it_into_one_record()
    {
        SchemaShapes shapes = SchemaShapes.Of(Base
            + "    Derived:\n      allOf:\n        - $ref: '#/components/schemas/Base'\n      required: [extra]\n      properties:\n        extra: { type: integer }\n");

        Assert.Equal(["Id", "Extra", "AdditionalProperties"], shapes.MemberNames("Derived"));
        Assert.Equal("string", shapes.MemberType("Derived", "Id"));
        Assert.Equal("long", shapes.MemberType("Derived", "Extra"));
        Assert.Empty(shapes.Diagnostics);
    }

    [Fact]
    public void Parts_and_own_properties_merge_in_order_with_every_required_list()
    {
        SchemaShapes shapes = SchemaShapes.Of(Base
            + "    Derived:\n      allOf:\n        - $ref: '#/components/schemas/Base'\n"
            + "        - type: object\n          required: [name]\n          properties:\n            name: { type: string }\n            note: { type: string }\n"
            + "      required: [extra]\n      properties:\n        extra: { type: boolean }\n");

        Assert.Equal(["Id", "Name", "Note", "Extra", "AdditionalProperties"], shapes.MemberNames("Derived"));
        Assert.Equal(["string", "string", "string?", "bool"], new[] { "Id", "Name", "Note", "Extra" }.Select(m => shapes.MemberType("Derived", m)));
        Assert.Empty(shapes.Diagnostics);
    }

    [Fact]
    public void A_single_part_with_no_properties_of_its_own_is_that_part()
    {
        SchemaShapes shapes = SchemaShapes.Of(Base
            + "    Alias:\n      allOf:\n        - $ref: '#/components/schemas/Base'\n      properties: {}\n"
            + "    Holder:\n      type: object\n      properties:\n        b: { $ref: '#/components/schemas/Alias' }\n");

        Assert.Equal("Base?", shapes.MemberType("Holder", "B"));
        Assert.Null(shapes.Type("Alias"));
    }

    [Fact]
    public void A_component_made_of_one_inline_part_is_a_record_with_the_component_name()
    {
        SchemaShapes shapes = SchemaShapes.Of(
            "    Single:\n      allOf:\n        - type: object\n          properties:\n            a: { type: string }\n");

        Assert.Equal("string?", shapes.MemberType("Single", "A"));
        Assert.Null(shapes.Type("Single2"));
    }

    [Fact]
    public void An_external_part_is_reported_once_with_RCG004_and_the_other_parts_are_merged()
    {
        SchemaShapes shapes = SchemaShapes.Of(
            "    Mixed:\n"                                                     // 8
            + "      allOf:\n"                                                 // 9
            + "        - $ref: 'other.yaml#/components/schemas/X'\n"           // 10
            + "        - type: object\n          properties:\n            a: { type: string }\n");

        Assert.Equal(["A", "AdditionalProperties"], shapes.MemberNames("Mixed"));
        Assert.Equal(
            ["RCG004 10:17 The reference 'other.yaml#/components/schemas/X' points outside this contract; only local '#/components/...' references are followed"],
            shapes.Diagnostics);
    }

    [Fact]
    public void A_missing_local_part_is_reported_once_with_RCG003_and_the_other_parts_are_merged()
    {
        SchemaShapes shapes = SchemaShapes.Of(
            "    Mixed:\n"                                                     // 8
            + "      allOf:\n"                                                 // 9
            + "        - $ref: '#/components/schemas/Missing'\n"               // 10
            + "        - type: object\n          properties:\n            a: { type: string }\n");

        Assert.Equal(["A", "AdditionalProperties"], shapes.MemberNames("Mixed"));
        Assert.Equal(["RCG003 10:17 The reference '#/components/schemas/Missing' does not resolve to anything in this contract"], shapes.Diagnostics);
    }
}
