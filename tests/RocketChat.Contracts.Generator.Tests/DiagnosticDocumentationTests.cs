using System.Reflection;
using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>Every diagnostic id links to a page with its cause and fix, and that page exists in docs/diagnostics.</summary>
public sealed class DiagnosticDocumentationTests
{
    private const string HelpLinkBase = "https://github.com/rocketchat-contracts/RocketChat.Contracts/blob/main/docs/diagnostics/";

    public static TheoryData<string> DiagnosticIds()
    {
        var ids = new TheoryData<string>();
        foreach (DiagnosticDescriptor descriptor in AllDescriptors())
        {
            ids.Add(descriptor.Id);
        }

        return ids;
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void Each_id_links_to_its_own_page_with_a_cause_and_a_fix(string id)
    {
        DiagnosticDescriptor descriptor = AllDescriptors().Single(d => d.Id == id);

        Assert.Equal(HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        string page = Path.Combine(RepoPaths.Root, "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"{id} has no page at {page}");
        string text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
        Assert.Contains($"**Severity:** {descriptor.DefaultSeverity.ToString().ToLowerInvariant()}", text, StringComparison.Ordinal);
        Assert.Contains("## Cause", text, StringComparison.Ordinal);
        Assert.Contains("## Fix", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_belongs_to_a_diagnostic_that_exists()
    {
        var ids = AllDescriptors().Select(d => d.Id).ToHashSet();
        foreach (string page in Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs", "diagnostics"), "RCG*.md"))
        {
            Assert.Contains(Path.GetFileNameWithoutExtension(page), ids);
        }
    }

    [Fact]
    public void A_reported_diagnostic_carries_the_help_link()
    {
        string contract = "openapi: 3.0.3\ninfo:\n  title: Broken\n  version: '1'\npaths:\n  /a:\n    get: [unclosed\n";
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/broken.yaml", contract, "Broken", "Broken"));

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(HelpLinkBase + "RCG001.md", diagnostic.Descriptor.HelpLinkUri);
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(ContractSourceGenerator).Assembly
            .GetType("RocketChat.Contracts.Generator.Diagnostics.DiagnosticDescriptors", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => field.GetValue(null))
            .OfType<DiagnosticDescriptor>();
}
