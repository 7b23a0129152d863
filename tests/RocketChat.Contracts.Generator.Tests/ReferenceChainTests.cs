using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// $ref chains on parameters, responses and path items (not schemas): a chain is followed to its end, a loop is
/// reported with RCG013 at the $ref that closes it, and the rest of the contract is still generated.
/// </summary>
public sealed class ReferenceChainTests
{
    private const string Header = "openapi: 3.0.3\ninfo: { title: Chains, version: '1' }\n";

    private static string Contract(string components) =>
        Header
        + "paths:\n"
        + "  /things:\n"
        + "    get:\n"
        + "      operationId: listThings\n"
        + "      parameters:\n"
        + "        - $ref: '#/components/parameters/P0'\n"
        + "      responses:\n"
        + "        '200': { description: ok }\n"
        + "  /other:\n"
        + "    get:\n"
        + "      operationId: getOther\n"
        + "      responses:\n"
        + "        '200': { description: ok }\n"
        + "components:\n"
        + "  parameters:\n"
        + components;

    private static string Chain(int references) =>
        string.Concat(Enumerable.Range(0, references).Select(i => $"    P{i}:\n      $ref: '#/components/parameters/P{i + 1}'\n"))
        + $"    P{references}:\n      name: limit\n      in: query\n      schema: {{ type: integer, format: int32 }}\n";

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(40)]
    public void A_chain_of_parameter_references_of_any_length_is_followed_to_the_parameter(int references)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("chain.yaml", Contract(Chain(references)), "Test.Chains", "Chains"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        IMethodSymbol list = outcome.Output.GetSymbolsWithName("ListThingsAsync", SymbolFilter.Member).OfType<IMethodSymbol>().First();
        Assert.Contains(list.Parameters, p => p.Name == "limit");
    }

    [Fact]
    public void A_parameter_reference_loop_is_RCG013_at_the_ref_that_closes_it_and_the_other_operations_are_generated()
    {
        const string loop = "    P0:\n      $ref: '#/components/parameters/P1'\n    P1:\n      $ref: '#/components/parameters/P0'\n";
        string contract = Contract(loop);

        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("loop.yaml", contract, "Test.Chains", "Chains"));

        Diagnostic circular = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "RCG013");
        Assert.Equal(DiagnosticSeverity.Error, circular.Severity);
        Assert.Contains("'#/components/parameters/", circular.GetMessage(), StringComparison.Ordinal);
        int at = circular.Location.SourceSpan.Start;
        Assert.StartsWith("'#/components/parameters/P", contract[at..], StringComparison.Ordinal);
        Assert.Contains(outcome.Output.GetSymbolsWithName("GetOtherAsync", SymbolFilter.Member), _ => true);
    }

    [Fact]
    public void A_response_that_refers_to_itself_is_RCG013_not_a_hang()
    {
        string contract = Header
            + "paths:\n  /x:\n    get:\n      operationId: getX\n      responses:\n        '200':\n          $ref: '#/components/responses/Again'\n"
            + "components:\n  responses:\n    Again:\n      $ref: '#/components/responses/Again'\n";

        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("self.yaml", contract, "Test.Chains", "Chains"));

        Diagnostic circular = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "RCG013");
        Assert.Equal("The reference '#/components/responses/Again' refers back to itself", circular.GetMessage());
    }
}
