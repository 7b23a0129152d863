using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>Names follow what they name; when two things want one name, the generator says so instead of renaming silently.</summary>
public sealed class NameCollisionTests
{
    private const string Header = "openapi: 3.0.3\ninfo:\n  title: Names\n  version: '1'\n";

    private const string OneOperation =
        Header + "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: session\n          in: cookie\n      responses: {}\n";

    [Fact]
    public void Two_contracts_generating_the_same_namespace_and_client_get_RCG017_and_keep_their_other_diagnostics()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(
            new ContractFile("/contracts/one/api.yaml", OneOperation, "Same.Api", "Api"),
            new ContractFile("/contracts/two/api.yaml", OneOperation, "Same.Api", "Api"),
            new ContractFile("/contracts/other.yaml", OneOperation, "Other.Api", "Other"));

        Diagnostic[] collisions = outcome.GeneratorDiagnostics.Where(d => d.Id == "RCG017").ToArray();
        Assert.Equal(2, collisions.Length);
        Assert.All(collisions, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Contains(collisions, d => d.Location.GetLineSpan().Path == "/contracts/one/api.yaml" && d.GetMessage().Contains("/contracts/two/api.yaml", StringComparison.Ordinal));
        Assert.Contains(collisions, d => d.Location.GetLineSpan().Path == "/contracts/two/api.yaml" && d.GetMessage().Contains("/contracts/one/api.yaml", StringComparison.Ordinal));

        // Their own diagnostics are still reported (the cookie parameter of each of the three contracts), and the
        // compiler's CS8785 (which drops every generated file) never happens: the unrelated contract still generates.
        Assert.Equal(3, outcome.GeneratorDiagnostics.Count(d => d.Id == "RCG009"));
        Assert.DoesNotContain(outcome.Output.GetDiagnostics(), d => d.Id == "CS8785");
        Assert.Equal(new[] { "Other.Api.Other.Clients.g.cs", "Other.Api.Other.Json.g.cs", "Other.Api.Other.Models.g.cs" }, outcome.Sources.Keys.Order());
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void A_tag_named_like_the_client_gets_an_operations_client_and_RCG018()
    {
        string contract = Header + "tags:\n  - name: Pets\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      tags: [Pets]\n      responses: {}\n";

        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/pets.yaml", contract, "Test.Pets", "Pets"));

        Diagnostic renamed = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG018", renamed.Id);
        Assert.Equal(DiagnosticSeverity.Info, renamed.Severity);
        Assert.Equal(11, renamed.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("'PetsOperationsClient'", renamed.GetMessage(), StringComparison.Ordinal);
        Assert.Single(outcome.Output.GetSymbolsWithName("PetsOperationsClient", SymbolFilter.Type));
        Assert.Single(outcome.Output.GetSymbolsWithName("IPetsOperationsClient", SymbolFilter.Type));
        Assert.Empty(outcome.Output.GetSymbolsWithName("PetsClient2", SymbolFilter.Type));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void Operations_sharing_a_response_each_return_a_type_named_after_themselves()
    {
        string contract = Header
            + "components:\n  responses:\n    trueSuccess:\n      description: ok\n      content:\n        application/json:\n          schema:\n"
            + "            type: object\n            properties:\n              success:\n                type: boolean\n              data:\n                type: object\n                properties:\n                  id:\n                    type: string\n"
            + "paths:\n  /enable:\n    post:\n      operationId: enableEmail\n      responses:\n        '200':\n          $ref: '#/components/responses/trueSuccess'\n"
            + "  /send:\n    post:\n      operationId: sendEmailCode\n      responses:\n        '200':\n          $ref: '#/components/responses/trueSuccess'\n";

        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/shared.yaml", contract, "Test.Shared", "Shared"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        IMethodSymbol send = outcome.Output.GetSymbolsWithName("SendEmailCodeAsync", SymbolFilter.Member).OfType<IMethodSymbol>().First();
        IMethodSymbol enable = outcome.Output.GetSymbolsWithName("EnableEmailAsync", SymbolFilter.Member).OfType<IMethodSymbol>().First();
        Assert.Equal("Task<SendEmailCodeResponse>", send.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        Assert.Equal("Task<EnableEmailResponse>", enable.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        Assert.Single(outcome.Output.GetSymbolsWithName("SendEmailCodeResponseData", SymbolFilter.Type));
    }
}
