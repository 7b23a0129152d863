using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// An AdditionalFiles option that is not valid falls back to a name that is, and RCG012 names the option, the value
/// and the fallback; without any option the project's RootNamespace, or "Generated", and the file name are used.
/// </summary>
public sealed class OptionFallbackTests
{
    private const string Contract =
        "openapi: 3.0.3\ninfo:\n  title: Options\n  version: '1'\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses: {}\n";

    [Fact]
    public void An_invalid_client_name_falls_back_to_the_file_name()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/order-desk.yaml", Contract, "Test.Api", "Bad Name"));

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG012", diagnostic.Id);
        Assert.Equal("The ClientName 'Bad Name' is not valid here; 'OrderDesk' is used instead", diagnostic.GetMessage());
        Assert.Equal("/contracts/order-desk.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Single(outcome.Output.GetSymbolsWithName("OrderDeskClient", SymbolFilter.Type));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void An_invalid_namespace_is_named_with_the_root_namespace_used_instead()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/ok.yaml", Contract, Namespace: "Bad Namespace"));

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("The Namespace 'Bad Namespace' is not valid here; 'Consumer' is used instead", diagnostic.GetMessage());
    }

    [Fact]
    public void An_unknown_visibility_is_named_with_public_used_instead()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/ok.yaml", Contract, Visibility: "friend"));

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("The Visibility 'friend' is not valid here; 'public' is used instead", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Not A Namespace")]
    public void Without_a_valid_root_namespace_the_namespace_is_Generated(string? rootNamespace)
    {
        GeneratorDriverRunResult run = RunWithRootNamespace(rootNamespace, new ContractFile("/contracts/ok.yaml", Contract, Namespace: null));

        Assert.Empty(run.Diagnostics);
        GeneratedSourceResult[] sources = run.Results.Single().GeneratedSources.ToArray();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.Contains("namespace Generated;", s.SourceText.ToString(), StringComparison.Ordinal));
        Assert.All(sources, s => Assert.StartsWith("Generated.Ok.", s.HintName, StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_namespace_without_a_valid_root_namespace_falls_back_to_Generated()
    {
        GeneratorDriverRunResult run = RunWithRootNamespace("1nvalid", new ContractFile("/contracts/ok.yaml", Contract, Namespace: "Bad Namespace"));

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("The Namespace 'Bad Namespace' is not valid here; 'Generated' is used instead", diagnostic.GetMessage());
    }

    /// <summary>The harness always sets RootNamespace; these runs set it (or leave it out) themselves.</summary>
    private static GeneratorDriverRunResult RunWithRootNamespace(string? rootNamespace, ContractFile contract)
    {
        var global = new Dictionary<string, string>();
        if (rootNamespace != null)
        {
            global["build_property.RootNamespace"] = rootNamespace;
        }

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ContractSourceGenerator().AsSourceGenerator() },
            new[] { GeneratorHarness.ToAdditionalText(contract) },
            CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview),
            new Options(global, contract.Namespace));
        return driver.RunGenerators(GeneratorHarness.CreateCompilation("namespace Consumer { }")).GetRunResult();
    }

    private sealed class Options(Dictionary<string, string> global, string? ns) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(new());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new Values(ns == null ? new() : new() { ["build_metadata.AdditionalFiles.Namespace"] = ns });
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
