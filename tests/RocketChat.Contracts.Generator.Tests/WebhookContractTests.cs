using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// OpenAPI 3.1 <c>webhooks</c>: payloads become generated records and JSON context roots; a union told apart by its
/// JSON kind is kept as a JsonElement; a contract of payloads only gets no empty client class.
/// </summary>
public sealed class WebhookContractTests
{
    private const string Header = "openapi: 3.1.0\ninfo:\n  title: Hooks\n  version: '1'\npaths: {}\n";

    [Fact]
    public void The_livechat_webhooks_contract_generates_every_payload_without_diagnostics_or_a_client_as_approved()
    {
        string path = Path.Combine(RepoPaths.Contracts, "livechat-webhooks.yaml");
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile(path, File.ReadAllText(path), "RocketChat.Livechat.Webhooks", "LivechatWebhooks"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Equal(["RocketChat.Livechat.Webhooks.LivechatWebhooks.Json.g.cs", "RocketChat.Livechat.Webhooks.LivechatWebhooks.Models.g.cs"], outcome.Sources.Keys.Order());
        string json = outcome.Sources["RocketChat.Livechat.Webhooks.LivechatWebhooks.Json.g.cs"];
        foreach (string payload in new[]
        {
            "LivechatSessionStartPayload", "LivechatSessionQueuedPayload", "LivechatSessionTakenPayload", "LivechatSessionForwardedPayload",
            "LivechatSessionPayload", "LivechatWebhookRoomPayload", "LivechatOfflineMessagePayload",
        })
        {
            Assert.Contains($"JsonTypeInfo<{payload}> {payload} =>", json);
        }

        string models = outcome.Sources["RocketChat.Livechat.Webhooks.LivechatWebhooks.Models.g.cs"];
        Assert.Contains("public global::System.Text.Json.JsonElement? Email { get; init; }", models);
        Assert.Contains("public required global::System.Collections.Generic.IReadOnlyList<LivechatWebhookMessage> Messages { get; init; }", models);

        // The payload types are reviewed like the client's: approved files in Snapshots/livechat-webhooks.
        ApprovedSnapshots.Verify(Path.Combine(RepoPaths.Snapshots, "livechat-webhooks"), outcome.Sources, ApprovedSnapshots.UpdateRequested);
    }

    [Fact]
    public void An_inline_webhook_payload_is_named_after_the_webhook_and_is_a_context_root()
    {
        string contract = Header + """
            webhooks:
              order-shipped:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [id]
                          properties:
                            id: { type: string }
                  responses:
                    '200': { description: ok }
            """;
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/c/hooks.yaml", contract, "Test.Hooks", "Hooks"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Contains("public sealed partial record OrderShippedPayload", outcome.Sources["Test.Hooks.Hooks.Models.g.cs"]);
        Assert.Contains("JsonTypeInfo<OrderShippedPayload> OrderShippedPayload =>", outcome.Sources["Test.Hooks.Hooks.Json.g.cs"]);
    }

    [Fact]
    public void A_webhook_without_a_json_body_is_reported_at_its_request_body()
    {
        string contract = Header + """
            webhooks:
              upload:
                post:
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: { type: object }
                  responses: {}
            """;
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/c/hooks.yaml", contract, "Test.Hooks", "Hooks"));

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG008", diagnostic.Id);
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("webhook upload", diagnostic.GetMessage());
    }

    [Fact]
    public void A_union_of_different_json_kinds_marked_x_json_element_is_kept_as_json_without_a_warning()
    {
        string contract = Header + """
            components:
              schemas:
                Contact:
                  type: object
                  properties:
                    email:
                      x-json-element: true
                      oneOf:
                        - type: array
                          items: { $ref: '#/components/schemas/Address' }
                        - type: string
                Address:
                  type: object
                  properties:
                    address: { type: string }
            """;
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/c/hooks.yaml", contract, "Test.Hooks", "Hooks"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Contains("public global::System.Text.Json.JsonElement? Email { get; init; }", outcome.Sources["Test.Hooks.Hooks.Models.g.cs"]);
    }

    [Fact]
    public void A_union_of_two_alternatives_of_one_kind_is_still_reported()
    {
        string contract = Header + """
            components:
              schemas:
                Contact:
                  type: object
                  properties:
                    phone:
                      anyOf:
                        - type: string
                          format: date-time
                        - type: string
            """;
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/c/hooks.yaml", contract, "Test.Hooks", "Hooks"));

        Assert.Equal("RCG007", Assert.Single(outcome.GeneratorDiagnostics).Id);
    }
}
