using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>Rocket.Chat's own omnichannel.yaml (165 operations, inline schemas, ':' in operationIds, auth as header parameters) is accepted.</summary>
public sealed class OfficialSpecTests
{
    [Fact]
    public void The_official_omnichannel_spec_generates_a_client_that_compiles()
    {
        string path = Path.Combine(RepoPaths.SharedReference, "openapi", "omnichannel.yaml");
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile(path, File.ReadAllText(path), "RocketChat.Omnichannel", "Omnichannel"));

        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(outcome.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));

        // Every operation becomes a method, the multipart upload (livechat/upload/{rid}) included: nothing is skipped.
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id is "RCG008" or "RCG009");
        INamedTypeSymbol[] clients = outcome.Output.GetSymbolsWithName(n => n.EndsWith("Client", StringComparison.Ordinal), SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.TypeKind == TypeKind.Class && t.ContainingNamespace.ToDisplayString() == "RocketChat.Omnichannel" && t.Name != "OmnichannelClient")
            .ToArray();
        int operations = clients.Sum(c => c.GetMembers().OfType<IMethodSymbol>().Count(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.ReturnType.Name == "Task"));
        Assert.Equal(165, operations);

        // Auth header parameters became client-level authentication, not method arguments.
        Assert.DoesNotContain(clients.SelectMany(c => c.GetMembers().OfType<IMethodSymbol>()).SelectMany(m => m.Parameters), p => p.Name is "xAuthToken" or "xUserId");
    }
}
