using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// Names the generator derives or is given: members whose JSON names map to one C# name are numbered 2, 3, … in
/// order; a keyword given as x-csharp-name is refused with RCG016; a diagnostic on a one-line value spans the value.
/// </summary>
public sealed class IdentifierRulesTests
{
    [Fact]
    public void Members_that_map_to_one_name_are_numbered_from_2_upwards_in_contract_order()
    {
        SchemaShapes shapes = SchemaShapes.Of(
            "    Thing:\n      type: object\n      properties:\n"
            + "        a-b: { type: string }\n        a_b: { type: integer, format: int32 }\n        a.b: { type: boolean }\n        a b: { type: number }\n");

        Assert.Equal(["AB", "AB2", "AB3", "AB4"], shapes.MemberNames("Thing").Where(n => n.StartsWith("AB", StringComparison.Ordinal)));
        Assert.Equal("int?", shapes.MemberType("Thing", "AB2"));
        Assert.Equal("double?", shapes.MemberType("Thing", "AB4"));
        Assert.Empty(shapes.Outcome.CompileDiagnostics);
    }

    [Theory]
    [InlineData("class")]
    [InlineData("namespace")]
    [InlineData("")]
    public void A_keyword_or_empty_x_csharp_name_is_RCG016_and_the_derived_name_is_used(string requested)
    {
        SchemaShapes shapes = SchemaShapes.Of(
            $"    Thing:\n      type: object\n      properties:\n        kind:\n          type: string\n          x-csharp-name: '{requested}'\n");

        Assert.Equal("string?", shapes.MemberType("Thing", "Kind"));
        Assert.Contains(shapes.Diagnostics, d => d.StartsWith("RCG016 ", StringComparison.Ordinal) && d.Contains("'Kind' is used instead", StringComparison.Ordinal));
        Assert.Empty(shapes.Outcome.CompileDiagnostics);
    }

    [Fact]
    public void A_diagnostic_on_a_one_line_value_spans_the_value_and_one_on_a_block_spans_one_character()
    {
        SchemaShapes shapes = SchemaShapes.Of(
            "    Thing:\n      type: object\n      properties:\n"
            + "        missing: { $ref: '#/components/schemas/Nowhere' }\n"
            + "        odd:\n          type: object\n          properties:\n            x: { type: string }\n          x-csharp-name: not valid\n");

        Diagnostic unresolved = Assert.Single(shapes.Outcome.GeneratorDiagnostics, d => d.Id == "RCG003");
        Assert.Equal("'#/components/schemas/Nowhere'".Length, unresolved.Location.SourceSpan.Length);
        Diagnostic invalidName = Assert.Single(shapes.Outcome.GeneratorDiagnostics, d => d.Id == "RCG016");
        Assert.Equal("x-csharp-name".Length, invalidName.Location.SourceSpan.Length);
    }
}
