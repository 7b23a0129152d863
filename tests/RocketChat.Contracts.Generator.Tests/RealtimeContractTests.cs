using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// contracts/livechat-realtime.asyncapi.yaml, the AsyncAPI 3 document of the DDP streams: its generated code is
/// approved, compiles against the REST types it reuses, and is cached like the OpenAPI output.
/// </summary>
public sealed class RealtimeContractTests
{
    private static readonly string[] s_steps =
    {
        ContractSourceGenerator.Steps.Input, ContractSourceGenerator.Steps.ReferencedContract, ContractSourceGenerator.Steps.RealtimeModel,
    };

    /// <summary>The AsyncAPI document and livechat.yaml as the realtime project lists it: read for its schema names only.</summary>
    internal static ContractFile[] RealtimeProject() =>
    [
        new ContractFile(Path.Combine(RepoPaths.Contracts, "livechat-realtime.asyncapi.yaml"), File.ReadAllText(Path.Combine(RepoPaths.Contracts, "livechat-realtime.asyncapi.yaml")), "RocketChat.Livechat.Realtime", "LivechatRealtime"),
        new ContractFile(Path.Combine(RepoPaths.Contracts, "livechat.yaml"), File.ReadAllText(Path.Combine(RepoPaths.Contracts, "livechat.yaml")), "RocketChat.Livechat", "Livechat", ContractRole: "Reference"),
    ];

    [Fact]
    public void Generated_realtime_code_matches_the_approved_snapshot()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(RealtimeProject());

        Assert.Empty(outcome.GeneratorDiagnostics);
        // The reference contract generates nothing here: its types come from RocketChat.Livechat.
        Assert.Equal(
            ["RocketChat.Livechat.Realtime.LivechatRealtime.Json.g.cs", "RocketChat.Livechat.Realtime.LivechatRealtime.Models.g.cs", "RocketChat.Livechat.Realtime.LivechatRealtime.Streams.g.cs"],
            outcome.Sources.Keys.Order(StringComparer.Ordinal));
        ApprovedSnapshots.Verify(Path.Combine(RepoPaths.Snapshots, "livechat-realtime"), outcome.Sources, ApprovedSnapshots.UpdateRequested);
    }

    [Fact]
    public void Generated_realtime_code_compiles_against_the_rest_types_it_reuses()
    {
        // The REST contract generated in the same compilation stands in for the RocketChat.Livechat assembly.
        string restPath = Path.Combine(RepoPaths.Contracts, "livechat.yaml");
        ContractFile rest = new(Path.Combine(Path.GetTempPath(), "rest", "livechat.yaml"), File.ReadAllText(restPath), "RocketChat.Livechat", "Livechat");

        GeneratorOutcome outcome = GeneratorHarness.Run([.. RealtimeProject(), rest]);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        string streams = outcome.Sources["RocketChat.Livechat.Realtime.LivechatRealtime.Streams.g.cs"];
        Assert.Contains("public required global::RocketChat.Livechat.Message Message { get; init; }", streams, StringComparison.Ordinal);
        Assert.DoesNotContain("record Message", outcome.Sources["RocketChat.Livechat.Realtime.LivechatRealtime.Models.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_descriptors_build_the_event_names_of_the_contract()
    {
        string streams = GeneratorHarness.Run(RealtimeProject()).Sources["RocketChat.Livechat.Realtime.LivechatRealtime.Streams.g.cs"];

        Assert.Contains("public const string Publication = \"stream-room-messages\";", streams, StringComparison.Ordinal);
        Assert.Contains("return string.Concat(roomId, \"/user-activity\");", streams, StringComparison.Ordinal);
        Assert.Contains("public static LivechatRealtimeStream DepartmentStream(string departmentId) => new(Publication, DepartmentEventName(departmentId));", streams, StringComparison.Ordinal);
        Assert.Contains("public static string PublicEventName() => \"public\";", streams, StringComparison.Ordinal);
        Assert.Contains("public const string Method = \"login\";", streams, StringComparison.Ordinal);
    }

    [Fact]
    public void With_contract_role_names_only_the_names_and_event_name_builders_are_generated()
    {
        // As the emulator lists it: no reference contract needed, since no payload is read.
        string path = Path.Combine(RepoPaths.Contracts, "livechat-realtime.asyncapi.yaml");
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile(path, File.ReadAllText(path), "Test.Emulator", "LivechatRealtime", "internal", ContractRole: "Names"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        string streams = Assert.Single(outcome.Sources).Value;
        Assert.Contains("internal static partial class LivechatRealtimeStreams", streams, StringComparison.Ordinal);
        Assert.Contains("public static string DepartmentEventName(string departmentId)", streams, StringComparison.Ordinal);
        Assert.DoesNotContain("Arguments", streams, StringComparison.Ordinal);
        Assert.DoesNotContain(" Read", streams, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_realtime_step_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace Consumer { public class A { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(RealtimeProject()).RunGenerators(compilation);

        CSharpCompilation edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText("namespace Consumer { public class A { public int Added; } public class B { } }"));
        driver = driver.RunGenerators(edited);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        foreach (string step in s_steps)
        {
            IncrementalGeneratorRunStep[] runs = result.TrackedSteps[step].ToArray();
            Assert.NotEmpty(runs);
            Assert.All(runs, run => Assert.True(run.Outputs.Length > 0, $"{step} ran with no output"));
            Assert.All(runs.SelectMany(r => r.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }

        IncrementalGeneratorRunStep[] outputRuns = result.TrackedOutputSteps.SelectMany(s => s.Value).ToArray();
        Assert.NotEmpty(outputRuns);
        Assert.All(outputRuns.SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Realtime_step_outputs_hold_no_compilation_symbol_or_syntax()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace Consumer { public class A { } }");
        GeneratorRunResult result = GeneratorHarness.CreateDriver(RealtimeProject()).RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (string step in s_steps)
        {
            foreach ((object value, _) in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                IncrementalTests.AssertNoRoslynObjects(value, new HashSet<object>(ReferenceEqualityComparer.Instance), step);
            }
        }
    }

    [Fact]
    public void Editing_the_referenced_rest_contract_reruns_the_realtime_model()
    {
        ContractFile[] files = RealtimeProject();
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace Consumer { public class A { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(files, out AdditionalText[] texts).RunGenerators(compilation);

        // Renaming the schema the realtime contract names must reach its model: the $ref no longer resolves.
        ContractFile rest = files[1] with { Text = files[1].Text.Replace("\n    Message:\n", "\n    ChatMessage:\n", StringComparison.Ordinal) };
        Assert.NotEqual(files[1].Text, rest.Text);
        driver = driver.ReplaceAdditionalText(texts[1], GeneratorHarness.ToAdditionalText(rest)).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[ContractSourceGenerator.Steps.RealtimeModel].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(result.Diagnostics, d => d.Id == "RCG044" && d.GetMessage().Contains("'Message'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_openapi_contract_is_not_taken_for_an_asyncapi_document_nor_the_reverse()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(RealtimeProject());

        // Neither file was read by the other pipeline: no REST client from the AsyncAPI file, no RCG002 for it.
        Assert.DoesNotContain(outcome.Sources.Keys, hint => hint.EndsWith("Clients.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "RCG002");
    }
}
