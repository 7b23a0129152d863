namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// How a contract's descriptions and wire names appear in the generated text: doc comments that read as written by
/// hand (blank lines collapsed, a fallback when a description has nothing printable) and string literals that keep
/// printable ASCII as it is.
/// </summary>
public sealed class DocCommentTests
{
    private static SchemaShapes NoteWithText(string description) => SchemaShapes.Of(
        "    Note:\n      type: object\n      properties:\n        text:\n          type: string\n"
        + $"          description: \"{description}\"\n");

    [Fact]
    public void Blank_lines_before_between_and_after_paragraphs_become_one_para_break_and_trailing_blanks_go()
    {
        SchemaShapes shapes = NoteWithText("\\n \\n  First line  \\n\\n\\n\\nSecond line\\t\\n\\n\\n");

        Assert.Contains(
            "    /// <summary>\n    ///   First line\n    /// <para/>\n    /// Second line\n    /// </summary>\n"
            + "    [global::System.Text.Json.Serialization.JsonPropertyName(\"text\")]\n",
            shapes.Models,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_line_description_is_a_one_line_summary()
    {
        SchemaShapes shapes = NoteWithText("What was said.");

        Assert.Contains("    /// <summary>What was said.</summary>\n    [global::System.Text.Json.Serialization.JsonPropertyName(\"text\")]", shapes.Models, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\a")]
    [InlineData("\\a\\n\\b")]
    [InlineData(" \\n ")]
    public void A_description_with_nothing_printable_falls_back_to_the_default_summary(string description)
    {
        SchemaShapes shapes = NoteWithText(description);

        Assert.Contains("    /// <summary>The <c>text</c> field.</summary>\n    [global::System.Text.Json.Serialization.JsonPropertyName(\"text\")]", shapes.Models, StringComparison.Ordinal);
        Assert.Empty(shapes.Outcome.CompileDiagnostics);
    }

    [Fact]
    public void Printable_ascii_in_a_wire_name_stays_as_written_and_anything_else_is_escaped()
    {
        SchemaShapes shapes = SchemaShapes.Of(
            "    Odd:\n      type: object\n      properties:\n        'a b~c':\n          type: string\n        \"caf\\u00e9\\u007f\":\n          type: string\n");

        string json = shapes.Outcome.Sources.Single(s => s.Key.EndsWith("Json.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("(ref reader, \"a b~c\"u8, ref ", json, StringComparison.Ordinal);
        Assert.Contains("(ref reader, \"caf\\u00e9\\u007f\"u8, ref ", json, StringComparison.Ordinal);
        Assert.Empty(shapes.Outcome.CompileDiagnostics);
    }
}
