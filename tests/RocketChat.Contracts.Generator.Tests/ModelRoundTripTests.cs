using System.Text.Json;
using System.Text.Json.Nodes;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// For every generated model of every contract the tests use, JSON with each member null, absent and at its type's
/// limits reads and writes back as sent: nothing turns into a default (0, false, 0001-01-01, an empty JsonElement).
/// </summary>
public sealed class ModelRoundTripTests
{

    private static readonly Dictionary<string, string> s_paths = new()
    {
        ["livechat"] = Path.Combine(RepoPaths.Contracts, "livechat.yaml"),
        ["webhooks"] = Path.Combine(RepoPaths.Contracts, "livechat-webhooks.yaml"),
        ["features"] = Path.Combine(RepoPaths.TestContracts, "features.yaml"),
        ["store"] = Path.Combine(RepoPaths.TestContracts, "store.yaml"),
        ["hostile"] = Path.Combine(RepoPaths.TestContracts, "hostile.yaml"),
        ["petstore"] = Path.Combine(RepoPaths.TestContracts, "petstore.yaml"),
    };

    public static TheoryData<string> ContractNames => new() { "livechat", "webhooks", "store", "hostile", "petstore", "features" };

    /// <summary>The contract generated now and compiled (or taken from <see cref="CompiledContract"/>'s cache of identical output).</summary>
    internal static CompiledContract Compiled(string name) => name switch
    {
        "livechat" => CompiledContract.Load(Path.Combine(RepoPaths.Contracts, "livechat.yaml"), "RocketChat.Livechat", "Livechat"),
        "store" => CompiledContract.Load(Path.Combine(RepoPaths.TestContracts, "store.yaml"), "Test.Store", "Store"),
        "webhooks" => CompiledContract.Load(Path.Combine(RepoPaths.Contracts, "livechat-webhooks.yaml"), "RocketChat.Livechat.Webhooks", "LivechatWebhooks"),
        "features" => CompiledContract.Load(Path.Combine(RepoPaths.TestContracts, "features.yaml"), "RocketChat.Livechat.Tests.Features", "Features"),
        "hostile" => CompiledContract.Load(Path.Combine(RepoPaths.TestContracts, "hostile.yaml"), "Test.Hostile", "Hostile"),
        "petstore" => CompiledContract.Load(Path.Combine(RepoPaths.TestContracts, "petstore.yaml"), "Test.Petstore", "Petstore"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void Every_record_round_trips_members_at_their_limits_null_and_absent(string contract)
    {
        CompiledContract compiled = Compiled(contract);
        ContractFacts facts = ContractFacts.Read(s_paths[contract]);
        JsonSamples.Facts.Value = facts;
        var failures = new List<string>();
        Type[] records = compiled.ModelTypes.Where(t => JsonSamples.IsRecord(t) && !t.IsAbstract).ToArray();
        Assert.NotEmpty(records);
        foreach (Type record in records)
        {
            foreach (Limit limit in new[] { Limit.Max, Limit.Min })
            {
                CheckRoundTrip(compiled, facts, record, JsonSamples.Object(record, limit), expectedNull: null, $"{record.Name} at {limit}", failures);
            }

            foreach (ModelMember member in ModelMember.Of(record))
            {
                JsonObject withNull = JsonSamples.Object(record, Limit.Max);
                withNull[member.JsonName] = null;
                if (member.IsRequired && !member.AcceptsNull)
                {
                    ExpectRejected(compiled, record, withNull, $"{member} null although required and not nullable", failures);
                }
                else
                {
                    CheckRoundTrip(compiled, facts, record, withNull, member, $"{member} null", failures);
                }

                JsonObject without = JsonSamples.Object(record, Limit.Max);
                without.Remove(member.JsonName);
                if (member.IsRequired)
                {
                    ExpectRejected(compiled, record, without, $"{member} absent although required", failures);
                }
                else
                {
                    CheckRoundTrip(compiled, facts, record, without, member, $"{member} absent", failures);
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} problems in {records.Length} records:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void Every_enum_keeps_known_and_unknown_values(string contract)
    {
        CompiledContract compiled = Compiled(contract);
        foreach (Type generatedEnum in compiled.ModelTypes.Where(JsonSamples.IsGeneratedEnum))
        {
            foreach (string value in JsonSamples.KnownValues(generatedEnum).Append("a-value-the-contract-does-not-list"))
            {
                string json = JsonSerializer.Serialize(value);
                object read = compiled.Deserialize(json, generatedEnum)!;
                Assert.Equal(value, generatedEnum.GetProperty("Value")!.GetValue(read));
                Assert.Equal(value, JsonSerializer.Deserialize<string>(compiled.Serialize(read, generatedEnum)));
            }
        }
    }

    [Fact]
    public void LivechatUser_with_livechat_null_reads_null_and_writes_back_without_throwing()
    {
        CompiledContract livechat = Compiled("livechat");
        Type user = livechat.Type("LivechatUser");

        object read = livechat.Deserialize("""{"_id":"u1","livechat":null}""", user)!;

        // Before: a default JsonElement (ValueKind Undefined) that threw when written back.
        Assert.Null(user.GetProperty("LivechatSettings")!.GetValue(read));
        string written = livechat.Serialize(read, user);
        Assert.Equal("""{"_id":"u1"}""", written);
    }

    [Fact]
    public void An_unformatted_integer_holds_a_13_digit_epoch_ms_and_int32_stays_int()
    {
        CompiledContract petstore = Compiled("petstore");
        Type pet = petstore.Type("Pet");

        object read = petstore.Deserialize("""{"id":1,"name":"Rex","status":"sold","registeredAtMs":1732550400123}""", pet)!;

        Assert.Equal(1732550400123L, pet.GetProperty("RegisteredAtMs")!.GetValue(read));
        Assert.Equal(typeof(long?), pet.GetProperty("Age")!.PropertyType);
        Assert.Equal(typeof(int?), pet.GetProperty("LitterSize")!.PropertyType);
        Assert.Equal(typeof(int), petstore.Type("Error").GetProperty("Code")!.PropertyType);
    }

    [Fact]
    public void An_enum_listing_null_has_no_Null_member_and_its_property_reads_null()
    {
        CompiledContract petstore = Compiled("petstore");
        Type status = petstore.Type("PetStatus");
        Type pet = petstore.Type("Pet");

        Assert.Equal(new[] { "available", "pending", "sold" }, JsonSamples.KnownValues(status));
        Assert.Null(status.GetProperty("Null"));
        object read = petstore.Deserialize("""{"id":1,"name":"Rex","status":null}""", pet)!;
        Assert.Null(pet.GetProperty("Status")!.GetValue(read));
        Assert.Contains("\"status\":null", petstore.Serialize(read, pet), StringComparison.Ordinal);
    }

    [Fact]
    public void OpenApi_3_1_null_types_make_value_types_nullable_and_read_null_as_null()
    {
        CompiledContract petstore = Compiled("petstore");
        Type pet = petstore.Type("Pet");

        object read = petstore.Deserialize(
            """{"id":1,"name":"Rex","status":"sold","tag":null,"age":null,"litterSize":null,"weight":null,"vaccinated":null,"bornAt":null,"notes":null,"owner":null}""",
            pet)!;

        foreach (string property in new[] { "Tag", "Age", "LitterSize", "Weight", "Vaccinated", "BornAt", "Notes", "Owner" })
        {
            Assert.True(pet.GetProperty(property)!.GetValue(read) is null, property + " should read JSON null as null");
        }
    }

    private static void CheckRoundTrip(CompiledContract compiled, ContractFacts facts, Type record, JsonObject json, ModelMember? expectedNull, string what, List<string> failures)
    {
        string sent = json.ToJsonString();
        object read;
        string written;
        try
        {
            read = compiled.Deserialize(sent, record)!;
            written = compiled.Serialize(read, record);
        }
        catch (Exception ex)
        {
            failures.Add($"{what}: {ex.GetType().Name}: {ex.Message} for {sent}");
            return;
        }

        var expected = (JsonObject)json.DeepClone();
        foreach (ModelMember member in ModelMember.Of(record))
        {
            object? value = member.Property.GetValue(read);
            bool sentValue = json.TryGetPropertyValue(member.JsonName, out JsonNode? node) && node is not null;
            (string, string) key = (record.Name, member.JsonName);
            if (facts.WriteOnly.Contains(key))
            {
                // writeOnly: never read from a response, so never written back from one either.
                if (value is not null)
                {
                    failures.Add($"{what}: writeOnly {member} was read as {value}");
                }

                expected.Remove(member.JsonName);
                continue;
            }

            if (facts.ReadOnly.Contains(key))
            {
                // readOnly: read, but never written (it would go into a request body).
                expected.Remove(member.JsonName);
            }

            if (!sentValue && value is not null && facts.WithDefault.Contains(key))
            {
                // Absent with a default: the default is applied, and written back.
                expected.Remove(member.JsonName);
                JsonObject back = JsonNode.Parse(written)!.AsObject();
                if (!back.ContainsKey(member.JsonName))
                {
                    failures.Add($"{what}: {member} got its default {value} but did not write it back");
                }

                continue;
            }

            if (sentValue && value is null)
            {
                failures.Add($"{what}: {member} was sent {node!.ToJsonString()} and read as null");
            }
            else if (!sentValue && value is not null)
            {
                failures.Add($"{what}: {member} was sent as null or absent and read as {value}");
            }
        }

        // Written back: the same members with the same values; a null member may be written as null or left out.
        if (expectedNull != null && !expected.ContainsKey(expectedNull.JsonName))
        {
            expected[expectedNull.JsonName] = null;
        }

        JsonObject actual = JsonNode.Parse(written)!.AsObject();
        foreach (ModelMember member in ModelMember.Of(record).Where(m => facts.WithDefault.Contains((record.Name, m.JsonName)) && !json.ContainsKey(m.JsonName)))
        {
            actual.Remove(member.JsonName);
        }

        foreach (string name in expected.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            expected.Remove(name);
            actual.Remove(name, out JsonNode? writtenNull);
            if (writtenNull is not null)
            {
                failures.Add($"{what}: \"{name}\" was null and was written as {writtenNull.ToJsonString()}");
            }
        }

        var differences = new List<string>();
        using JsonDocument expectedDocument = JsonDocument.Parse(expected.ToJsonString());
        using JsonDocument actualDocument = JsonDocument.Parse(actual.ToJsonString());
        if (!JsonSamples.Equivalent(expectedDocument.RootElement, actualDocument.RootElement, record.Name, differences))
        {
            failures.Add($"{what}: written back differently: {string.Join("; ", differences)}");
        }
    }

    private static void ExpectRejected(CompiledContract compiled, Type record, JsonObject json, string what, List<string> failures)
    {
        try
        {
            compiled.Deserialize(json.ToJsonString(), record);
            failures.Add($"{what}: read without a JsonException");
        }
        catch (JsonException)
        {
            // Refused loudly, as it must be.
        }
    }
}
