namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// oneOf/anyOf with a discriminator over $refs to records declaring it: an abstract base record; every alternative
/// that cannot be a derived record is reported with RCG007 at that alternative, and the union is a JsonElement.
/// </summary>
public sealed class DiscriminatedUnionShapeTests
{
    // Lines 8 to 17.
    private const string Records =
        "    Cat:\n      type: object\n      required: [kind]\n      properties:\n        kind: { type: string }\n"
        + "    Dog:\n      type: object\n      required: [kind]\n      properties:\n        kind: { type: string }\n";

    private const string Diagnostic = " is not supported here; the value is exposed as a JsonElement";

    [Theory]
    [InlineData("oneOf")]
    [InlineData("anyOf")]
    public void OneOf_or_anyOf_with_a_discriminator_is_an_abstract_base_of_its_alternatives(string keyword)
    {
        SchemaShapes shapes = SchemaShapes.Of(Records
            + "    Pet:\n      " + keyword + ": [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }]\n      discriminator: { propertyName: kind }\n");

        Assert.True(shapes.Type("Pet")!.IsAbstract);
        Assert.Equal("Pet", shapes.Type("Cat")!.BaseType!.Name);
        Assert.Equal("Pet", shapes.Type("Dog")!.BaseType!.Name);
        Assert.Empty(shapes.Diagnostics);
        Assert.Empty(shapes.Outcome.CompileDiagnostics);
    }

    [Fact]
    public void A_null_alternative_is_no_case_and_makes_a_member_of_the_union_nullable()
    {
        SchemaShapes shapes = SchemaShapes.Of(Records
            + "    MaybePet:\n      oneOf:\n        - $ref: '#/components/schemas/Cat'\n        - $ref: '#/components/schemas/Dog'\n        - type: 'null'\n      discriminator: { propertyName: kind }\n"
            + "    Holder:\n      type: object\n      required: [pet]\n      properties:\n        pet: { $ref: '#/components/schemas/MaybePet' }\n",
            openApi: "3.1.0");

        Assert.True(shapes.Type("MaybePet")!.IsAbstract);
        Assert.Equal("MaybePet", shapes.Type("Cat")!.BaseType!.Name);
        Assert.Equal("MaybePet?", shapes.MemberType("Holder", "Pet"));
        Assert.Empty(shapes.Diagnostics);
    }

    [Fact]
    public void A_discriminator_without_propertyName_is_reported_at_the_discriminator()
    {
        SchemaShapes shapes = SchemaShapes.Of(Records
            + "    Pet:\n"                                                          // 18
            + "      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }]\n"
            + "      discriminator: { mapping: { cat: '#/components/schemas/Cat' } }\n"); // 20

        Assert.Null(shapes.Type("Pet"));
        Assert.Equal(["RCG007 20:7 'discriminator without propertyName'" + Diagnostic], shapes.Diagnostics);
    }

    [Fact]
    public void An_inline_alternative_is_reported_at_that_alternative_and_no_alternative_keeps_a_base()
    {
        SchemaShapes shapes = SchemaShapes.Of(Records
            + "    Pet:\n"                                                           // 18
            + "      oneOf:\n"                                                       // 19
            + "        - $ref: '#/components/schemas/Cat'\n"                         // 20
            + "        - type: object\n          properties:\n            kind: { type: string }\n" // 21
            + "      discriminator: { propertyName: kind }\n");

        Assert.Null(shapes.Type("Pet"));
        Assert.Equal("Object", shapes.Type("Cat")!.BaseType!.Name);
        Assert.Equal(["RCG007 21:11 'a discriminated alternative that is not a $ref to a component schema'" + Diagnostic], shapes.Diagnostics);
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("Nested")]
    public void An_alternative_that_is_no_record_declaring_the_discriminator_is_reported_at_that_alternative(string alternative)
    {
        SchemaShapes shapes = SchemaShapes.Of(Records
            + "    Nested:\n      oneOf: [{ $ref: '#/components/schemas/Cat' }]\n      discriminator: { propertyName: kind }\n" // 18-20
            + "    Name:\n      type: string\n"                                   // 21-22
            + "    Pet:\n"                                                        // 23
            + "      oneOf:\n"                                                    // 24
            + "        - $ref: '#/components/schemas/Dog'\n"                      // 25
            + "        - $ref: '#/components/schemas/" + alternative + "'\n"       // 26
            + "      discriminator: { propertyName: kind }\n");

        Assert.Null(shapes.Type("Pet"));
        Assert.Equal("Object", shapes.Type("Dog")!.BaseType!.Name);
        Assert.Equal(["RCG007 26:11 'a discriminated alternative that is not an object declaring 'kind''" + Diagnostic], shapes.Diagnostics);
    }

    [Fact]
    public void An_alternative_to_a_missing_component_is_reported_at_its_ref_and_at_the_alternative()
    {
        SchemaShapes shapes = SchemaShapes.Of(Records
            + "    Pet:\n      oneOf:\n        - $ref: '#/components/schemas/Missing'\n      discriminator: { propertyName: kind }\n"); // 18-21

        Assert.Null(shapes.Type("Pet"));
        Assert.Equal(
            [
                "RCG003 20:17 The reference '#/components/schemas/Missing' does not resolve to anything in this contract",
                "RCG007 20:11 'a discriminated alternative that is not an object declaring 'kind''" + Diagnostic,
            ],
            shapes.Diagnostics);
    }

    [Fact]
    public void A_record_in_a_second_union_is_reported_there_and_keeps_its_first_base()
    {
        SchemaShapes shapes = SchemaShapes.Of(Records
            + "    Pet:\n      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }]\n      discriminator: { propertyName: kind }\n" // 18-20
            + "    Feline:\n      oneOf:\n        - $ref: '#/components/schemas/Cat'\n      discriminator: { propertyName: kind }\n"); // 21-24

        Assert.Equal("Pet", shapes.Type("Cat")!.BaseType!.Name);
        Assert.Null(shapes.Type("Feline"));
        Assert.Equal(["RCG007 23:11 ''Cat' in a second discriminated union (it already derives from 'Pet')'" + Diagnostic], shapes.Diagnostics);
    }
}
