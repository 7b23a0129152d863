using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>A contract as the compiler sees it: an AdditionalFiles path, its text and its item metadata.</summary>
public sealed record ContractFile(string Path, string Text, string? Namespace = "Test.Api", string? ClientName = null, string? Visibility = null, string? ContractRole = null);

/// <summary>Runs the generator in-process on a compilation, the way the compiler does.</summary>
public static class GeneratorHarness
{
    private static readonly ImmutableArray<MetadataReference> s_references = LoadReferences();

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "GeneratorTests",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), path: $"Source{i}.cs")),
            s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(params ContractFile[] contracts) => CreateDriver(contracts, out _);

    /// <summary>Creates the driver and hands back the AdditionalText instances, so a test can replace one later.</summary>
    public static GeneratorDriver CreateDriver(ContractFile[] contracts, out AdditionalText[] texts)
    {
        texts = contracts.Select(ToAdditionalText).ToArray();
        return CSharpGeneratorDriver.Create(
            new[] { new ContractSourceGenerator().AsSourceGenerator() },
            texts,
            CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview),
            new MetadataOptionsProvider(contracts),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static AdditionalText ToAdditionalText(ContractFile contract) => new InMemoryAdditionalText(contract.Path, contract.Text);

    /// <summary>Generates from the contracts and compiles the result; returns the run and the compiled output's diagnostics.</summary>
    public static GeneratorOutcome Run(params ContractFile[] contracts)
    {
        CSharpCompilation compilation = CreateCompilation("namespace Consumer { public static class Marker { } }");
        GeneratorDriver driver = CreateDriver(contracts).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return new GeneratorOutcome(driver.GetRunResult(), WithNullableWarnings(output));
    }

    /// <summary>The directive that turns the compiler's nullable analysis off in every generated file, to save build time.</summary>
    public const string NullableWarningsOff = "#nullable disable warnings\n";

    /// <summary>
    /// Generated files switch nullable warnings off so that consumers do not pay for the analysis at each build. The
    /// tests switch them back on: every test that asserts a clean compile also asserts the generated code is
    /// nullable-clean.
    /// </summary>
    public static Compilation WithNullableWarnings(Compilation output)
    {
        foreach (SyntaxTree tree in output.SyntaxTrees.ToArray())
        {
            string text = tree.GetText().ToString();
            if (text.Contains(NullableWarningsOff, StringComparison.Ordinal))
            {
                // An empty line in its place keeps every line number, so a compile diagnostic points at the generated file's line.
                SyntaxTree analysed = CSharpSyntaxTree.ParseText(text.Replace(NullableWarningsOff, "\n", StringComparison.Ordinal), (CSharpParseOptions)tree.Options, tree.FilePath);
                output = output.ReplaceSyntaxTree(tree, analysed);
            }
        }

        return output;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(RocketChat.Contracts.Runtime.ApiRequest).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class MetadataOptionsProvider(IReadOnlyList<ContractFile> contracts) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new() { ["build_property.RootNamespace"] = "Consumer" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(new());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            ContractFile? contract = contracts.FirstOrDefault(c => c.Path == textFile.Path);
            var values = new Dictionary<string, string>();
            if (contract?.Namespace is { } ns)
            {
                values["build_metadata.AdditionalFiles.Namespace"] = ns;
            }

            if (contract?.ClientName is { } name)
            {
                values["build_metadata.AdditionalFiles.ClientName"] = name;
            }

            if (contract?.Visibility is { } visibility)
            {
                values["build_metadata.AdditionalFiles.Visibility"] = visibility;
            }

            if (contract?.ContractRole is { } role)
            {
                values["build_metadata.AdditionalFiles.ContractRole"] = role;
            }

            return new DictionaryOptions(values);
        }
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

/// <summary>What one generator run produced.</summary>
public sealed record GeneratorOutcome(GeneratorDriverRunResult Run, Compilation Output)
{
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Run.Diagnostics;

    /// <summary>Errors and warnings of compiling the generated code with the consumer's code.</summary>
    public ImmutableArray<Diagnostic> CompileDiagnostics => Output.GetDiagnostics()
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .ToImmutableArray();

    public IReadOnlyDictionary<string, string> Sources => Run.Results.SelectMany(r => r.GeneratedSources)
        .ToDictionary(s => s.HintName, s => s.SourceText.ToString());
}
