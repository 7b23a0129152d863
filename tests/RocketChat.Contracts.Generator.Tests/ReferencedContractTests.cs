using static RocketChat.Contracts.Generator.Tests.AsyncApiTestDocuments;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// A <c>$ref</c> into another file: what resolves names the type the reference contract's own project generates (with
/// the names that project reserves and gives), and what does not is reported (RCG044) with the reason and the place.
/// </summary>
public sealed class ReferencedContractTests
{
    private const string Unresolved = "; the value is exposed as a JsonElement";

    public static TheoryData<string, string> UnresolvedReferences => new()
    {
        { "rest.yaml", "only '#/components/schemas/<name>' is followed into another file" },
        { "rest.yaml#/components/schemas//Message", "only '#/components/schemas/<name>' is followed into another file" },
        { "rest.yaml#/components/schemas/Message/properties", "only '#/components/schemas/<name>' is followed into another file" },
        { "://host/rest.yaml#/components/schemas/Message", "URLs are never fetched" },
        { "https://example.com/rest.yaml#/components/schemas/Message", "URLs are never fetched" },
        { "other.yaml#/components/schemas/Message", "no AdditionalFiles item named 'other.yaml' has ContractRole=\"Reference\"" },
        { "rest.yaml#/components/schemas/Missing", "'rest.yaml' has no component schema 'Missing'" },
        // No file before the '#': not a local reference ('#/...') either, so it names a file without a name.
        { "#components/schemas/Message", "no AdditionalFiles item named '' has ContractRole=\"Reference\"" },
    };

    [Theory]
    [MemberData(nameof(UnresolvedReferences))]
    public void An_unresolved_reference_is_reported_with_its_reason_at_the_reference(string reference, string reason)
    {
        GeneratorOutcome outcome = Run(WithPayload("          $ref: '" + reference + "'\n"));

        AssertSingle(outcome, "RCG044", "The reference '" + reference + "' cannot be resolved: " + reason + Unresolved, 12, 17);
        Assert.Contains("public static global::System.Text.Json.JsonElement ReadM(", Streams(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public void References_name_the_types_the_reference_contract_generates_under_its_reserved_names()
    {
        string document = WithPayload("          type: array\n          items:\n"
            + "            - $ref: 'rest.yaml#/components/schemas/RestClient'\n"
            + "            - $ref: 'rest.yaml#/components/schemas/RestJsonContext'\n"
            + "            - $ref: 'rest.yaml#/components/schemas/RestSecuritySchemes'\n"
            + "            - $ref: 'rest.yaml#/components/schemas/RoomOwner'\n"
            + "            - $ref: 'rest.yaml#/components/schemas/Status'\n"
            + "            - $ref: 'rest.yaml#/components/schemas/Pet'\n");

        GeneratorOutcome outcome = GeneratorHarness.Run(
            new ContractFile("/contracts/realtime.asyncapi.yaml", document, "Test.Realtime", "Realtime"),
            new ContractFile("/contracts/rest.yaml", Rest, "Test.Rest", "Rest", ContractRole: "Reference"),
            new ContractFile("/elsewhere/rest.yaml", Rest, "Test.Rest", "Rest"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        string streams = Streams(outcome);
        // Members are named after the last segment of each $ref.
        Assert.Contains("public required global::Test.Rest.RestClient2 RestClient { get; init; }", streams, StringComparison.Ordinal);
        Assert.Contains("public required global::Test.Rest.RestJsonContext2 RestJsonContext { get; init; }", streams, StringComparison.Ordinal);
        Assert.Contains("public required global::Test.Rest.RestSecuritySchemes2 RestSecuritySchemes { get; init; }", streams, StringComparison.Ordinal);
        Assert.Contains("public required global::Test.Rest.RoomOwner RoomOwner { get; init; }", streams, StringComparison.Ordinal);
        Assert.Contains("public required global::Test.Rest.Status Status { get; init; }", streams, StringComparison.Ordinal);
        Assert.Contains("public required global::Test.Rest.Pet Pet { get; init; }", streams, StringComparison.Ordinal);
    }

    [Fact]
    public void An_allOf_over_an_enum_of_another_file_is_reported_as_no_record()
    {
        GeneratorOutcome outcome = Run(WithPayload("          type: array\n          items:\n            - allOf:\n"
            + "                - $ref: 'rest.yaml#/components/schemas/Status'\n                - { type: object, properties: { type: { type: string } } }\n"));

        AssertSingle(
            outcome,
            "RCG047",
            "This allOf over a schema of another file cannot be one record ('rest.yaml#/components/schemas/Status' is not a record)" + Unresolved,
            15,
            25);
    }
}
