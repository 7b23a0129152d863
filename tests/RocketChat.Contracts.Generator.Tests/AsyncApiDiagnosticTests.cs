using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>Broken AsyncAPI documents: each gives its stable RCG id at the right line, and the generator never throws.</summary>
public sealed class AsyncApiDiagnosticTests
{
    private const string Header = "asyncapi: 3.0.0\ninfo:\n  title: Broken\n  version: '1'\n";

    private const string Rest = "openapi: 3.0.3\ninfo:\n  title: Rest\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n    Message:\n      type: object\n      properties:\n        _id: { type: string }\n    Status:\n      type: string\n      enum: [online, away]\n";

    /// <summary>A channel 'room' whose members are written one level in (the texts below are shorter that way).</summary>
    private static string Publication(string extra = "", string address = "  address: stream-x\n", string kind = "  x-ddp-kind: publication\n") =>
        Header + "channels:\n  room:\n" + Indent(address + kind + extra);

    private static string Indent(string lines) =>
        string.Concat(lines.Split('\n').Select(line => line.Length == 0 ? string.Empty : "  " + line + "\n"));

    public static TheoryData<string, string, string, int> BrokenDocuments => new()
    {
        // name, document, expected id, expected 1-based line
        { "invalid YAML", Header + "channels:\n  room: [unclosed\n", "RCG001", 7 },
        { "AsyncAPI 2", "asyncapi: 2.6.0\nchannels: {}\n", "RCG040", 1 },
        { "missing address", Publication(address: string.Empty), "RCG041", 6 },
        { "empty address", Publication(address: "  address: ''\n"), "RCG041", 7 },
        { "unsupported x-ddp-kind", Publication(kind: "  x-ddp-kind: collection\n"), "RCG042", 8 },
        { "missing x-ddp-kind", Publication(kind: string.Empty), "RCG042", 6 },
        { "unclosed event-name parameter", Publication("  x-ddp-event-name: '{roomId/typing'\n"), "RCG043", 9 },
        { "event-name parameter that is no identifier", Publication("  x-ddp-event-name: '{room-id}'\n"), "RCG043", 9 },
        { "event-name parameter used twice", Publication("  x-ddp-event-name: '{a}/{a}'\n"), "RCG043", 9 },
        { "empty event-name list", Publication("  x-ddp-event-name: []\n"), "RCG043", 9 },
        { "event-name that is a mapping", Publication("  x-ddp-event-name: { a: b }\n"), "RCG043", 9 },
        {
            "unknown local message $ref", Publication("  messages:\n    m: { $ref: '#/components/messages/Missing' }\n"),
            "RCG003", 10
        },
        {
            "unknown local schema $ref", Publication("  messages:\n    m:\n      payload:\n        type: array\n        items:\n          - $ref: '#/components/schemas/Missing'\n"),
            "RCG003", 14
        },
        {
            "$ref into a file that is no reference contract", Publication("  messages:\n    m:\n      payload:\n        $ref: 'other.yaml#/components/schemas/Message'\n"),
            "RCG044", 12
        },
        {
            "$ref to a schema the reference contract lacks", Publication("  messages:\n    m:\n      payload:\n        $ref: 'rest.yaml#/components/schemas/Missing'\n"),
            "RCG044", 12
        },
        {
            "$ref into a reference contract, not to a schema", Publication("  messages:\n    m:\n      payload:\n        $ref: 'rest.yaml#/paths/x'\n"),
            "RCG044", 12
        },
        {
            "$ref to a URL", Publication("  messages:\n    m:\n      payload:\n        $ref: 'https://example.com/rest.yaml#/components/schemas/Message'\n"),
            "RCG044", 12
        },
        { "message without payload", Publication("  messages:\n    m:\n      name: m\n"), "RCG045", 10 },
        {
            "allOf composing two schemas of another file", Publication("  messages:\n    m:\n      payload:\n        type: array\n        items:\n          - allOf:\n              - $ref: 'rest.yaml#/components/schemas/Message'\n              - $ref: 'rest.yaml#/components/schemas/Message'\n"),
            "RCG047", 16
        },
        {
            "allOf composing a schema of another file that is no record", Publication("  messages:\n    m:\n      payload:\n        type: array\n        items:\n          - allOf:\n              - $ref: 'rest.yaml#/components/schemas/Status'\n              - { type: object, properties: { type: { type: string } } }\n"),
            "RCG047", 15
        },
        {
            "allOf whose own member the referenced record declares too", Publication("  messages:\n    m:\n      payload:\n        type: array\n        items:\n          - allOf:\n              - $ref: 'rest.yaml#/components/schemas/Message'\n              - type: object\n                properties:\n                  type: { type: string }\n                  _id: { type: string }\n"),
            "RCG047", 19
        },
        {
            "payload in a multi-format schema", Publication("  messages:\n    m:\n      payload:\n        schemaFormat: application/vnd.apache.avro;version=1.9.0\n        schema: { type: record }\n"),
            "RCG045", 11
        },
        { "minItems beyond the positions", Publication("  messages:\n    m:\n      payload:\n        type: array\n        items:\n          - { type: string }\n        minItems: 3\n"), "RCG011", 15 },
        {
            "channels mapping to one C# name", Header + "channels:\n  room-events:\n    address: a\n    x-ddp-kind: publication\n  roomEvents:\n    address: b\n    x-ddp-kind: publication\n",
            "RCG046", 9
        },
        { "channels that is a list", Header + "channels: [a, b]\n", "RCG011", 5 },
    };

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void A_broken_document_reports_its_id_at_the_right_line(string name, string document, string id, int line)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(
            new ContractFile("/contracts/realtime.asyncapi.yaml", document, "Test.Realtime", "Realtime"),
            new ContractFile("/contracts/rest.yaml", Rest, "Test.Rest", "Rest", ContractRole: "Reference"));

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == id);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.EndsWith("realtime.asyncapi.yaml", diagnostic.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "RCG099");
        Assert.True(name.Length > 0);
    }

    [Fact]
    public void A_reference_into_the_reference_contract_names_its_type_and_generates_no_copy()
    {
        string document = Publication("  x-ddp-event-name: '{roomId}'\n  messages:\n    m:\n      payload:\n        type: array\n        items:\n          - $ref: 'rest.yaml#/components/schemas/Message'\n            title: message\n");

        GeneratorOutcome outcome = GeneratorHarness.Run(
            new ContractFile("/contracts/realtime.asyncapi.yaml", document, "Test.Realtime", "Realtime"),
            new ContractFile("/contracts/rest.yaml", Rest, "Test.Rest", "Rest", ContractRole: "Reference"),
            new ContractFile("/elsewhere/rest.yaml", Rest, "Test.Rest", "Rest"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Contains("public required global::Test.Rest.Message Message { get; init; }", outcome.Sources["Test.Realtime.Realtime.Streams.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.Sources.Keys, hint => hint.StartsWith("Test.Realtime.Realtime.Models", StringComparison.Ordinal));
    }

    [Fact]
    public void An_asyncapi_document_and_an_openapi_contract_claiming_the_same_files_are_both_reported()
    {
        string document = Publication("  x-ddp-event-name: '{roomId}'\n");
        string rest = Rest + "    Other:\n      type: object\n      properties:\n        a: { type: string }\n";

        GeneratorOutcome outcome = GeneratorHarness.Run(
            new ContractFile("/contracts/realtime.asyncapi.yaml", document, "Test.Same", "Same"),
            new ContractFile("/contracts/rest.yaml", rest, "Test.Same", "Same"));

        Assert.Equal(2, outcome.GeneratorDiagnostics.Count(d => d.Id == "RCG017"));
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "RCG099");
        Assert.Empty(outcome.Sources);
    }

    [Fact]
    public void An_internal_visibility_makes_every_realtime_type_internal()
    {
        string document = Publication("  x-ddp-event-name: '{roomId}'\n  messages:\n    m:\n      payload:\n        type: array\n        items:\n          - { type: string, title: name }\n");

        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/realtime.asyncapi.yaml", document, "Test.Realtime", "Realtime", "internal"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        string streams = outcome.Sources["Test.Realtime.Realtime.Streams.g.cs"];
        Assert.DoesNotContain("public static partial class", streams, StringComparison.Ordinal);
        Assert.Contains("internal static partial class RealtimeStreams", streams, StringComparison.Ordinal);
        Assert.Contains("internal sealed partial record MArguments", streams, StringComparison.Ordinal);
    }
}
