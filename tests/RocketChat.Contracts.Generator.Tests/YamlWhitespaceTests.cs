using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// A whitespace-only line inside a block scalar (as in Rocket.Chat's rooms.yaml) is read, as most YAML readers do,
/// and diagnostics after it still point at the right line, column and offset of the file as written.
/// </summary>
public sealed class YamlWhitespaceTests
{
    private const string Contract =
        "openapi: 3.0.3\n" +
        "info:\n" +
        "  title: Blank lines\n" +
        "  version: '1'\n" +
        "paths:\n" +
        "  /a:\n" +
        "    get:\n" +
        "      description: |-\n" +
        "        \n" +
        "        List all the moderators in a channel.\n" +
        "          \n" +
        "        ### Changelog\n" +
        "      operationId: getA\n" +
        "      responses:\n" +
        "        '200':\n" +
        "          description: ok\n" +
        "          content:\n" +
        "            application/json:\n" +
        "              schema:\n" +
        "                $ref: '#/components/schemas/Missing'\n";

    [Fact]
    public void A_whitespace_only_line_in_a_block_scalar_is_read_and_locations_stay_exact()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("blank.yaml", Contract, "Test.Blank", "Blank"));

        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "RCG001");
        Assert.Contains(outcome.Output.GetSymbolsWithName("GetAAsync", SymbolFilter.Member), _ => true);
        Diagnostic unresolved = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "RCG003");
        FileLinePositionSpan span = unresolved.Location.GetLineSpan();
        Assert.Equal(19, span.StartLinePosition.Line);
        Assert.Equal(22, span.StartLinePosition.Character);
        Assert.Equal(Contract.IndexOf("'#/components/schemas/Missing'", StringComparison.Ordinal), unresolved.Location.SourceSpan.Start);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Whitespace_only_lines_with_either_line_ending_and_a_last_line_without_one_are_read_with_exact_offsets(string newline)
    {
        // The last line is whitespace only and has no line break: the end of the file is a line too.
        string text = Contract.Replace("\n", newline, StringComparison.Ordinal).Replace("          " + newline, "   \t      " + newline, StringComparison.Ordinal) + "   ";
        Assert.Contains("\t", text, StringComparison.Ordinal);

        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("blank.yaml", text, "Test.Blank", "Blank"));

        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "RCG001");
        Diagnostic unresolved = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "RCG003");
        Assert.Equal(19, unresolved.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(text.IndexOf("'#/components/schemas/Missing'", StringComparison.Ordinal), unresolved.Location.SourceSpan.Start);
        Assert.Equal("'#/components/schemas/Missing'".Length, unresolved.Location.SourceSpan.Length);
    }

    [Fact]
    public void A_file_that_starts_with_an_empty_line_and_has_one_letter_lines_is_read_with_exact_offsets()
    {
        // The blank-line pass meets an empty first line, and lines whose only non-blank character is their last one.
        string text = "\n" + Contract.Replace("        ### Changelog\n", "        a\n          \n        b\n", StringComparison.Ordinal);

        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("blank.yaml", text, "Test.Blank", "Blank"));

        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id is "RCG001" or "RCG099");
        string client = outcome.Sources.Single(s => s.Key.EndsWith("Clients.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("/// a", client, StringComparison.Ordinal);
        Assert.Contains("/// b", client, StringComparison.Ordinal);
        Diagnostic unresolved = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "RCG003");
        Assert.Equal(22, unresolved.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(text.IndexOf("'#/components/schemas/Missing'", StringComparison.Ordinal), unresolved.Location.SourceSpan.Start);
    }

    [Fact]
    public void Yaml_broken_for_another_reason_still_reports_RCG001_where_it_is_broken()
    {
        string broken = Contract.Replace("      operationId: getA\n", "      operationId: get: A\n", StringComparison.Ordinal);

        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("broken.yaml", broken, "Test.Broken", "Broken"));

        Diagnostic invalid = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "RCG001");
        Assert.Equal(12, invalid.Location.GetLineSpan().StartLinePosition.Line);
    }
}
