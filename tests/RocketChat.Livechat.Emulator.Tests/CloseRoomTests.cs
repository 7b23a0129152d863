using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>POST livechat/room.close (visitor) and POST livechat/room.closeByUser (staff).</summary>
public sealed class CloseRoomTests
{
    [Theory]
    [InlineData("""{ "rid": "r" }""", "must have required property 'token' [invalid-params]")]
    [InlineData("""{ "token": "t" }""", "must have required property 'rid' [invalid-params]")]
    [InlineData("""{ "rid": "r", "token": "t", "comment": "bye" }""", "must NOT have additional properties [invalid-params]")]
    public async Task Visitor_close_validates_its_body(string body, string error)
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/room.close", body);

        response.ShouldBe(HttpStatusCode.BadRequest, $$"""{ "success": false, "error": "{{error}}", "errorType": "invalid-params" }""");
    }

    [Fact]
    public async Task Visitor_closes_its_room_with_the_closed_by_visitor_comment()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        ApiResponse closed = await server.PostAsync("/api/v1/livechat/room.close", $$"""{ "rid": "{{room.Id}}", "token": "{{visitor.Token}}" }""");
        ListRoomsResponse listed = await (await server.ClientAsync("manager")).Rooms.ListRoomsAsync(open: false);
        GetInquiryResponse inquiry = await (await server.ClientAsync("manager")).Inquiries.GetInquiryAsync(room.Id);
        GetMessageHistoryResponse history = await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token);

        closed.ShouldBe(HttpStatusCode.OK, $$"""{ "rid": "{{room.Id}}", "comment": "Closed by visitor", "success": true }""");
        LivechatRoom closedRoom = Assert.Single(listed.Rooms);
        Assert.Equal(RoomCloser.Visitor, closedRoom.Closer);
        Assert.Equal(visitor.Id, closedRoom.ClosedBy?.Id);
        Assert.Null(closedRoom.IsOpen);
        Assert.Null(inquiry.Inquiry);
        Message closeMessage = history.Messages[0];
        Assert.Equal("livechat-close", closeMessage.Type);
        Assert.Equal("Closed by visitor", closeMessage.Text);
    }

    [Fact]
    public async Task Visitor_close_reports_invalid_token_invalid_room_and_room_closed()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        (_, LivechatRoom otherRoom) = await server.StartChatAsync();

        ApiResponse badToken = await server.PostAsync("/api/v1/livechat/room.close", $$"""{ "rid": "{{room.Id}}", "token": "nope" }""");
        ApiResponse foreignRoom = await server.PostAsync("/api/v1/livechat/room.close", $$"""{ "rid": "{{otherRoom.Id}}", "token": "{{visitor.Token}}" }""");
        await server.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = room.Id, Token = visitor.Token });
        var closedAgain = await Assert.ThrowsAsync<RocketChatApiException>(
            () => server.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = room.Id, Token = visitor.Token }));

        badToken.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "invalid-token" }""");
        foreignRoom.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "invalid-room" }""");
        Assert.Equal("room-closed", closedAgain.ErrorCode);
    }

    [Fact]
    public async Task Staff_close_needs_the_close_livechat_room_permission()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom room) = await server.StartChatAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/room.closeByUser", $$"""{ "rid": "{{room.Id}}" }""", asUser: "plain.user");
        var error = await Assert.ThrowsAsync<RocketChatForbiddenException>(async () =>
            await (await server.ClientAsync("plain.user")).Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = room.Id }));

        response.ShouldBe(HttpStatusCode.Forbidden, """{ "success": false, "error": "User does not have the permissions required for this action [error-unauthorized]" }""");
        Assert.Equal("error-unauthorized", error.ErrorCode);
    }

    [Fact]
    public async Task Staff_close_validates_before_checking_permissions()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/room.closeByUser", "{}", asUser: "plain.user");

        response.ShouldBe(HttpStatusCode.BadRequest,
            """{ "success": false, "error": "must have required property 'rid' [invalid-params]", "errorType": "invalid-params" }""");
    }

    [Fact]
    public async Task An_agent_closes_the_room_it_serves_with_comment_and_tags()
    {
        var clock = new ManualTimeProvider();
        await using var server = await EmulatorHarness.StartAsync(options => options.TimeProvider = clock);
        (_, LivechatRoom room) = await server.StartChatAsync();
        LivechatClient agent = await server.ClientAsync("agent.one");
        await agent.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(room.Id)).Id });
        clock.Advance(TimeSpan.FromMinutes(3));

        CloseRoomResponse response = await agent.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = room.Id, Comment = "Solved", Tags = ["billing"] });
        LivechatRoom closed = Assert.Single((await (await server.ClientAsync("manager")).Rooms.ListRoomsAsync(open: false)).Rooms);

        Assert.True(response.Success);
        Assert.Equal(RoomCloser.User, closed.Closer);
        Assert.Equal("agent.one", closed.ClosedBy?.Username);
        Assert.Equal(clock.GetUtcNow(), closed.ClosedAt);
        Assert.Equal(["billing"], closed.Tags);
        Assert.Equal(180, closed.Metrics?.GetProperty("chatDuration").GetDouble());
        Assert.Equal("livechat-close", closed.LastMessage?.Type);
        Assert.Equal("Solved", closed.LastMessage?.Text);
    }

    [Fact]
    public async Task An_agent_cannot_close_a_room_it_does_not_serve_but_a_manager_can()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom room) = await server.StartChatAsync();

        ApiResponse byAgent = await server.PostAsync("/api/v1/livechat/room.closeByUser", $$"""{ "rid": "{{room.Id}}" }""", asUser: "agent.one");
        ApiResponse byManager = await server.PostAsync("/api/v1/livechat/room.closeByUser", $$"""{ "rid": "{{room.Id}}", "comment": null }""", asUser: "manager");

        byAgent.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "error-not-authorized" }""");
        byManager.ShouldBe(HttpStatusCode.OK, """{ "success": true }""");
    }

    [Fact]
    public async Task Closing_an_unknown_or_closed_room_fails()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom room) = await server.StartChatAsync();
        LivechatClient manager = await server.ClientAsync("manager");
        await manager.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = room.Id });

        ApiResponse unknown = await server.PostAsync("/api/v1/livechat/room.closeByUser", """{ "rid": "nope" }""", asUser: "manager");
        var again = await Assert.ThrowsAsync<RocketChatApiException>(() => manager.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = room.Id }));

        unknown.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "error-invalid-room" }""");
        Assert.Equal("error-room-already-closed", again.Error);
        Assert.Equal("error-room-already-closed", again.ErrorCode);
    }
}
