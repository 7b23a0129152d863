using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// Names the generator emits itself (the JSON context, the tag clients' interfaces, the root client's Connection,
/// the locals of a method body) are reserved before a contract's own names are given out, so a schema, a tag or a
/// parameter spelled like one is renamed instead of producing code that does not compile.
/// </summary>
public sealed class ReservedGeneratedNameTests
{
    private const string Header = "openapi: 3.0.3\ninfo:\n  title: Reserved\n  version: '1'\n";

    private static GeneratorOutcome Run(string contract)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/reserved.yaml", contract, "Test.Reserved", "Api"));
        Assert.Null(outcome.Run.Results.Single().Exception);
        Assert.Empty(outcome.CompileDiagnostics);
        return outcome;
    }

    private static INamedTypeSymbol Type(GeneratorOutcome outcome, string name) =>
        Assert.IsAssignableFrom<INamedTypeSymbol>(Assert.Single(outcome.Output.GetSymbolsWithName(name, SymbolFilter.Type)));

    [Fact]
    public void A_schema_named_like_the_json_context_is_renamed()
    {
        GeneratorOutcome outcome = Run(Header
            + "components:\n  schemas:\n    ApiJsonContext:\n      type: object\n      properties:\n        a:\n          type: string\npaths: {}\n");

        Assert.Equal(TypeKind.Class, Type(outcome, "ApiJsonContext").TypeKind);
        Assert.Contains("JsonSerializerContext", Type(outcome, "ApiJsonContext").BaseType!.Name, StringComparison.Ordinal);
        Assert.True(Type(outcome, "ApiJsonContext2").IsRecord);
    }

    [Fact]
    public void Schemas_named_like_the_members_of_a_converter_keep_their_names_and_compile()
    {
        // A converter has a names array, ReadValue and WriteValue; records named Names, Value or Reader, used as member
        // types inside converters and as their own converters' types, must still bind to the records.
        GeneratorOutcome outcome = Run(Header
            + "components:\n  schemas:\n"
            + "    Names:\n      type: object\n      properties:\n        first:\n          type: string\n        inner:\n          $ref: '#/components/schemas/Names'\n"
            + "    Value:\n      type: object\n      properties:\n        names:\n          $ref: '#/components/schemas/Names'\n        all:\n          type: array\n          items:\n            $ref: '#/components/schemas/Names'\n"
            + "    Reader:\n      type: object\n      properties:\n        value:\n          $ref: '#/components/schemas/Value'\n"
            + "paths: {}\n");

        Assert.True(Type(outcome, "Names").IsRecord);
        Assert.True(Type(outcome, "Value").IsRecord);
        Assert.True(Type(outcome, "Reader").IsRecord);
    }

    [Fact]
    public void A_tag_named_Connection_does_not_hide_the_root_clients_connection()
    {
        GeneratorOutcome outcome = Run(Header + "paths:\n  /a:\n    get:\n      operationId: getA\n      tags: [Connection]\n      responses: {}\n");

        INamedTypeSymbol client = Type(outcome, "ApiClient");
        Assert.Equal("RocketChatConnection", Assert.IsAssignableFrom<IPropertySymbol>(Assert.Single(client.GetMembers("Connection"))).Type.Name);
        Assert.Equal("IConnectionClient", Assert.IsAssignableFrom<IPropertySymbol>(Assert.Single(client.GetMembers("Connection2"))).Type.Name);
    }

    [Fact]
    public void A_component_keeps_its_name_when_an_inline_schema_read_before_it_wants_the_same_name()
    {
        GeneratorOutcome outcome = Run(Header
            + "components:\n  schemas:\n"
            + "    Owner:\n      type: object\n      properties:\n        pet:\n          type: object\n          properties:\n            inline:\n              type: string\n"
            + "    OwnerPet:\n      type: object\n      properties:\n        component:\n          type: string\n"
            + "paths: {}\n");

        Assert.Single(Type(outcome, "OwnerPet").GetMembers("Component"));
        Assert.Single(Type(outcome, "OwnerPet2").GetMembers("Inline"));
    }

    [Fact]
    public void A_tag_whose_client_would_be_another_tags_interface_is_renamed()
    {
        GeneratorOutcome outcome = Run(Header
            + "paths:\n  /pets:\n    get:\n      operationId: listPets\n      tags: [Pets]\n      responses: {}\n"
            + "  /ipets:\n    get:\n      operationId: listIPets\n      tags: [IPets]\n      responses: {}\n");

        Assert.Equal(TypeKind.Interface, Type(outcome, "IPetsClient").TypeKind);
        Assert.Single(Type(outcome, "IPetsClient2").GetMembers("ListIPetsAsync"));
        Diagnostic renamed = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG018", renamed.Id);
    }

    [Fact]
    public void Parameters_named_like_the_locals_of_a_generated_method_are_renamed()
    {
        string[] reserved = { "cancellationToken", "request", "call", "body", "pageSize", "pageOffset", "pageCount", "pageCancellation" };
        string parameters = string.Concat(reserved.Select(n => "        - name: " + n + "\n          in: query\n          required: true\n          schema:\n            type: string\n"));

        GeneratorOutcome outcome = Run(Header + "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n" + parameters + "      responses: {}\n");

        IMethodSymbol method = Assert.IsAssignableFrom<IMethodSymbol>(Assert.Single(Type(outcome, "DefaultClient").GetMembers("GetAAsync")));
        Assert.Equal(reserved.Select(n => n + "2").Append("cancellationToken"), method.Parameters.Select(p => p.Name));
    }
}
