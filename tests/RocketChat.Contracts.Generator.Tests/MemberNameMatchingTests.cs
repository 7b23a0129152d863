using System.Text.Json;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// A generated reader matches each member by its raw name, and the writer writes it escaped as the encoder wants: names
/// with punctuation, characters the encoder escapes and non-ASCII text are each read into their own member, never kept
/// as unknown members, and written back under the same name.
/// </summary>
public sealed class MemberNameMatchingTests
{
    private static readonly string[] s_names =
    [
        "plain", "snake_case", "kebab-case", "dotted.name", "$dollar", "@at", "colon:name", "slash/name", "Digits123",
        "plus+sign", "less<than", "amp&ersand", "quote'mark", "back`tick", "space name", "caf\u00e9", "\u65e5\u672c", "emoji\U0001F600",
    ];

    private static readonly CompiledContract s_contract = CompiledContract.Load("Names", new ContractFile("/contracts/names.yaml", Contract(), "Test.Names", "Names"));

    [Fact]
    public void Every_name_is_read_into_its_own_member_and_written_back_under_the_same_name()
    {
        Type type = s_contract.Type("Names");
        var sent = s_names.Select((name, i) => (name, value: i + 1)).ToList();
        string json = JsonSerializer.Serialize(sent.ToDictionary(p => p.name, p => p.value));

        object read = s_contract.Deserialize(json, type)!;

        Assert.Null(type.GetProperty("AdditionalProperties")!.GetValue(read));
        using JsonDocument written = JsonDocument.Parse(s_contract.Serialize(read, type));
        Assert.Equal(sent, written.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).ToList());
    }

    [Fact]
    public void A_read_only_member_which_has_no_written_name_is_read_by_its_raw_name()
    {
        Type type = s_contract.Type("Names");

        object read = s_contract.Deserialize("""{"read-only":1,"read+only":2}""", type)!;

        Assert.Null(type.GetProperty("AdditionalProperties")!.GetValue(read));
        Assert.Equal([1L, 2L], type.GetProperties().Where(p => p.Name.StartsWith("Read", StringComparison.Ordinal)).Select(p => p.GetValue(read)).Cast<long>().Order());
    }

    private static string Contract()
    {
        string properties = string.Concat(s_names.Select(name => $"        {JsonSerializer.Serialize(name)}: {{ type: integer, format: int32 }}\n"));
        return "openapi: 3.0.3\ninfo: { title: Names, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Names:\n      type: object\n      properties:\n"
            + properties
            + "        read-only: { type: integer, format: int64, readOnly: true }\n"
            + "        read+only: { type: integer, format: int64, readOnly: true }\n";
    }
}
