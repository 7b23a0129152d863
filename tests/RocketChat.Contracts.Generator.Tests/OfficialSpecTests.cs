using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// Rocket.Chat's 12 official OpenAPI files (../shared/reference/openapi, never copied into the repository) generate,
/// each alone; OfficialSpecsTogetherTests compiles them. Per file, the exact number of operations that became methods and the
/// operations skipped with their diagnostic are asserted, so a regression in either direction fails.
/// </summary>
public sealed partial class OfficialSpecTests
{
    private static readonly string[] s_methods = { "get", "put", "post", "delete", "patch", "head", "options" };

    /// <summary>file, operations in the file, operations that became methods, skipped operations ("id operationId", sorted), all diagnostic ids with counts.</summary>
    public static TheoryData<string, int, int, string, string> Files => new()
    {
        { "authentication.yaml", 12, 12, "", "RCG018x1" },
        { "content-management.yaml", 16, 16, "", "" },
        { "integrations.yaml", 15, 15, "", "" },
        { "marketplace-apps.yaml", 13, 12, "RCG008 post-api-apps", "RCG008x1" },
        { "messaging.yaml", 44, 44, "", "RCG007x3" },
        { "miscellaneous.yaml", 31, 31, "", "" },
        { "notifications.yaml", 8, 8, "", "" },
        { "omnichannel.yaml", 165, 165, "", "RCG007x2, RCG010x1, RCG015x2" },
        { "rooms.yaml", 155, 155, "", "RCG007x5, RCG018x1" },
        { "settings.yaml", 64, 64, "", "RCG007x2, RCG018x1" },
        { "statistics.yaml", 11, 11, "", "RCG018x1" },
        { "user-management.yaml", 59, 59, "", "" },
    };

    [SharedReferenceTheory]
    [MemberData(nameof(Files))]
    public void Each_official_file_generates_and_compiles_alone_with_exact_methods_skips_and_diagnostics(string file, int operations, int methods, string skipped, string diagnostics)
    {
        string path = OfficialPath(file);
        GeneratorOutcome outcome = GeneratorHarness.Run(Contract(file));

        // Alone as a consumer with only this file would build it (OfficialSpecsTogetherTests builds all twelve).
        Assert.Empty(outcome.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(operations, CountOperations(path));
        string actualSkipped = string.Join(", ", SkippedOperations(outcome));
        string actualDiagnostics = string.Join(", ", outcome.GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key}x{g.Count()}"));
        int actualMethods = Methods(outcome, Namespace(file));
        Assert.True(
            (methods, skipped, diagnostics) == (actualMethods, actualSkipped, actualDiagnostics),
            $"{file}: expected {methods} methods, skipped [{skipped}], diagnostics [{diagnostics}]; got {actualMethods}, [{actualSkipped}], [{actualDiagnostics}]");

        // Every operation is accounted for: a method, or a skip with its diagnostic.
        Assert.Equal(operations, actualMethods + SkippedOperations(outcome).Count);
    }

    [SharedReferenceFact]
    public void Rooms_yaml_with_a_whitespace_only_line_in_a_block_scalar_is_read()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(Contract("rooms.yaml"));

        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "RCG001");
        Assert.Contains(outcome.Output.GetSymbolsWithName("GetApiV1ChannelsModeratorsAsync", SymbolFilter.Member), _ => true);
    }

    [SharedReferenceFact]
    public void Operations_sharing_a_response_component_return_types_named_after_themselves()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(Contract("authentication.yaml"));

        // Both reference components/responses/trueSuccess; before, the second returned the first one's type.
        IMethodSymbol send = outcome.Output.GetSymbolsWithName("PostApiV1Users2faSendEmailCodeAsync", SymbolFilter.Member).OfType<IMethodSymbol>().First();
        Assert.Equal("Task<PostApiV1Users2faSendEmailCodeResponse>", send.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
    }

    [SharedReferenceFact]
    public void Auth_header_parameters_of_the_official_files_become_client_authentication()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(Contract("omnichannel.yaml"));

        Assert.DoesNotContain(
            ClientClasses(outcome, Namespace("omnichannel.yaml")).SelectMany(c => c.GetMembers().OfType<IMethodSymbol>()).SelectMany(m => m.Parameters),
            p => p.Name is "xAuthToken" or "xUserId");
    }

    internal static string OfficialPath(string file) => Path.Combine(RepoPaths.SharedReference, "openapi", file);

    internal static string Namespace(string file) => "Official." + ClientName(file);

    private static string ClientName(string file) =>
        string.Concat(Path.GetFileNameWithoutExtension(file).Split('-', '_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    internal static ContractFile Contract(string file) =>
        new(OfficialPath(file), File.ReadAllText(OfficialPath(file)), Namespace(file), ClientName(file));

    /// <summary>Operations in the file, counted with a YAML reader of the test's own (whitespace-only lines emptied first).</summary>
    private static int CountOperations(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(WhitespaceOnlyLine().Replace(File.ReadAllText(path), string.Empty)));
        var paths = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("paths")];
        return paths.Children.Values.OfType<YamlMappingNode>()
            .Sum(item => item.Children.Keys.OfType<YamlScalarNode>().Count(k => s_methods.Contains(k.Value)));
    }

    /// <summary>"RCG008 operationId" for every operation the generator skipped, sorted.</summary>
    private static List<string> SkippedOperations(GeneratorOutcome outcome) => outcome.GeneratorDiagnostics
        .Where(d => d.Id is "RCG005" or "RCG008")
        .Select(d => d.Id + " " + d.GetMessage().Split('\'')[1])
        .Order(StringComparer.Ordinal)
        .ToList();

    internal static IEnumerable<INamedTypeSymbol> ClientClasses(GeneratorOutcome outcome, string ns) =>
        outcome.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.TypeKind == TypeKind.Class && t.ContainingNamespace.ToDisplayString() == ns && t.GetMembers("Connection").IsEmpty);

    internal static int Methods(GeneratorOutcome outcome, string ns) => ClientClasses(outcome, ns)
        .Sum(c => c.GetMembers().OfType<IMethodSymbol>().Count(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.ReturnType.Name == "Task"));

    [GeneratedRegex(@"^[ \t]+$", RegexOptions.Multiline)]
    private static partial Regex WhitespaceOnlyLine();
}
