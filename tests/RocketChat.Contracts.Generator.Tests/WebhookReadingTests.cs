using System.Globalization;
using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// How the OpenAPI 3.1 <c>webhooks</c> section is read: every HTTP method's request body is a payload, and what is not
/// a payload (no operation, no JSON body, not a mapping) is reported where it is written.
/// </summary>
public sealed class WebhookReadingTests
{
    private const string Path = "/c/hooks.yaml";
    private const string Header = "openapi: 3.1.0\ninfo:\n  title: Hooks\n  version: '1'\npaths: {}\n";

    [Theory]
    [InlineData("post")]
    [InlineData("put")]
    [InlineData("get")]
    [InlineData("delete")]
    [InlineData("patch")]
    public void The_request_body_of_a_webhook_under_any_method_is_a_payload_and_a_context_root(string method)
    {
        GeneratorOutcome outcome = Generate(
            "webhooks:\n  order-shipped:\n    " + method + ":\n      requestBody:\n        content:\n          application/json:\n"
            + "            schema:\n              type: object\n              properties:\n                id: { type: string }\n"
            + "      responses:\n        '200': { description: ok }\n");

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Contains("JsonTypeInfo<OrderShippedPayload> OrderShippedPayload =>", outcome.Sources["Test.Hooks.Hooks.Json.g.cs"]);
    }

    [Fact]
    public void Webhooks_that_are_not_a_mapping_are_an_error_at_the_value()
    {
        GeneratorOutcome outcome = Generate("webhooks:\n  - order-shipped\n");

        Assert.Equal([("RCG011", "'webhooks' is not a mapping", 7, 3)], Described(outcome));
    }

    [Fact]
    public void A_webhook_without_any_operation_is_an_error_at_its_name_and_the_next_webhook_is_still_read()
    {
        GeneratorOutcome outcome = Generate(
            "webhooks:\n  empty-hook:\n    summary: nothing to call\n"
            + "  order-shipped:\n    post:\n      requestBody:\n        content:\n          application/json:\n"
            + "            schema: { type: object, properties: { id: { type: string } } }\n");

        Assert.Equal([("RCG011", "The webhook 'empty-hook' has no operation", 7, 3)], Described(outcome));
        Assert.Contains("JsonTypeInfo<OrderShippedPayload> OrderShippedPayload =>", outcome.Sources["Test.Hooks.Hooks.Json.g.cs"]);
    }

    [Fact]
    public void A_webhook_without_a_json_body_names_its_media_types_at_the_request_body_and_has_no_payload()
    {
        GeneratorOutcome outcome = Generate(
            "webhooks:\n  order-shipped:\n    post:\n      requestBody:\n        content:\n"
            + "          text/plain: { schema: { type: string } }\n          application/xml: { schema: { type: string } }\n");

        Assert.Equal(
            [("RCG008", "The operation 'webhook order-shipped' has a request body the generator cannot send (text/plain, application/xml); the operation is skipped", 9, 7)],
            Described(outcome));
        Assert.DoesNotContain(outcome.Sources.Keys, k => k.EndsWith(".Json.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_webhook_body_without_content_says_no_content_and_has_no_payload()
    {
        GeneratorOutcome outcome = Generate(
            "webhooks:\n  order-shipped:\n    post:\n      requestBody:\n        description: nothing declared\n");

        Assert.Equal(
            [("RCG008", "The operation 'webhook order-shipped' has a request body the generator cannot send (no content); the operation is skipped", 9, 7)],
            Described(outcome));
        Assert.DoesNotContain(outcome.Sources.Keys, k => k.EndsWith(".Json.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_webhook_without_a_json_body_adds_nothing_to_the_context_of_the_other_payloads()
    {
        GeneratorOutcome outcome = Generate(
            "webhooks:\n  note-added:\n    post:\n      requestBody:\n        content:\n          text/plain: { schema: { type: string } }\n"
            + "  order-shipped:\n    post:\n      requestBody:\n        content:\n          application/json:\n"
            + "            schema: { type: object, properties: { id: { type: string } } }\n");

        Assert.Equal(
            [("RCG008", "The operation 'webhook note-added' has a request body the generator cannot send (text/plain); the operation is skipped", 9, 7)],
            Described(outcome));
        string json = outcome.Sources["Test.Hooks.Hooks.Json.g.cs"];
        Assert.Contains("JsonTypeInfo<OrderShippedPayload> OrderShippedPayload =>", json);
        Assert.DoesNotContain("JsonTypeInfo<global::System.Text.Json.JsonElement>", json);
        Assert.DoesNotContain("NoteAdded", json);
        Assert.Empty(outcome.CompileDiagnostics);
    }

    private static GeneratorOutcome Generate(string yaml)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile(Path, Header + yaml, "Test.Hooks", "Hooks"));
        Assert.Null(outcome.Run.Results.Single().Exception);
        return outcome;
    }

    private static (string Id, string Message, int Line, int Column)[] Described(GeneratorOutcome outcome) =>
        outcome.GeneratorDiagnostics.Select(d =>
        {
            FileLinePositionSpan span = d.Location.GetLineSpan();
            Assert.Equal(Path, span.Path);
            return (d.Id, d.GetMessage(CultureInfo.InvariantCulture), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
        }).ToArray();
}
