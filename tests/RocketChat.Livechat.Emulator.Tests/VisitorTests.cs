using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>POST livechat/visitor and GET/DELETE livechat/visitor/:token (reference §2.1, §2.2, §5.2 items 1-8).</summary>
public sealed class VisitorTests
{
    [Theory]
    [InlineData("{}", "Match error: Missing key 'visitor'")]
    [InlineData("""{ "visitor": {} }""", "Match error: Missing key 'token' in field visitor")]
    [InlineData("""{ "visitor": { "token": 42 } }""", "Match error: Expected string, got number in field visitor.token")]
    [InlineData("""{ "visitor": { "token": "t", "name": 1 } }""", "Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation in field visitor.name")]
    [InlineData("""{ "visitor": { "token": "t" }, "extra": 1 }""", "Match error: Unknown key in field extra")]
    [InlineData("""{ "visitor": { "token": "t", "customFields": [{ "key": "a", "value": "b" }] } }""", "Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation in field visitor.customFields")]
    public async Task Register_rejects_bodies_that_fail_the_routes_check(string body, string error)
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/visitor", body);

        response.ShouldBe(HttpStatusCode.BadRequest, $$"""{ "success": false, "error": "{{error}}" }""");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Register_rejects_an_empty_token_with_a_Meteor_error(string token)
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/visitor", $$"""{ "visitor": { "token": "{{token}}" } }""");

        response.ShouldBe(HttpStatusCode.BadRequest, """
            { "success": false, "error": "Token cannot be empty [error-invalid-token]", "errorType": "error-invalid-token",
              "details": { "method": "livechat/visitor" } }
            """);
    }

    [Fact]
    public async Task Register_creates_an_online_guest_with_a_guest_username()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/visitor", """{ "visitor": { "token": "test" } }""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.Body.GetProperty("success").GetBoolean());
        var visitor = response.Body.GetProperty("visitor");
        Assert.Equal("test", visitor.GetProperty("token").GetString());
        Assert.Equal("online", visitor.GetProperty("status").GetString());
        Assert.Matches("^guest-[0-9]+$", visitor.GetProperty("username").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", visitor.GetProperty("ts").GetString());
        Assert.False(visitor.TryGetProperty("livechatData", out _));
    }

    [Fact]
    public async Task Register_stores_phone_as_phoneNumber_and_email_lower_cased()
    {
        await using var server = await EmulatorHarness.StartAsync();

        Visitor visitor = await server.RegisterVisitorAsync(name: "Maria", phone: "+5551999990000", email: "Maria.Silva@Example.COM");

        Assert.Equal("+5551999990000", Assert.Single(visitor.Phone!).PhoneNumber);
        Assert.Equal("maria.silva@example.com", Assert.Single(visitor.Emails!).Address);
        Assert.Equal("Maria", visitor.Name);
    }

    [Fact]
    public async Task Register_with_the_same_token_updates_the_visitor()
    {
        await using var server = await EmulatorHarness.StartAsync();
        Visitor first = await server.RegisterVisitorAsync(token: "same-token", name: "Before");

        Visitor second = await server.RegisterVisitorAsync(token: "same-token", name: "After");

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("After", second.Name);
        Assert.Equal("After", (await server.Anonymous.Visitors.GetVisitorAsync("same-token")).Visitor.Name);
    }

    [Fact]
    public async Task Same_phone_with_another_token_returns_the_existing_visitor_and_keeps_its_token()
    {
        await using var server = await EmulatorHarness.StartAsync();
        Visitor first = await server.RegisterVisitorAsync(token: "first-token", phone: "+15550001");

        Visitor second = await server.RegisterVisitorAsync(token: "second-token", phone: "+15550001");

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("first-token", second.Token);
    }

    [Fact]
    public async Task Same_email_with_another_token_returns_the_existing_visitor()
    {
        await using var server = await EmulatorHarness.StartAsync();
        Visitor first = await server.RegisterVisitorAsync(token: "first-token", email: "guest@example.com");

        Visitor second = await server.RegisterVisitorAsync(token: "second-token", email: "GUEST@example.com");

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("first-token", second.Token);
    }

    [Fact]
    public async Task Custom_fields_without_a_visitor_scope_field_are_ignored()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/visitor",
            """{ "visitor": { "token": "cf", "customFields": [{ "key": "address", "value": "Rua 1", "overwrite": true }] } }""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.Body.GetProperty("visitor").TryGetProperty("livechatData", out _));
    }

    [Fact]
    public async Task Register_rejects_an_invalid_email_and_an_unknown_department()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse badEmail = await server.PostAsync("/api/v1/livechat/visitor", """{ "visitor": { "token": "e", "email": "not-an-email" } }""");
        ApiResponse badDepartment = await server.PostAsync("/api/v1/livechat/visitor", """{ "visitor": { "token": "d", "department": "Sales" } }""");

        badEmail.ShouldBe(HttpStatusCode.BadRequest, """
            { "success": false, "error": "Invalid email not-an-email [error-invalid-email]", "errorType": "error-invalid-email",
              "details": { "function": "Livechat.validateEmail", "email": "not-an-email" } }
            """);
        badDepartment.ShouldBe(HttpStatusCode.BadRequest,
            """{ "success": false, "error": "The provided department is invalid [error-invalid-department]", "errorType": "error-invalid-department" }""");
    }

    [Fact]
    public async Task Get_returns_the_visitor_and_an_unknown_token_is_invalid_token()
    {
        await using var server = await EmulatorHarness.StartAsync();
        Visitor registered = await server.RegisterVisitorAsync(name: "Get Me");

        GetVisitorResponse found = await server.Anonymous.Visitors.GetVisitorAsync(registered.Token);
        ApiResponse unknown = await server.GetAsync("/api/v1/livechat/visitor/invalid");

        Assert.True(found.Success);
        Assert.Equal(registered.Id, found.Visitor.Id);
        unknown.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "[invalid-token]", "errorType": "invalid-token" }""");
    }

    [Fact]
    public async Task Generated_client_exposes_the_invalid_token_code()
    {
        await using var server = await EmulatorHarness.StartAsync();

        var error = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Visitors.GetVisitorAsync("invalid"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("invalid-token", error.ErrorType);
        Assert.Equal("invalid-token", error.ErrorCode);
    }

    [Fact]
    public async Task Delete_refuses_a_visitor_with_an_open_room_and_removes_one_without()
    {
        var clock = new ManualTimeProvider();
        await using var server = await EmulatorHarness.StartAsync(options => options.TimeProvider = clock);
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        DateTimeOffset deletedAt = clock.GetUtcNow();

        ApiResponse refused = await server.SendAsync(HttpMethod.Delete, $"/api/v1/livechat/visitor/{visitor.Token}");
        await server.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = room.Id, Token = visitor.Token });
        DeleteVisitorResponse deleted = await server.Anonymous.Visitors.DeleteVisitorAsync(visitor.Token);
        ApiResponse afterwards = await server.GetAsync($"/api/v1/livechat/visitor/{visitor.Token}");

        refused.ShouldBe(HttpStatusCode.BadRequest, """
            { "success": false, "error": "Cannot remove visitors with opened rooms [visitor-has-open-rooms]", "errorType": "visitor-has-open-rooms" }
            """);
        Assert.Equal(visitor.Id, deleted.Visitor.Id);
        // Upstream answers the deletion time as ts, not the visitor's registration time.
        Assert.Equal(deletedAt, deleted.Visitor.Timestamp);
        Assert.Equal("invalid-token", afterwards.Text("errorType"));
    }

    [Fact]
    public async Task Delete_of_an_unknown_token_is_invalid_token()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.SendAsync(HttpMethod.Delete, "/api/v1/livechat/visitor/invalid");

        response.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "[invalid-token]", "errorType": "invalid-token" }""");
    }

    [Fact]
    public async Task Renaming_a_visitor_renames_its_open_room()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync(name: "Old Name");

        await server.RegisterVisitorAsync(token: visitor.Token, name: "New Name");
        GetOrCreateRoomResponse again = await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token);

        Assert.Equal(room.Id, again.Room.Id);
        Assert.Equal("New Name", again.Room.DisplayName);
        Assert.Equal("New Name", again.Room.Visitor!.Name);
    }
}
