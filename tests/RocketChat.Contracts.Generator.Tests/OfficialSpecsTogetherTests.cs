using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// All 12 official files in one project compile without an error: their generated code does not collide, and since
/// each file's code is in its own namespace and independent of the others, each file alone compiles too. A class of
/// its own so it runs beside the per-file tests rather than after them.
/// </summary>
public sealed class OfficialSpecsTogetherTests
{
    [SharedReferenceFact]
    public void All_twelve_official_files_compile_together_in_one_project()
    {
        ContractFile[] contracts = OfficialSpecTests.Files.Select(row => OfficialSpecTests.Contract((string)row[0])).ToArray();
        Assert.Equal(12, contracts.Length);

        GeneratorOutcome outcome = GeneratorHarness.Run(contracts);

        Assert.Empty(outcome.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(36, outcome.Sources.Count);
        int methods = OfficialSpecTests.Files.Sum(row => OfficialSpecTests.Methods(outcome, OfficialSpecTests.Namespace((string)row[0])));
        Assert.Equal(OfficialSpecTests.Files.Sum(row => (int)row[2]), methods);
    }
}
