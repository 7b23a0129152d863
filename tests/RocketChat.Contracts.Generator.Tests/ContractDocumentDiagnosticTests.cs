using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// What the generator says about a file that is not a usable OpenAPI 3 contract: which id, which words, where in the
/// file (line, column and offset), and which JSON files it leaves alone because they are not contracts at all.
/// </summary>
public sealed class ContractDocumentDiagnosticTests
{
    private static Diagnostic SingleDiagnostic(string path, string contract)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile(path, contract));
        Assert.Null(outcome.Run.Results.Single().Exception);
        Assert.Empty(outcome.Sources);
        return Assert.Single(outcome.GeneratorDiagnostics);
    }

    private static void AssertAt(Diagnostic diagnostic, string contract, int line, int column)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));

        // The offset must point at the same character, or an IDE underlines the wrong text.
        int offset = contract.Split('\n').Take(line - 1).Sum(l => l.Length + 1) + column - 1;
        Assert.Equal(offset, diagnostic.Location.SourceSpan.Start);
    }

    [Fact]
    public void A_swagger_2_document_is_RCG002_at_its_swagger_field_even_when_it_also_has_an_openapi_field_lower_down()
    {
        const string contract = "info:\n  title: Old\nswagger: '2.0'\npaths: {}\n";

        Diagnostic diagnostic = SingleDiagnostic("/contracts/old.yaml", contract);

        Assert.Equal("RCG002", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Swagger 2.0 documents are not supported; convert the contract to OpenAPI 3", diagnostic.GetMessage());
        AssertAt(diagnostic, contract, 3, 10);
    }

    [Fact]
    public void A_document_with_both_swagger_and_openapi_fields_is_RCG002_at_the_openapi_field()
    {
        const string contract = "swagger: '2.0'\ninfo:\n  title: Next\nopenapi: 4.0.0\npaths: {}\n";

        Diagnostic diagnostic = SingleDiagnostic("/contracts/next.yaml", contract);

        Assert.Equal("RCG002", diagnostic.Id);
        Assert.Equal("Swagger 2.0 documents are not supported; convert the contract to OpenAPI 3", diagnostic.GetMessage());
        AssertAt(diagnostic, contract, 4, 10);
    }

    [Fact]
    public void An_openapi_version_other_than_3_is_quoted_in_RCG002()
    {
        const string contract = "info:\n  title: Next\nopenapi: 4.0.0\npaths: {}\n";

        Diagnostic diagnostic = SingleDiagnostic("/contracts/next.yaml", contract);

        Assert.Equal("RCG002", diagnostic.Id);
        Assert.Equal("The OpenAPI version '4.0.0' is not supported; use 3.0 or 3.1", diagnostic.GetMessage());
        AssertAt(diagnostic, contract, 3, 10);
    }

    [Fact]
    public void A_yaml_document_without_an_openapi_field_is_RCG002_at_the_start_of_the_document()
    {
        const string contract = "info:\n  title: Nameless\npaths: {}\n";

        Diagnostic diagnostic = SingleDiagnostic("/contracts/nameless.yaml", contract);

        Assert.Equal("RCG002", diagnostic.Id);
        Assert.Equal("The document has no 'openapi' version field", diagnostic.GetMessage());
        AssertAt(diagnostic, contract, 1, 1);
    }

    [Fact]
    public void Paths_that_are_not_a_mapping_are_RCG011_at_the_paths_value()
    {
        const string contract = "openapi: 3.0.3\ninfo:\n  title: Listed\npaths:\n  - /a\n";

        Diagnostic diagnostic = SingleDiagnostic("/contracts/listed.yaml", contract);

        Assert.Equal("RCG011", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("The document has no 'paths' mapping", diagnostic.GetMessage());
        AssertAt(diagnostic, contract, 5, 3);
    }

    [Fact]
    public void An_empty_document_is_RCG001_saying_so()
    {
        Diagnostic diagnostic = SingleDiagnostic("/contracts/empty.yaml", "# nothing yet\n");

        Assert.Equal("RCG001", diagnostic.Id);
        Assert.Equal("The contract cannot be parsed: the document is empty or is not a mapping", diagnostic.GetMessage());
    }

    [Fact]
    public void A_yaml_syntax_error_is_RCG001_at_the_line_and_column_the_parser_stopped()
    {
        const string contract = "openapi: 3.0.3\ninfo:\n  title: Broken\npaths:\n  /a:\n    get: [unclosed\n";

        Diagnostic diagnostic = SingleDiagnostic("/contracts/broken.yaml", contract);

        Assert.Equal("RCG001", diagnostic.Id);
        Assert.StartsWith("The contract cannot be parsed: ", diagnostic.GetMessage(), StringComparison.Ordinal);
        AssertAt(diagnostic, contract, 7, 1);
    }

    [Fact]
    public void A_yaml_syntax_error_inside_a_line_points_at_its_column()
    {
        const string contract = "openapi: 3.0.3\ninfo:\n  title: 'unterminated\npaths: {}\n";

        Diagnostic diagnostic = SingleDiagnostic("/contracts/broken.yaml", contract);

        Assert.Equal("RCG001", diagnostic.Id);
        AssertAt(diagnostic, contract, 3, 10);
    }

    [Fact]
    public void A_yaml_syntax_error_on_the_first_line_points_at_its_column()
    {
        const string contract = "openapi: 'unterminated\ninfo:\n  title: Broken\npaths: {}\n";

        Diagnostic diagnostic = SingleDiagnostic("/contracts/broken.yaml", contract);

        Assert.Equal("RCG001", diagnostic.Id);
        AssertAt(diagnostic, contract, 1, 10);
    }

    [Fact]
    public void A_json_contract_with_a_syntax_error_is_RCG001()
    {
        const string contract = "{\n  \"openapi\": \"3.0.3\",\n  \"paths\": { \"/a\": [ }\n}\n";

        Diagnostic diagnostic = SingleDiagnostic("/contracts/api.json", contract);

        Assert.Equal("RCG001", diagnostic.Id);
    }

    [Fact]
    public void A_json_contract_whose_text_starts_with_the_openapi_key_and_breaks_is_RCG001()
    {
        const string contract = "\"openapi\": \"3.0.3\", \"paths\": {";

        Diagnostic diagnostic = SingleDiagnostic("/contracts/api.json", contract);

        Assert.Equal("RCG001", diagnostic.Id);
    }

    [Theory]
    [InlineData("{ \"settings\": [ }")]
    [InlineData("[1, 2, 3]")]
    [InlineData("")]
    public void A_json_file_that_is_not_a_contract_is_ignored_even_when_it_does_not_parse(string text)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/config/settings.json", text));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.Sources);
    }

    [Fact]
    public void A_json_swagger_2_document_is_not_taken_for_an_unrelated_json_file()
    {
        const string contract = "{\n  \"swagger\": \"2.0\",\n  \"paths\": {}\n}\n";

        Diagnostic diagnostic = SingleDiagnostic("/contracts/old.json", contract);

        Assert.Equal("RCG002", diagnostic.Id);
        Assert.Equal("Swagger 2.0 documents are not supported; convert the contract to OpenAPI 3", diagnostic.GetMessage());
        AssertAt(diagnostic, contract, 2, 14);
    }

    [Fact]
    public void A_json_document_with_an_unsupported_openapi_version_is_reported()
    {
        const string contract = "{\n  \"openapi\": \"2.5\",\n  \"paths\": {}\n}\n";

        Diagnostic diagnostic = SingleDiagnostic("/contracts/api.json", contract);

        Assert.Equal("RCG002", diagnostic.Id);
        Assert.Equal("The OpenAPI version '2.5' is not supported; use 3.0 or 3.1", diagnostic.GetMessage());
    }
}
