using System.Text.Json;
using System.Text.Json.Nodes;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>readOnly, writeOnly, default and discriminated oneOf, as petstore.yaml declares them, on real JSON.</summary>
public sealed class ModelFeatureTests
{
    private readonly CompiledContract _petstore = ModelRoundTripTests.Compiled("petstore");

    [Fact]
    public void ReadOnly_members_are_read_from_responses_and_never_written_into_a_request()
    {
        Type account = _petstore.Type("Account");

        object read = _petstore.Deserialize("""{"id":"a1","login":"ann","createdAt":"2026-01-02T03:04:05+00:00"}""", account)!;
        Assert.Equal("a1", account.GetProperty("Id")!.GetValue(read));
        Assert.NotNull(account.GetProperty("CreatedAt")!.GetValue(read));

        JsonObject written = JsonNode.Parse(_petstore.Serialize(read, account))!.AsObject();
        Assert.False(written.ContainsKey("id"));
        Assert.False(written.ContainsKey("createdAt"));
        Assert.Equal("ann", (string?)written["login"]);
    }

    [Fact]
    public void WriteOnly_members_are_written_into_requests_and_never_read_from_a_response()
    {
        Type account = _petstore.Type("Account");

        object echoed = _petstore.Deserialize("""{"login":"ann","password":"s3cr3t"}""", account)!;
        Assert.Null(account.GetProperty("Password")!.GetValue(echoed));
        var unknown = (IReadOnlyDictionary<string, JsonElement>?)account.GetProperty("AdditionalProperties")!.GetValue(echoed);
        Assert.True(unknown is null || !unknown.ContainsKey("password"));

        object request = account.GetProperty("Password")!.SetMethodCopy(echoed, "n3w-s3cr3t");
        Assert.Contains("\"password\":\"n3w-s3cr3t\"", _petstore.Serialize(request, account), StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_apply_to_absent_members_in_new_records_and_when_reading()
    {
        Type cat = _petstore.Type("Cat");
        Type dog = _petstore.Type("Dog");

        object read = _petstore.Deserialize("""{"petType":"cat","name":"Tom"}""", cat)!;
        Assert.Equal(true, cat.GetProperty("Indoor")!.GetValue(read));
        Assert.Equal(9, cat.GetProperty("Lives")!.GetValue(read));

        object sent = _petstore.Deserialize("""{"petType":"cat","name":"Tom","indoor":false,"lives":3}""", cat)!;
        Assert.Equal(false, cat.GetProperty("Indoor")!.GetValue(sent));
        Assert.Equal(3, cat.GetProperty("Lives")!.GetValue(sent));

        object rex = _petstore.Deserialize("""{"petType":"dog","name":"Rex"}""", dog)!;
        Assert.Equal("mixed", dog.GetProperty("Breed")!.GetValue(rex));
        Assert.Equal("available", dog.GetProperty("Status")!.GetValue(rex)!.ToString());
    }

    [Fact]
    public void A_discriminated_oneOf_reads_the_record_its_discriminator_names_wherever_the_member_is()
    {
        Type animal = _petstore.Type("Animal");

        object dog = _petstore.Deserialize("""{"name":"Rex","breed":"collie","petType":"dog"}""", animal)!;
        object cat = _petstore.Deserialize("""{"petType":"cat","name":"Tom","lives":7}""", animal)!;

        Assert.Equal("Dog", dog.GetType().Name);
        Assert.Equal("collie", dog.GetType().GetProperty("Breed")!.GetValue(dog));
        Assert.Equal("Cat", cat.GetType().Name);
        Assert.Equal(7, cat.GetType().GetProperty("Lives")!.GetValue(cat));
        Assert.True(animal.IsAssignableFrom(dog.GetType()) && animal.IsAbstract);

        string written = _petstore.Serialize(dog, animal);
        Assert.Contains("\"petType\":\"dog\"", written, StringComparison.Ordinal);
        Assert.Contains("\"breed\":\"collie\"", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"petType":"bird","name":"Tweety"}""", "unknown petType 'bird'")]
    [InlineData("""{"name":"Nobody"}""", "no string member 'petType'")]
    [InlineData("""{"petType":7,"name":"Seven"}""", "no string member 'petType'")]
    public void An_unknown_or_missing_discriminator_is_a_JsonException_not_a_guess(string json, string expected)
    {
        JsonException error = Assert.Throws<JsonException>(() => _petstore.Deserialize(json, _petstore.Type("Animal")));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_enum_is_an_extensible_enum_type_like_a_referenced_one()
    {
        Type pet = _petstore.Type("Pet");
        Type size = pet.GetProperty("Size")!.PropertyType;

        Assert.Equal("PetSize", Nullable.GetUnderlyingType(size)?.Name);
        Assert.Equal(new[] { "small", "medium", "large" }, JsonSamples.KnownValues(Nullable.GetUnderlyingType(size)!));
        object read = _petstore.Deserialize("""{"id":1,"name":"Rex","status":null,"size":"huge"}""", pet)!;
        Assert.Equal("huge", pet.GetProperty("Size")!.GetValue(read)!.ToString());
    }

    [Fact]
    public void A_list_of_union_members_round_trips_each_kind()
    {
        Type shelter = _petstore.Type("Shelter");
        const string json = """{"featured":{"petType":"cat","name":"Tom","indoor":true,"lives":9},"animals":[{"name":"Rex","petType":"dog","breed":"mixed","status":"available"},{"petType":"cat","name":"Kit","indoor":false,"lives":1}]}""";

        object read = _petstore.Deserialize(json, shelter)!;
        var animals = (System.Collections.IEnumerable)shelter.GetProperty("Animals")!.GetValue(read)!;

        Assert.Equal(new[] { "Dog", "Cat" }, animals.Cast<object>().Select(a => a.GetType().Name));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(_petstore.Serialize(read, shelter))));
    }
}

internal static class RecordCopies
{
    /// <summary>A copy of a record with one init-only property changed, as <c>with</c> does (the test has no static types).</summary>
    public static object SetMethodCopy(this System.Reflection.PropertyInfo property, object record, object? value)
    {
        object copy = record.GetType().GetMethod("<Clone>$")!.Invoke(record, null)!;
        property.SetValue(copy, value);
        return copy;
    }
}
