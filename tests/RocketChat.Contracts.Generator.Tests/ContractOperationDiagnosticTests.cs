using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// Paths and operations the generator cannot use: each is reported once, with the operation or path it is about
/// named in the message and the YAML key it is about as the location, and the rest of the contract still generates.
/// </summary>
public sealed class ContractOperationDiagnosticTests
{
    private const string Header = "openapi: 3.0.3\ninfo:\n  title: Operations\n  version: '1'\npaths:\n";

    private static GeneratorOutcome Run(string paths)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/ops.yaml", Header + paths));
        Assert.Null(outcome.Run.Results.Single().Exception);
        Assert.DoesNotContain(outcome.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return outcome;
    }

    private static void AssertAt(Diagnostic diagnostic, int line, int column)
    {
        LinePosition start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column), (start.Line + 1, start.Character + 1));
    }

    private static string Clients(GeneratorOutcome outcome) =>
        Assert.Single(outcome.Sources, s => s.Key.EndsWith(".Clients.g.cs", StringComparison.Ordinal)).Value;

    [Fact]
    public void A_path_that_is_not_a_mapping_is_reported_once_and_skipped()
    {
        GeneratorOutcome outcome = Run("  /a/{b: 12\n  /ok:\n    get:\n      operationId: getOk\n      responses: {}\n");

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG011", diagnostic.Id);
        Assert.Equal("The path '/a/{b' is not a mapping", diagnostic.GetMessage());
        AssertAt(diagnostic, 6, 3);
        Assert.Contains("GetOkAsync(", Clients(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_with_unbalanced_braces_is_reported_and_skipped()
    {
        GeneratorOutcome outcome = Run("  /a/{b:\n    get:\n      operationId: getB\n      responses: {}\n");

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG011", diagnostic.Id);
        Assert.Equal("The path '/a/{b' has unbalanced '{' or '}'; it is skipped", diagnostic.GetMessage());
        AssertAt(diagnostic, 6, 3);
        Assert.Empty(outcome.Sources);
    }

    [Fact]
    public void Operation_parameters_that_are_not_a_list_are_reported_at_their_key_with_the_operation_id()
    {
        GeneratorOutcome outcome = Run("  /a:\n    get:\n      operationId: getA\n      parameters: 7\n      responses: {}\n");

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG011", diagnostic.Id);
        Assert.Equal("'parameters' of 'getA' is not a list; it is ignored", diagnostic.GetMessage());
        AssertAt(diagnostic, 9, 7);
        Assert.Contains("GetAAsync(", Clients(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public void Path_parameters_that_are_not_a_list_are_reported_with_the_path_when_there_is_no_operation_id()
    {
        GeneratorOutcome outcome = Run("  /a:\n    parameters: {}\n    get:\n      responses: {}\n");

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("'parameters' of '/a' is not a list; it is ignored", diagnostic.GetMessage());
        AssertAt(diagnostic, 7, 5);
    }

    [Fact]
    public void A_response_that_is_not_an_object_is_reported_at_its_status_code()
    {
        GeneratorOutcome outcome = Run("  /a:\n    get:\n      operationId: getA\n      responses:\n        '200': nope\n");

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG011", diagnostic.Id);
        Assert.Equal("The response '200' of 'getA' is not an object; it is ignored", diagnostic.GetMessage());
        AssertAt(diagnostic, 10, 9);
    }

    [Fact]
    public void Operation_ids_that_sanitise_to_one_name_are_RCG006_naming_the_id_and_both_names()
    {
        GeneratorOutcome outcome = Run("  /a:\n    get:\n      operationId: get-a\n      responses: {}\n  /b:\n    get:\n      operationId: get:a\n      responses: {}\n");

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG006", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("The operation 'get:a' maps to the C# name 'GetA', already taken; it is generated as 'GetA2'", diagnostic.GetMessage());
        AssertAt(diagnostic, 12, 20);
        Assert.Contains("GetA2Async(", Clients(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_body_without_content_is_RCG008_saying_there_is_no_content()
    {
        GeneratorOutcome outcome = Run("  /a:\n    post:\n      operationId: postA\n      requestBody:\n        content: {}\n      responses: {}\n");

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG008", diagnostic.Id);
        Assert.Equal("The operation 'postA' has a request body the generator cannot send (no content); the operation is skipped", diagnostic.GetMessage());
        AssertAt(diagnostic, 9, 7);
        Assert.Empty(outcome.Sources);
    }

    [Fact]
    public void A_form_the_generator_cannot_send_is_RCG008_naming_its_media_type_and_the_problem()
    {
        GeneratorOutcome outcome = Run("  /upload:\n    post:\n      operationId: upload\n      requestBody:\n        content:\n          multipart/form-data:\n            schema:\n              type: object\n      responses: {}\n");

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG008", diagnostic.Id);
        Assert.Equal("The operation 'upload' has a request body the generator cannot send (multipart/form-data: the form schema has no 'properties'); the operation is skipped", diagnostic.GetMessage());
    }

    [Fact]
    public void A_skipped_operation_leaves_its_name_to_the_next_operation()
    {
        GeneratorOutcome outcome = Run(
            "  /a:\n    post:\n      operationId: postUpload\n      requestBody:\n        content: {}\n      responses: {}\n"
            + "  /upload:\n    post:\n      responses: {}\n");

        Assert.Equal("RCG008", Assert.Single(outcome.GeneratorDiagnostics).Id);
        string clients = Clients(outcome);
        Assert.Contains("PostUploadAsync(", clients, StringComparison.Ordinal);
        Assert.DoesNotContain("PostUpload2Async(", clients, StringComparison.Ordinal);
    }
}
