namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// An inline type is named after where it is (record + member); when a component already has that name, the component
/// keeps it and the inline type takes the next free one, whatever the inline type is (record, enum, allOf, union).
/// </summary>
public sealed class InlineTypeNamingTests
{
    private const string Members =
        "    Cat:\n      type: object\n      properties:\n        kind: { type: string }\n"
        + "    HolderKind:\n      type: object\n      properties:\n        x: { type: string }\n";

    [Theory]
    [InlineData("{ type: object, properties: { a: { type: string } } }")]
    [InlineData("{ type: string, enum: [a, b] }")]
    [InlineData("{ allOf: [{ $ref: '#/components/schemas/Cat' }, { type: object, properties: { a: { type: string } } }] }")]
    [InlineData("{ oneOf: [{ $ref: '#/components/schemas/Cat' }], discriminator: { propertyName: kind } }")]
    public void An_inline_type_named_like_a_component_takes_the_next_free_name(string schema)
    {
        SchemaShapes shapes = SchemaShapes.Of("    Holder:\n      type: object\n      properties:\n        kind: " + schema + "\n" + Members);

        Assert.Equal("HolderKind2?", shapes.MemberType("Holder", "Kind"));
        Assert.Equal("string?", shapes.MemberType("HolderKind", "X"));
        Assert.Empty(shapes.Diagnostics);
        Assert.Empty(shapes.Outcome.CompileDiagnostics);
    }
}
