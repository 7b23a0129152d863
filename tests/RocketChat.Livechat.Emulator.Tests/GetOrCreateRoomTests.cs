using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>GET livechat/room, the visitor's get-or-create (reference §2.3, §5.2 items 10-14).</summary>
public sealed class GetOrCreateRoomTests
{
    [Fact]
    public async Task Without_a_token_the_strict_check_fails()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.GetAsync("/api/v1/livechat/room");

        response.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "Match error: Missing key 'token'" }""");
    }

    [Fact]
    public async Task Unknown_query_keys_are_rejected()
    {
        await using var server = await EmulatorHarness.StartAsync();
        Visitor visitor = await server.RegisterVisitorAsync();

        ApiResponse response = await server.GetAsync($"/api/v1/livechat/room?token={visitor.Token}&priority=high");

        response.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "Match error: Unknown key in field priority" }""");
    }

    [Fact]
    public async Task An_unknown_token_is_a_plain_invalid_token_error()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.GetAsync("/api/v1/livechat/room?token=invalid-token");
        var error = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Rooms.GetOrCreateRoomAsync("invalid-token"));

        response.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "invalid-token" }""");
        Assert.Null(error.ErrorType);
        Assert.Equal("invalid-token", error.ErrorCode);
    }

    [Fact]
    public async Task Creates_an_api_room_with_its_visitor_then_returns_the_same_open_room()
    {
        await using var server = await EmulatorHarness.StartAsync();
        Visitor visitor = await server.RegisterVisitorAsync(name: "Ana");

        GetOrCreateRoomResponse created = await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token);
        GetOrCreateRoomResponse again = await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token);
        GetOrCreateRoomResponse byId = await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token, roomId: created.Room.Id);

        Assert.True(created.IsNewRoom);
        Assert.True(created.Success);
        LivechatRoom room = created.Room;
        Assert.Equal("l", room.Type);
        Assert.Equal("Ana", room.DisplayName);
        Assert.Equal(visitor.Token, room.Visitor!.Token);
        Assert.Equal(RoomSourceType.Api, room.Source!.Type);
        Assert.True(room.IsOpen);
        Assert.Equal(0, room.MessageCount);
        Assert.Equal(9999999, room.EstimatedWaitingTimeQueue);
        Assert.Equal(99, room.PriorityWeight);
        Assert.False(again.IsNewRoom);
        Assert.Equal(room.Id, again.Room.Id);
        Assert.False(byId.IsNewRoom);
        Assert.Equal(room.Id, byId.Room.Id);
        Assert.Equal(room.Id, (await server.Anonymous.Visitors.GetVisitorAsync(visitor.Token)).Visitor.LastChat?.Id);
    }

    [Fact]
    public async Task Widget_cookies_make_a_widget_room()
    {
        await using var server = await EmulatorHarness.StartAsync();
        Visitor visitor = await server.RegisterVisitorAsync();

        ApiResponse response = await server.SendAsync(HttpMethod.Get, $"/api/v1/livechat/room?token={visitor.Token}",
            configure: request => request.Headers.Add("Cookie", "rc_room_type=l; rc_is_widget=t"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var source = response.Body.GetProperty("room").GetProperty("source");
        Assert.Equal("widget", source.GetProperty("type").GetString());
        Assert.Equal(server.Emulator.BaseAddress.Authority, source.GetProperty("destination").GetString());
    }

    [Fact]
    public async Task A_rid_that_is_not_an_open_room_of_the_visitor_is_invalid_room()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        (_, LivechatRoom otherRoom) = await server.StartChatAsync();

        ApiResponse unknown = await server.GetAsync($"/api/v1/livechat/room?token={visitor.Token}&rid=invalid-rid");
        ApiResponse foreign = await server.GetAsync($"/api/v1/livechat/room?token={visitor.Token}&rid={otherRoom.Id}");
        await server.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = room.Id, Token = visitor.Token });
        ApiResponse closed = await server.GetAsync($"/api/v1/livechat/room?token={visitor.Token}&rid={room.Id}");

        foreach (ApiResponse response in new[] { unknown, foreign, closed })
        {
            response.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "invalid-room" }""");
        }
    }

    [Fact]
    public async Task After_the_room_closes_the_next_call_opens_a_new_room()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        await server.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = room.Id, Token = visitor.Token });

        GetOrCreateRoomResponse next = await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token);

        Assert.True(next.IsNewRoom);
        Assert.NotEqual(room.Id, next.Room.Id);
    }

    [Fact]
    public async Task Without_an_available_agent_the_room_is_refused_with_no_agent_online()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.Users.Clear());
        Visitor visitor = await server.RegisterVisitorAsync();

        ApiResponse raw = await server.GetAsync($"/api/v1/livechat/room?token={visitor.Token}");
        var error = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token));

        raw.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "Sorry, no online agents [no-agent-online]", "errorType": "no-agent-online" }""");
        Assert.Equal("no-agent-online", error.ErrorCode);
    }

    [Fact]
    public async Task Agents_that_are_not_available_do_not_count_as_online()
    {
        await using var server = await EmulatorHarness.StartAsync();
        foreach (string agent in new[] { "agent.one", "agent.two" })
        {
            await (await server.ClientAsync(agent)).Users.SetAgentStatusAsync(new SetAgentStatusRequest { Status = LivechatStatus.NotAvailable });
        }

        Visitor visitor = await server.RegisterVisitorAsync();
        var error = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token));

        Assert.Equal("no-agent-online", error.ErrorType);
    }

    [Fact]
    public async Task Accepting_chats_with_no_agents_creates_an_unserved_queued_room()
    {
        await using var server = await EmulatorHarness.StartAsync(options =>
        {
            options.Users.Clear();
            options.AcceptChatsWithNoAgents = true;
            options.RoutingMethod = RoutingMethod.AutoSelection;
        });

        (_, LivechatRoom room) = await server.StartChatAsync();
        Inquiry inquiry = await server.InquiryOfAsync(room.Id);

        Assert.Null(room.ServedBy);
        Assert.Equal(InquiryStatus.Queued, inquiry.Status);
    }

    [Fact]
    public async Task A_requested_agent_that_is_not_available_means_no_agent_online()
    {
        await using var server = await EmulatorHarness.StartAsync();
        await (await server.ClientAsync("agent.one")).Users.SetAgentStatusAsync(new SetAgentStatusRequest { Status = LivechatStatus.NotAvailable });
        string agentOne = await server.UserIdAsync("agent.one");
        Visitor visitor = await server.RegisterVisitorAsync();

        // agent.two is available, but the visitor asked for agent.one.
        var error = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token, agentId: agentOne));

        Assert.Equal("no-agent-online", error.ErrorCode);
    }

    [Fact]
    public async Task A_requested_agent_becomes_the_inquirys_default_agent()
    {
        await using var server = await EmulatorHarness.StartAsync();
        string agentTwo = await server.UserIdAsync("agent.two");
        Visitor visitor = await server.RegisterVisitorAsync();

        GetOrCreateRoomResponse created = await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token, agentId: agentTwo);
        Inquiry inquiry = await server.InquiryOfAsync(created.Room.Id);

        Assert.Equal(agentTwo, inquiry.DefaultAgent?.AgentId);
        Assert.Equal("agent.two", inquiry.DefaultAgent?.Username);
        Assert.Equal(InquiryStatus.Queued, inquiry.Status);
    }
}
