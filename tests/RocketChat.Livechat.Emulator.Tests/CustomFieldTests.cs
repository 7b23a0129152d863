using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>POST livechat/custom.field and custom.fields: values of the configured custom fields, by scope.</summary>
public sealed class CustomFieldTests
{
    private static Task<EmulatorHarness> StartAsync() => EmulatorHarness.StartAsync(options =>
    {
        options.CustomFields.Add(new EmulatorCustomField("address", CustomFieldScope.Visitor));
        options.CustomFields.Add(new EmulatorCustomField("orderId", CustomFieldScope.Room, Regexp: "^[0-9]+$"));
    });

    private static CustomFieldInput Field(string key, string value, bool overwrite = true) => new() { Key = key, Value = value, Overwrite = overwrite };

    [Fact]
    public async Task A_visitor_field_goes_to_the_visitor_and_overwrite_false_keeps_the_first_value()
    {
        await using var server = await StartAsync();
        Visitor visitor = await server.RegisterVisitorAsync();

        SetCustomFieldResponse first = await server.Anonymous.Visitors.SetCustomFieldAsync(new SetCustomFieldRequest { Token = visitor.Token, Key = "address", Value = "Main St 1", Overwrite = true });
        await server.Anonymous.Visitors.SetCustomFieldAsync(new SetCustomFieldRequest { Token = visitor.Token, Key = "address", Value = "Elm St 2", Overwrite = false });

        Assert.Equal("Main St 1", first.Field.Value);
        Assert.True(first.Field.Overwrite);
        Visitor stored = (await server.Anonymous.Visitors.GetVisitorAsync(visitor.Token)).Visitor;
        Assert.Equal("Main St 1", stored.LivechatData?.GetProperty("address").GetString());
    }

    [Fact]
    public async Task Several_fields_go_by_scope_and_are_answered_room_fields_first_with_a_capital_Key()
    {
        await using var server = await StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/custom.fields", $$"""
            { "token": "{{visitor.Token}}", "customFields": [
                { "key": "address", "value": "Main St 1", "overwrite": true },
                { "key": "orderId", "value": "4711", "overwrite": true } ] }
            """);

        response.ShouldBe(HttpStatusCode.OK, """
            { "fields": [
                { "Key": "orderId", "value": "4711", "overwrite": true },
                { "Key": "address", "value": "Main St 1", "overwrite": true } ],
              "success": true }
            """);
        LivechatRoom stored = (await (await server.ClientAsync("manager")).Rooms.ListRoomsAsync()).Rooms.Single(r => r.Id == room.Id);
        Assert.Equal("4711", stored.LivechatData?.GetProperty("orderId").GetString());
        Assert.Equal("Main St 1", (await server.Anonymous.Visitors.GetVisitorAsync(visitor.Token)).Visitor.LivechatData?.GetProperty("address").GetString());
    }

    [Fact]
    public async Task The_typed_client_reads_the_saved_fields()
    {
        await using var server = await StartAsync();
        Visitor visitor = await server.RegisterVisitorAsync();

        SetCustomFieldsResponse response = await server.Anonymous.Visitors.SetCustomFieldsAsync(new SetCustomFieldsRequest { Token = visitor.Token, CustomFields = [Field("address", "Main St 1")] });

        SavedCustomField saved = Assert.Single(response.Fields);
        Assert.Equal("address", saved.Key);
        Assert.Equal("Main St 1", saved.Value);
    }

    [Fact]
    public async Task Unknown_fields_values_the_regexp_refuses_and_unknown_tokens_are_errors_and_nothing_is_saved()
    {
        await using var server = await StartAsync();
        (Visitor visitor, _) = await server.StartChatAsync();

        var unknownField = await Assert.ThrowsAsync<RocketChatApiException>(() =>
            server.Anonymous.Visitors.SetCustomFieldAsync(new SetCustomFieldRequest { Token = visitor.Token, Key = "nope", Value = "v", Overwrite = true }));
        var badValue = await Assert.ThrowsAsync<RocketChatApiException>(() =>
            server.Anonymous.Visitors.SetCustomFieldsAsync(new SetCustomFieldsRequest { Token = visitor.Token, CustomFields = [Field("address", "Main St 1"), Field("orderId", "abc")] }));
        var oneUnknown = await Assert.ThrowsAsync<RocketChatApiException>(() =>
            server.Anonymous.Visitors.SetCustomFieldsAsync(new SetCustomFieldsRequest { Token = visitor.Token, CustomFields = [Field("address", "Main St 1"), Field("nope", "v")] }));
        var badToken = await Assert.ThrowsAsync<RocketChatApiException>(() =>
            server.Anonymous.Visitors.SetCustomFieldAsync(new SetCustomFieldRequest { Token = "no-such-token", Key = "address", Value = "v", Overwrite = true }));

        Assert.Equal("invalid-custom-field", unknownField.Error);
        Assert.Equal("Invalid value for orderId field", badValue.Error);
        Assert.Equal("invalid-custom-field", oneUnknown.Error);
        Assert.Equal("invalid-token", badToken.Error);
        Assert.Null((await server.Anonymous.Visitors.GetVisitorAsync(visitor.Token)).Visitor.LivechatData);
    }

    [Theory]
    [InlineData("/api/v1/livechat/custom.field", """{ "token": "t", "key": "k", "value": "v" }""", "must have required property 'overwrite' [invalid-params]")]
    [InlineData("/api/v1/livechat/custom.field", """{ "token": "t", "key": "k", "value": "v", "overwrite": "yes" }""", "must be boolean [invalid-params]")]
    [InlineData("/api/v1/livechat/custom.fields", """{ "token": "t" }""", "must have required property 'customFields' [invalid-params]")]
    [InlineData("/api/v1/livechat/custom.fields", """{ "token": "t", "customFields": [{ "key": "k", "value": "v" }] }""", "must have required property 'overwrite' [invalid-params]")]
    public async Task Schema_violations_are_invalid_params(string path, string body, string error)
    {
        await using var server = await StartAsync();

        ApiResponse response = await server.PostAsync(path, body);

        response.ShouldBe(HttpStatusCode.BadRequest, $$"""{ "success": false, "error": "{{error}}", "errorType": "invalid-params" }""");
    }
}
