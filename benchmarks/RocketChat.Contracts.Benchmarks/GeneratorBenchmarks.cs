using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RocketChat.Contracts.Generator;

namespace RocketChat.Contracts.Benchmarks;

/// <summary>
/// The generator's own cost, driven in-process the way the compiler drives it (CSharpGeneratorDriver, as in the
/// generator tests' harness): a first run on a contract, and a re-run after an unrelated C# edit with the driver
/// kept (what the IDE and incremental builds do), where every step should come from the cache.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions s_parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private AdditionalText _contract = null!;
    private ContractOptionsProvider _options = null!;
    private GeneratorDriver _warmDriver = null!;

    /// <summary>livechat.yaml is our contract (24 operations); omnichannel.yaml is Rocket.Chat's official spec (165 operations).</summary>
    [Params("livechat.yaml", "omnichannel.yaml")]
    public string Contract { get; set; } = "livechat.yaml";

    [GlobalSetup]
    public void Setup()
    {
        (string path, string ns, string client) = Contract == "livechat.yaml"
            ? (RepoPaths.LivechatContract, "RocketChat.Livechat", "Livechat")
            : (RepoPaths.OmnichannelSpec, "RocketChat.Omnichannel", "Omnichannel");
        _contract = new InMemoryAdditionalText(path, File.ReadAllText(path));
        _options = new ContractOptionsProvider(path, ns, client);
        _compilation = CreateCompilation("namespace Consumer { public class A { } }");
        _edited = _compilation.ReplaceSyntaxTree(
            _compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText("namespace Consumer { public class A { public int Added; } public class B { } }", s_parseOptions, path: "Source0.cs"));

        _warmDriver = CreateDriver(trackSteps: false).RunGenerators(_compilation);
        GeneratorRunResult first = _warmDriver.GetRunResult().Results.Single();
        if (first.Exception is not null || first.GeneratedSources.Length == 0 || first.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException($"The generator did not produce sources for {Contract}: {first.Exception?.Message} {string.Join("; ", first.Diagnostics)}");
        }

        // Prove the re-run measured below is the cached path: with step tracking on, every output must be Cached.
        GeneratorDriver tracked = CreateDriver(trackSteps: true).RunGenerators(_compilation).RunGenerators(_edited);
        GeneratorRunResult rerun = tracked.GetRunResult().Results.Single();
        IncrementalStepRunReason[] reasons = rerun.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        if (reasons.Length == 0 || reasons.Any(r => r != IncrementalStepRunReason.Cached))
        {
            throw new InvalidOperationException($"Re-run after an unrelated edit was not fully cached: {string.Join(", ", reasons)}");
        }

        int lines = first.GeneratedSources.Sum(s => s.SourceText.Lines.Count);
        Console.WriteLine($"// {Contract}: {first.GeneratedSources.Length} files, {lines} generated lines; re-run after an unrelated edit: all {reasons.Length} outputs Cached");
    }

    /// <summary>A fresh driver: parse the YAML, build the model, emit and parse the generated sources.</summary>
    [Benchmark]
    public GeneratorDriver FirstRun() => CreateDriver(trackSteps: false).RunGenerators(_compilation);

    /// <summary>The warm driver on a compilation where an unrelated C# file changed.</summary>
    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit() => _warmDriver.RunGenerators(_edited);

    private GeneratorDriver CreateDriver(bool trackSteps) => CSharpGeneratorDriver.Create(
        [new ContractSourceGenerator().AsSourceGenerator()],
        [_contract],
        s_parseOptions,
        _options,
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private static CSharpCompilation CreateCompilation(string source)
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        ImmutableArray<MetadataReference> references = trusted.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(RocketChat.Contracts.Runtime.ApiRequest).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
        return CSharpCompilation.Create(
            "GeneratorBenchmarks",
            [CSharpSyntaxTree.ParseText(source, s_parseOptions, path: "Source0.cs")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The item metadata the build passes (Namespace, ClientName), as analyzer config options.</summary>
    private sealed class ContractOptionsProvider(string path, string ns, string clientName) : AnalyzerConfigOptionsProvider
    {
        private static readonly DictionaryOptions s_empty = new([]);
        private readonly DictionaryOptions _contract = new(new()
        {
            ["build_metadata.AdditionalFiles.Namespace"] = ns,
            ["build_metadata.AdditionalFiles.ClientName"] = clientName,
        });

        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new() { ["build_property.RootNamespace"] = "Consumer" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == path ? _contract : s_empty;
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
