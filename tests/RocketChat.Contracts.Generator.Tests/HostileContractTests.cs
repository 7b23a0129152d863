using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>Every contract string is escaped before it becomes C#: a hostile contract compiles and injects nothing.</summary>
public sealed class HostileContractTests
{
    [Fact]
    public void Names_docs_and_literals_from_a_hostile_contract_cannot_inject_code()
    {
        string path = Path.Combine(RepoPaths.TestContracts, "hostile.yaml");
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile(path, File.ReadAllText(path), "Test.Hostile", "Hostile"));

        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Empty(outcome.Output.GetSymbolsWithName(name => name.StartsWith("Pwned", StringComparison.Ordinal), SymbolFilter.All));

        // The hostile values survive as data: wire names and enum values are escaped literals, not lost.
        string models = outcome.Sources.Single(s => s.Key.EndsWith("Models.g.cs", StringComparison.Ordinal)).Value;
        string clients = outcome.Sources.Single(s => s.Key.EndsWith("Clients.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("[global::System.Text.Json.Serialization.JsonPropertyName(\"we\\\"ird\\\\name\")]", models);
        Assert.Contains("new Evil(\"\\u2029}class PwnedEnum{}\")", models);
        Assert.Contains("call.AddQuery(\"q\\\"&x=1\", ", clients);
        Assert.DoesNotContain("<script>", clients);
    }
}
