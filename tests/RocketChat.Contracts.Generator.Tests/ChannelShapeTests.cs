using static RocketChat.Contracts.Generator.Tests.AsyncApiTestDocuments;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// How a channel becomes a class: the names it may not take, the problems of its structure, kind and payloads (exact
/// message and place), and the shapes its messages get (arguments records, extra data, descriptions).
/// </summary>
public sealed class ChannelShapeTests
{
    private static string Channel(string id, string members = "") =>
        Header + "channels:\n  " + id + ":\n    address: a\n    x-ddp-kind: publication\n" + members;

    [Theory]
    [InlineData("publication", "Publication")]
    [InlineData("method", "Method")]
    [InlineData("eventName", "EventName")]
    [InlineData("eventNameTemplate", "EventNameTemplate")]
    [InlineData("stream", "Stream")]
    [InlineData("writeExtraData", "WriteExtraData")]
    [InlineData("readerAt", "ReaderAt")]
    [InlineData("realtimeStreams", "RealtimeStreams")]
    public void A_channel_named_like_a_member_of_the_streams_class_is_renamed(string id, string name)
    {
        GeneratorOutcome outcome = Run(Channel(id));

        AssertSingle(outcome, "RCG046", $"The channel '{id}' maps to the C# name '{name}', already taken; it is generated as '{name}2'", 6, 3);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Contains($"public static class {name}2", Streams(outcome), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("publicEventName", "PublicEventName")]
    [InlineData("publicEventNameTemplate", "PublicEventNameTemplate")]
    [InlineData("publicStream", "PublicStream")]
    public void A_channel_named_like_one_of_its_own_event_name_members_is_renamed(string id, string name)
    {
        GeneratorOutcome outcome = Run(Channel(id, "    x-ddp-event-name: [public, 'department/{departmentId}']\n"));

        AssertSingle(outcome, "RCG046", $"The channel '{id}' maps to the C# name '{name}', already taken; it is generated as '{name}2'", 6, 3);
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void Channels_that_are_no_mapping_are_reported_at_the_value()
    {
        AssertSingle(Run(Header + "channels: [a, b]\n"), "RCG011", "'channels' is not a mapping", 5, 11);
    }

    [Fact]
    public void A_channel_that_is_no_mapping_is_reported_at_its_key()
    {
        GeneratorOutcome outcome = Run(Header + "channels:\n  room: 5\n  other:\n    address: b\n    x-ddp-kind: method\n");

        AssertSingle(outcome, "RCG011", "The channel 'room' is not a mapping", 6, 3);
        Assert.Contains("public static class Other", Streams(outcome), StringComparison.Ordinal);
        Assert.DoesNotContain("class Room", Streams(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public void An_x_ddp_kind_that_is_no_string_is_reported_at_its_key()
    {
        AssertSingle(
            Run(Channel("room", string.Empty).Replace("x-ddp-kind: publication", "x-ddp-kind: [publication]", StringComparison.Ordinal)),
            "RCG042",
            "The channel 'room' has x-ddp-kind '(none)'; use 'publication' or 'method'. The channel is skipped",
            8,
            5);
    }

    [Fact]
    public void An_inline_extra_data_schema_is_a_record_named_after_the_channel()
    {
        GeneratorOutcome outcome = Run(Publication("    x-ddp-event-name: '{roomId}'\n    x-ddp-extra-data:\n      type: object\n      properties:\n        token: { type: string }\n"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Contains("partial record RoomExtraData", outcome.Sources["Test.Realtime.Realtime.Models.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public static void WriteExtraData(global::System.Text.Json.Utf8JsonWriter writer, RoomExtraData value)", Streams(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_is_documented_by_its_description_else_by_its_summary()
    {
        GeneratorOutcome outcome = Run(Publication("    messages:\n"
            + "      first:\n        summary: First summary.\n        payload: { type: string }\n"
            + "      second:\n        description: Second description.\n        summary: Second summary.\n        payload: { type: string }\n"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        string streams = Streams(outcome);
        Assert.Contains("/// <remarks>First summary.</remarks>", streams, StringComparison.Ordinal);
        Assert.Contains("/// <remarks>Second description.</remarks>", streams, StringComparison.Ordinal);
        Assert.DoesNotContain("Second summary.", streams, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payload_that_is_no_schema_is_reported_at_its_key()
    {
        AssertSingle(
            Run(Publication("    messages:\n      m:\n        payload: 5\n")),
            "RCG045",
            "The payload of message 'M' cannot be typed (it has no payload schema); it is exposed as a JsonElement",
            11,
            9);
    }

    [Theory]
    [InlineData("          schemaFormat: application/vnd.apache.avro;version=1.9.0\n")]
    [InlineData("          schema: { type: string }\n")]
    public void A_multi_format_schema_object_is_reported_at_the_payload_key(string payload)
    {
        GeneratorOutcome outcome = Run(WithPayload(payload));

        AssertSingle(
            outcome,
            "RCG045",
            "The payload of message 'M' cannot be typed (a Multi Format Schema Object; give the JSON schema itself); it is exposed as a JsonElement",
            11,
            9);
        Assert.Contains("public static global::System.Text.Json.JsonElement ReadM(", Streams(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public void Positions_in_prefixItems_are_an_arguments_record()
    {
        GeneratorOutcome outcome = Run(WithPayload("          type: array\n          prefixItems:\n            - { type: string, title: name }\n            - { type: integer, title: count }\n"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        string streams = Streams(outcome);
        Assert.Contains("public static MArguments ReadM(", streams, StringComparison.Ordinal);
        Assert.Contains("public required string Name { get; init; }", streams, StringComparison.Ordinal);
        Assert.Contains("public required long Count { get; init; }", streams, StringComparison.Ordinal);
    }

    [Fact]
    public void An_argument_titled_like_its_record_gets_another_member_name()
    {
        GeneratorOutcome outcome = Run(WithPayload("          type: array\n          items:\n            - { type: string, title: mArguments }\n"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Contains("public required string MArguments2 { get; init; }", Streams(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public void A_position_marked_x_json_element_is_a_json_element_whatever_its_schema()
    {
        GeneratorOutcome outcome = Run(WithPayload("          type: array\n          items:\n            - { type: object, title: raw, x-json-element: true, properties: { a: { type: string } } }\n"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Contains("public required global::System.Text.Json.JsonElement Raw { get; init; }", Streams(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public void A_minItems_beyond_the_positions_is_reported_with_the_count()
    {
        AssertSingle(
            Run(WithPayload("          type: array\n          items:\n            - { type: string }\n          minItems: 3\n")),
            "RCG011",
            "minItems '3' of message 'M' is not a count of at most 1 positions",
            15,
            21);
    }

    [Fact]
    public void A_message_shared_by_two_channels_is_one_arguments_record()
    {
        string document = Header + "channels:\n"
            + "  a:\n    address: a\n    x-ddp-kind: publication\n    messages:\n      shared: { $ref: '#/components/messages/Shared' }\n"
            + "  b:\n    address: b\n    x-ddp-kind: publication\n    messages:\n      shared: { $ref: '#/components/messages/Shared' }\n"
            + "components:\n  messages:\n    Shared:\n      payload:\n        type: array\n        items:\n          - { type: string, title: text }\n";

        GeneratorOutcome outcome = Run(document);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        string streams = Streams(outcome);
        Assert.Equal(2, streams.Split("public static SharedArguments ReadShared(").Length - 1);
        Assert.DoesNotContain("SharedArguments2", streams, StringComparison.Ordinal);
    }
}
