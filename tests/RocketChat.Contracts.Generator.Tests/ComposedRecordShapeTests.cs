using System.Reflection;
using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// How an allOf over a record of another file (a <c>ContractRole="Reference"</c> contract) is shaped: what it is named,
/// what its part member is named and documented, and why it is refused (RCG047, with the reason and the node).
/// </summary>
public sealed class ComposedRecordShapeTests
{
    private const string Rest =
        "openapi: 3.0.3\ninfo:\n  title: Rest\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n"
        + "    Ticket:\n      type: object\n      required: [_id]\n      properties:\n        _id: { type: string }\n        ts: { type: string, format: date-time }\n"
        + "    Sealed:\n      type: object\n      additionalProperties: false\n      properties:\n        _id: { type: string }\n"
        + "    Status:\n      type: string\n      enum: [open, closed]\n";

    private const string Header = "asyncapi: 3.0.0\ninfo:\n  title: Queue\n  version: '1'\n";

    private static GeneratorOutcome Run(string document) => GeneratorHarness.Run(
        new ContractFile("/contracts/queue.asyncapi.yaml", document, "Test.Queue", "Queue"),
        new ContractFile("/contracts/rest.yaml", Rest, "Test.Rest", "Rest", ContractRole: "Reference"),
        new ContractFile("/generated/rest.yaml", Rest, "Test.Rest", "Rest"));

    private static string Components(string schemas) => Header + "channels: {}\ncomponents:\n  schemas:\n" + schemas;

    public static TheoryData<string, string, int, int> Uncomposable => new()
    {
        // document, reason in the message, 1-based line and column of the node the diagnostic points at
        {
            Components("    Change:\n      allOf:\n        - $ref: 'rest.yaml#/components/schemas/Ticket'\n        - $ref: 'rest.yaml#/components/schemas/Sealed'\n"),
            "more than one part is a schema of another file", 11, 17
        },
        {
            Components("    Change:\n      allOf:\n        - $ref: 'rest.yaml#/components/schemas/Status'\n        - { type: object, properties: { type: { type: string } } }\n"),
            "'rest.yaml#/components/schemas/Status' is not a record", 10, 17
        },
        {
            Components("    Change:\n      allOf:\n        - $ref: 'rest.yaml#/components/schemas/Ticket'\n        - type: object\n          properties:\n            type: { type: string }\n            ts: { type: string }\n"),
            "'ts' is also a member of 'Ticket'", 14, 13
        },
    };

    [Theory]
    [MemberData(nameof(Uncomposable))]
    public void An_uncomposable_allOf_is_rcg047_with_its_reason_at_the_offending_node_and_reads_as_a_json_element(string document, string reason, int line, int column)
    {
        GeneratorOutcome outcome = Run(document + "    Holder:\n      type: object\n      properties:\n        change: { $ref: '#/components/schemas/Change' }\n");

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG047", diagnostic.Id);
        Assert.Equal(
            $"This allOf over a schema of another file cannot be one record ({reason}); the value is exposed as a JsonElement",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.EndsWith("queue.asyncapi.yaml", span.Path, StringComparison.Ordinal);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Contains("public global::System.Text.Json.JsonElement? Change { get; init; }", outcome.Sources["Test.Queue.Queue.Models.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_that_does_not_resolve_is_reported_once_where_its_ref_is()
    {
        GeneratorOutcome outcome = Run(Components(
            "    Change:\n      allOf:\n        - $ref: 'rest.yaml#/components/schemas/Missing'\n        - { type: object, properties: { type: { type: string } } }\n"));

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG044", diagnostic.Id);
        Assert.Equal(10, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.DoesNotContain("record Change", outcome.Sources.GetValueOrDefault("Test.Queue.Queue.Models.g.cs") ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_whose_type_is_named_like_the_composed_record_becomes_a_member_suffixed_value()
    {
        GeneratorOutcome outcome = Run(Components(
            "    Ticket:\n      allOf:\n        - $ref: 'rest.yaml#/components/schemas/Ticket'\n        - { type: object, properties: { type: { type: string } } }\n"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        string models = outcome.Sources["Test.Queue.Queue.Models.g.cs"];
        Assert.Contains("public sealed partial record Ticket", models, StringComparison.Ordinal);
        Assert.Contains("public required global::Test.Rest.Ticket TicketValue { get; init; }", models, StringComparison.Ordinal);
    }

    [Fact]
    public void The_part_member_is_documented_from_the_part_description_or_from_its_type()
    {
        GeneratorOutcome described = Run(Components(
            "    Change:\n      allOf:\n        - $ref: 'rest.yaml#/components/schemas/Ticket'\n          description: The ticket as the REST API sends it.\n        - { type: object, properties: { type: { type: string } } }\n"));
        GeneratorOutcome bare = Run(Components(
            "    Change:\n      allOf:\n        - $ref: 'rest.yaml#/components/schemas/Ticket'\n        - { type: object, properties: { type: { type: string } } }\n"));

        Assert.Contains(
            "/// <summary>The ticket as the REST API sends it.</summary>\n",
            described.Sources["Test.Queue.Queue.Models.g.cs"], StringComparison.Ordinal);
        Assert.Contains(
            "/// <summary>The <c>Ticket</c> this object spreads.</summary>\n",
            bare.Sources["Test.Queue.Queue.Models.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_composition_is_named_after_its_message_and_does_not_take_a_component_name()
    {
        string document = Header
            + "channels:\n  queue:\n    address: stream-queue\n    x-ddp-kind: publication\n    messages:\n"
            + "      changed:\n        name: changed\n        payload:\n          allOf:\n            - $ref: 'rest.yaml#/components/schemas/Ticket'\n            - { type: object, properties: { type: { type: string } } }\n"
            + "components:\n  schemas:\n    ChangedPayload:\n      type: object\n      properties:\n        other: { type: string }\n";

        GeneratorOutcome outcome = Run(document);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        string models = outcome.Sources["Test.Queue.Queue.Models.g.cs"];
        Assert.Contains("public sealed partial record ChangedPayload\n", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record ChangedPayload2\n", models, StringComparison.Ordinal);
        Assert.Contains("public required global::Test.Rest.Ticket Ticket { get; init; }", models, StringComparison.Ordinal);
    }

    [Fact]
    public void One_external_part_with_the_own_members_beside_the_allOf_is_composed_too()
    {
        GeneratorOutcome outcome = Run(Components(
            "    Change:\n      allOf:\n        - $ref: 'rest.yaml#/components/schemas/Ticket'\n      properties:\n        type: { type: string }\n"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        string models = outcome.Sources["Test.Queue.Queue.Models.g.cs"];
        Assert.Contains("public required global::Test.Rest.Ticket Ticket { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public string? Type { get; init; }", models, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_that_keeps_no_unknown_members_is_read_and_written_whole()
    {
        CompiledContract contract = CompiledContract.Load(
            "Queue",
            new ContractFile("/contracts/queue.asyncapi.yaml", Components(
                "    Change:\n      allOf:\n        - $ref: 'rest.yaml#/components/schemas/Sealed'\n        - { type: object, properties: { type: { type: string } } }\n"), "Test.Queue", "Queue"),
            new ContractFile("/contracts/rest.yaml", Rest, "Test.Rest", "Rest", ContractRole: "Reference"),
            new ContractFile("/generated/rest.yaml", Rest, "Test.Rest", "Rest"));
        Type change = contract.Type("Change");

        object value = contract.Deserialize("""{"type":"closed","_id":"s1"}""", change)!;

        object part = change.GetProperty("Sealed")!.GetValue(value)!;
        Assert.Equal("s1", part.GetType().GetProperty("Id")!.GetValue(part));
        Assert.Null(part.GetType().GetProperty("AdditionalProperties", BindingFlags.Public | BindingFlags.Instance));
        Assert.Equal("""{"_id":"s1","type":"closed"}""", contract.Serialize(value, change));
    }
}
