using System.Reflection;
using System.Text.Json;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// An AsyncAPI allOf over a record of the REST contract plus members of its own (the inquiry queue's
/// <c>{type, ...inquiry}</c>): one record holding the REST record as a member, read from and written as ONE JSON object.
/// </summary>
public sealed class ComposedRecordTests
{
    private const string Rest =
        "openapi: 3.0.3\ninfo:\n  title: Rest\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n"
        + "    Ticket:\n      type: object\n      required: [_id]\n      properties:\n        _id: { type: string }\n        ts: { type: string, format: date-time }\n";

    /// <summary>Own members first (<c>{type, ...ticket}</c>) or the ticket first (<c>{...ticket, type}</c>), as the allOf orders them.</summary>
    private static string Realtime(bool ownFirst)
    {
        string own = "        - type: object\n          required: [type]\n          properties:\n            type: { type: string, enum: [added, removed] }\n            note: { type: string }\n";
        string ticket = "        - $ref: 'rest.yaml#/components/schemas/Ticket'\n";
        return "asyncapi: 3.0.0\ninfo:\n  title: Queue\n  version: '1'\n"
            + "channels:\n  queue:\n    address: stream-queue\n    x-ddp-kind: publication\n    messages:\n      changed:\n        name: changed\n        payload: { $ref: '#/components/schemas/TicketChange' }\n"
            + "components:\n  schemas:\n    TicketChange:\n      allOf:\n" + (ownFirst ? own + ticket : ticket + own);
    }

    private static CompiledContract Compile(bool ownFirst) => CompiledContract.Load(
        "Queue",
        new ContractFile("/contracts/queue.asyncapi.yaml", Realtime(ownFirst), "Test.Queue", "Queue"),
        new ContractFile("/contracts/rest.yaml", Rest, "Test.Rest", "Rest", ContractRole: "Reference"),
        new ContractFile("/generated/rest.yaml", Rest, "Test.Rest", "Rest"));

    [Fact]
    public void The_composed_record_holds_the_rest_record_and_its_own_members_read_from_the_same_object()
    {
        CompiledContract contract = Compile(ownFirst: true);
        Type change = contract.Type("TicketChange");

        object value = contract.Deserialize("""{"type":"added","_id":"t1","ts":"2024-05-01T10:00:00.000Z","note":"vip","extra":{"a":1}}""", change)!;

        object ticket = Member(value, "Ticket")!;
        Assert.Equal("t1", Member(ticket, "Id"));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), Member(ticket, "Ts"));
        Assert.Equal("added", Member(value, "Type")!.ToString());
        Assert.Equal("vip", Member(value, "Note"));
        // Unknown members are the REST record's to keep; the composed record's own members are not unknown to it.
        var unknown = (IReadOnlyDictionary<string, JsonElement>)Member(ticket, "AdditionalProperties")!;
        Assert.Equal(["extra"], unknown.Keys);
    }

    [Theory]
    [InlineData(true, """{"type":"added","note":"vip","_id":"t1","ts":"2024-05-01T10:00:00.000Z","extra":{"a":1}}""")]
    [InlineData(false, """{"_id":"t1","ts":"2024-05-01T10:00:00.000Z","extra":{"a":1},"type":"added","note":"vip"}""")]
    public void The_composed_record_is_written_back_as_one_object_in_the_order_of_the_allOf(bool ownFirst, string expected)
    {
        CompiledContract contract = Compile(ownFirst);
        Type change = contract.Type("TicketChange");
        object value = contract.Deserialize("""{"extra":{"a":1},"note":"vip","ts":"2024-05-01T10:00:00.000Z","_id":"t1","type":"added"}""", change)!;

        string written = contract.Serialize(value, change);

        Assert.Equal(expected, written);
    }

    [Fact]
    public void A_member_the_rest_record_also_keeps_as_unknown_is_written_once()
    {
        CompiledContract contract = Compile(ownFirst: true);
        Type change = contract.Type("TicketChange");
        object value = contract.Deserialize("""{"type":"added","_id":"t1"}""", change)!;
        object ticket = Member(value, "Ticket")!;
        // A caller building the REST record by hand may leave the composed member among its unknown ones.
        object stale = Clone(ticket, "AdditionalProperties", new Dictionary<string, JsonElement> { ["type"] = JsonElement.Parse("\"removed\"") });

        string written = contract.Serialize(Clone(value, "Ticket", stale), change);

        Assert.Equal("""{"type":"added","_id":"t1"}""", written);
    }

    [Theory]
    [InlineData("""{"_id":"t1"}""", "type")]
    [InlineData("""{"type":"added"}""", "_id")]
    public void A_missing_required_member_of_either_part_is_a_json_exception_naming_it(string json, string member)
    {
        CompiledContract contract = Compile(ownFirst: true);

        JsonException error = Assert.Throws<JsonException>(() => contract.Deserialize(json, contract.Type("TicketChange")));

        Assert.Contains($"'{member}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_is_no_object_is_a_json_exception()
    {
        CompiledContract contract = Compile(ownFirst: true);

        Assert.Throws<JsonException>(() => contract.Deserialize("""["added"]""", contract.Type("TicketChange")));
    }

    [Fact]
    public void The_part_is_named_after_its_title_and_an_own_member_of_that_csharp_name_is_renamed_with_rcg015()
    {
        string document = "asyncapi: 3.0.0\ninfo:\n  title: Queue\n  version: '1'\nchannels: {}\ncomponents:\n  schemas:\n    TicketChange:\n      allOf:\n"
            + "        - $ref: 'rest.yaml#/components/schemas/Ticket'\n          title: current\n"
            + "        - type: object\n          properties:\n            current: { type: string }\n";

        GeneratorOutcome outcome = GeneratorHarness.Run(
            new ContractFile("/contracts/queue.asyncapi.yaml", document, "Test.Queue", "Queue"),
            new ContractFile("/contracts/rest.yaml", Rest, "Test.Rest", "Rest", ContractRole: "Reference"),
            new ContractFile("/generated/rest.yaml", Rest, "Test.Rest", "Rest"));

        Microsoft.CodeAnalysis.Diagnostic renamed = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG015", renamed.Id);
        Assert.Equal(14, renamed.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(outcome.CompileDiagnostics);
        string models = outcome.Sources["Test.Queue.Queue.Models.g.cs"];
        Assert.Contains("public required global::Test.Rest.Ticket Current { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public string? Current2 { get; init; }", models, StringComparison.Ordinal);
    }

    [Fact]
    public void Own_members_named_like_the_readers_locals_are_read_and_written_like_any_other()
    {
        // The part is read on a copy of the reader, a local named partReader; the reader itself is the parameter reader.
        // Own members of those names get other locals.
        string realtime = Realtime(ownFirst: true).Replace(
            "            note: { type: string }\n",
            "            note: { type: string }\n            partReader: { type: string }\n            ticketValue: { type: integer, format: int64 }\n            reader: { type: boolean }\n",
            StringComparison.Ordinal);
        CompiledContract contract = CompiledContract.Load(
            "Queue",
            new ContractFile("/contracts/queue.asyncapi.yaml", realtime, "Test.Queue", "Queue"),
            new ContractFile("/contracts/rest.yaml", Rest, "Test.Rest", "Rest", ContractRole: "Reference"),
            new ContractFile("/generated/rest.yaml", Rest, "Test.Rest", "Rest"));
        Type change = contract.Type("TicketChange");
        const string json = """{"type":"added","partReader":"p","ticketValue":7,"reader":true,"_id":"t1"}""";

        object value = contract.Deserialize(json, change)!;

        Assert.Equal("p", Member(value, "PartReader"));
        Assert.Equal(7L, Member(value, "TicketValue"));
        Assert.Equal(true, Member(value, "Reader"));
        Assert.Equal("t1", Member(Member(value, "Ticket")!, "Id"));
        Assert.Equal(json, contract.Serialize(value, change));
    }

    private static object? Member(object value, string name) => value.GetType().GetProperty(name)!.GetValue(value);

    /// <summary>A record copy with one init-only member replaced (what <c>with</c> does, by reflection in the test).</summary>
    private static object Clone(object value, string member, object replacement)
    {
        object copy = value.GetType().GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance)!.Invoke(value, null)!;
        copy.GetType().GetProperty(member)!.SetValue(copy, replacement);
        return copy;
    }
}
