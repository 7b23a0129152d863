using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// A small contract generated in memory, read the way a caller reads it: the client method signatures it declares,
/// its diagnostics with their message and 1-based YAML position.
/// </summary>
public sealed class OperationContract
{
    public const string Header = "openapi: 3.0.3\ninfo:\n  title: Operations\n  version: '1'\n";

    public const string Path = "/contracts/ops.yaml";

    private OperationContract(GeneratorOutcome outcome) => Outcome = outcome;

    public GeneratorOutcome Outcome { get; }

    public IEnumerable<Diagnostic> Diagnostics => Outcome.GeneratorDiagnostics;

    /// <summary>The generated Clients file.</summary>
    public string Clients => Outcome.Sources.Single(s => s.Key.EndsWith(".Clients.g.cs", StringComparison.Ordinal)).Value;

    /// <summary>Generates <paramref name="yaml"/> (the header is prepended) with the given client name.</summary>
    public static OperationContract Generate(string yaml, string clientName = "Ops", string? ns = "Test.Ops")
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile(Path, Header + yaml, ns, clientName));
        Assert.Null(outcome.Run.Results.Single().Exception);
        return new OperationContract(outcome);
    }

    /// <summary>
    /// The interface declaration of <paramref name="method"/>, without the <c>global::</c> prefixes and the trailing
    /// cancellation token every method ends with: <c>Task&lt;Pet&gt; GetPetAsync(long petId, string? q = null)</c>.
    /// </summary>
    public string Signature(string method)
    {
        string[] lines = Clients.Split('\n')
            .Select(l => l.Trim())
            .Where(l => Regex.IsMatch(l, @"^[^ ]+ " + Regex.Escape(method) + @"\(.*\);$"))
            .ToArray();
        string line = Assert.Single(lines);
        return line.Replace("global::System.Threading.Tasks.", string.Empty, StringComparison.Ordinal)
            .Replace("global::System.Collections.Generic.", string.Empty, StringComparison.Ordinal)
            .Replace("global::System.Text.Json.", string.Empty, StringComparison.Ordinal)
            .Replace("global::System.IO.", string.Empty, StringComparison.Ordinal)
            .Replace("global::System.Threading.CancellationToken cancellationToken = default", "CT", StringComparison.Ordinal)
            .Replace(", CT);", ")", StringComparison.Ordinal)
            .Replace("(CT);", "()", StringComparison.Ordinal);
    }

    /// <summary>The single diagnostic with <paramref name="id"/>, its message and 1-based line and column.</summary>
    public (string Message, int Line, int Column) Single(string id)
    {
        Diagnostic diagnostic = Assert.Single(Diagnostics, d => d.Id == id);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal(Path, span.Path);
        return (diagnostic.GetMessage(), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    /// <summary>The ids of every diagnostic, sorted: what a test expects nothing more than.</summary>
    public string[] Ids => Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal).ToArray();

    public void CompilesCleanly() => Assert.Empty(Outcome.CompileDiagnostics);
}
