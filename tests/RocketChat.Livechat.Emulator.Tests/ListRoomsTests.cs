using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>GET livechat/rooms: permissions, validation, filters and paging (reference §2.4, §5.2 items 15-18).</summary>
public sealed class ListRoomsTests
{
    [Fact]
    public async Task Without_view_livechat_rooms_the_handler_answers_403_unauthorized()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse raw = await server.GetAsync("/api/v1/livechat/rooms", asUser: "plain.user");
        var error = await Assert.ThrowsAsync<RocketChatForbiddenException>(async () => await (await server.ClientAsync("plain.user")).Rooms.ListRoomsAsync());

        raw.ShouldBe(HttpStatusCode.Forbidden, """{ "success": false, "error": "unauthorized" }""");
        Assert.Equal("unauthorized", error.Error);
    }

    [Fact]
    public async Task An_agent_may_list_only_its_own_rooms()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        string agentOne = await server.UserIdAsync("agent.one");
        string agentTwo = await server.UserIdAsync("agent.two");
        (_, LivechatRoom first) = await server.StartChatAsync();
        await server.StartChatAsync();
        LivechatClient client = await server.ClientAsync("agent.one");

        ListRoomsResponse own = await client.Rooms.ListRoomsAsync(agents: [agentOne]);
        ApiResponse all = await server.GetAsync("/api/v1/livechat/rooms", asUser: "agent.one");
        ApiResponse others = await server.GetAsync($"/api/v1/livechat/rooms?agents[]={agentTwo}", asUser: "agent.one");

        Assert.Equal(first.Id, Assert.Single(own.Rooms).Id);
        Assert.Equal(HttpStatusCode.Forbidden, all.Status);
        Assert.Equal(HttpStatusCode.Forbidden, others.Status);
    }

    [Theory]
    [InlineData("roomName[]=invalid", "must be string [invalid-params]")]
    [InlineData("open[]=true&open[]=false", "must be string\\n must be boolean\\n must match a schema in anyOf [invalid-params]")]
    [InlineData("count=many", "must be number [invalid-params]")]
    [InlineData("departmentId[test]=true", "must be string\\n must be array\\n must match a schema in anyOf [invalid-params]")]
    [InlineData("unknown=1", "must NOT have additional properties [invalid-params]")]
    public async Task Wrongly_typed_parameters_fail_validation(string query, string error)
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.GetAsync($"/api/v1/livechat/rooms?{query}", asUser: "manager");

        response.ShouldBe(HttpStatusCode.BadRequest, $$"""{ "success": false, "error": "{{error}}", "errorType": "invalid-params" }""");
    }

    [Theory]
    [InlineData("createdAt=invalid", "Unexpected token 'i', \\\"invalid\\\" is not valid JSON")]
    [InlineData("closedAt=invalid", "Unexpected token 'i', \\\"invalid\\\" is not valid JSON")]
    [InlineData("createdAt={\"start\":\"yesterday\"}", "The \\\"createdAt.start\\\" query parameter must be a valid date.")]
    [InlineData("closedAt={\"end\":\"soon\"}", "The \\\"closedAt.end\\\" query parameter must be a valid date.")]
    [InlineData("customFields=invalid", "The \\\"customFields\\\" query parameter must be a valid JSON.")]
    public async Task Bad_json_and_dates_are_plain_errors(string query, string error)
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.GetAsync($"/api/v1/livechat/rooms?{query.Replace("{", "%7B").Replace("}", "%7D").Replace("\"", "%22")}", asUser: "manager");

        response.ShouldBe(HttpStatusCode.BadRequest, $$"""{ "success": false, "error": "{{error}}" }""");
    }

    [Fact]
    public async Task A_sort_that_is_not_json_is_error_invalid_sort()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.GetAsync("/api/v1/livechat/rooms?sort=ts", asUser: "manager");

        response.ShouldBe(HttpStatusCode.BadRequest, """
            { "success": false, "error": "Invalid sort parameter provided \"ts\" [error-invalid-sort]", "errorType": "error-invalid-sort",
              "details": { "helperMethod": "parseJsonQuery" } }
            """);
    }

    [Fact]
    public async Task Open_selects_open_or_closed_rooms_and_leaving_it_out_returns_both()
    {
        var clock = new ManualTimeProvider();
        await using var server = await EmulatorHarness.StartAsync(options => options.TimeProvider = clock);
        (Visitor closedVisitor, LivechatRoom closedRoom) = await server.StartChatAsync();
        clock.Advance(TimeSpan.FromSeconds(3));
        DateTimeOffset closedAt = clock.GetUtcNow();
        await server.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = closedRoom.Id, Token = closedVisitor.Token });
        clock.Advance(TimeSpan.FromSeconds(3));
        (_, LivechatRoom openRoom) = await server.StartChatAsync();
        LivechatClient manager = await server.ClientAsync("manager");

        ListRoomsResponse onlyOpen = await manager.Rooms.ListRoomsAsync(open: true);
        ListRoomsResponse onlyClosed = await manager.Rooms.ListRoomsAsync(open: false);
        ListRoomsResponse both = await manager.Rooms.ListRoomsAsync();

        Assert.Equal(openRoom.Id, Assert.Single(onlyOpen.Rooms).Id);
        LivechatRoom closed = Assert.Single(onlyClosed.Rooms);
        Assert.Equal(closedRoom.Id, closed.Id);
        Assert.Equal(closedAt, closed.ClosedAt);
        Assert.Null(closed.IsOpen);
        Assert.Equal(2, both.Total);
    }

    [Fact]
    public async Task RoomName_matches_a_substring_or_exactly_when_quoted()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom room1) = await server.StartChatAsync(name: "TEST_1");
        (_, LivechatRoom room2) = await server.StartChatAsync(name: "TEST_2");
        LivechatClient manager = await server.ClientAsync("manager");

        ListRoomsResponse exact = await manager.Rooms.ListRoomsAsync(roomName: "\"TEST_1\"");
        ListRoomsResponse partial = await manager.Rooms.ListRoomsAsync(roomName: "test_");
        ListRoomsResponse none = await manager.Rooms.ListRoomsAsync(roomName: "\"TEST_\"");

        Assert.Equal(room1.Id, Assert.Single(exact.Rooms).Id);
        Assert.Equal(new[] { room1.Id, room2.Id }.Order(), partial.Rooms.Select(room => room.Id).Order());
        Assert.Empty(none.Rooms);
    }

    [Fact]
    public async Task CreatedAt_and_closedAt_ranges_filter_by_date()
    {
        var clock = new ManualTimeProvider();
        await using var server = await EmulatorHarness.StartAsync(options => options.TimeProvider = clock);
        (Visitor earlyVisitor, LivechatRoom early) = await server.StartChatAsync();
        clock.Advance(TimeSpan.FromHours(2));
        DateTimeOffset boundary = clock.GetUtcNow();
        await server.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = early.Id, Token = earlyVisitor.Token });
        clock.Advance(TimeSpan.FromHours(1));
        (_, LivechatRoom late) = await server.StartChatAsync();
        LivechatClient manager = await server.ClientAsync("manager");

        ListRoomsResponse createdLater = await manager.Rooms.ListRoomsAsync(createdAt: new DateRange { Start = boundary });
        ListRoomsResponse createdEarlier = await manager.Rooms.ListRoomsAsync(createdAt: new DateRange { End = boundary });
        ListRoomsResponse closedInRange = await manager.Rooms.ListRoomsAsync(closedAt: new DateRange { Start = boundary, End = boundary });

        Assert.Equal(late.Id, Assert.Single(createdLater.Rooms).Id);
        Assert.Equal(early.Id, Assert.Single(createdEarlier.Rooms).Id);
        Assert.Equal(early.Id, Assert.Single(closedInRange.Rooms).Id);
    }

    [Fact]
    public async Task Tags_agents_and_departments_filter_rooms()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        string agentOne = await server.UserIdAsync("agent.one");
        (_, LivechatRoom tagged) = await server.StartChatAsync();
        (_, LivechatRoom other) = await server.StartChatAsync();
        LivechatClient manager = await server.ClientAsync("manager");
        await manager.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = tagged.Id, Comment = "done", Tags = ["billing", "vip"] });

        ListRoomsResponse byTag = await manager.Rooms.ListRoomsAsync(tags: ["vip"]);
        ListRoomsResponse byUnknownTag = await manager.Rooms.ListRoomsAsync(tags: ["nope"]);
        ListRoomsResponse byAgent = await manager.Rooms.ListRoomsAsync(agents: [agentOne]);
        ListRoomsResponse byDepartment = await manager.Rooms.ListRoomsAsync(departmentId: "no-such-department");

        LivechatRoom taggedRoom = Assert.Single(byTag.Rooms);
        Assert.Equal(tagged.Id, taggedRoom.Id);
        Assert.Equal(["billing", "vip"], taggedRoom.Tags);
        Assert.Empty(byUnknownTag.Rooms);
        Assert.Equal(tagged.Id, Assert.Single(byAgent.Rooms).Id);
        Assert.Equal(await server.UserIdAsync("agent.two"), other.ServedBy?.Id);
        Assert.Empty(byDepartment.Rooms);
    }

    [Fact]
    public async Task Queued_lists_open_rooms_without_an_agent()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom queued) = await server.StartChatAsync();
        (_, LivechatRoom taken) = await server.StartChatAsync();
        await (await server.ClientAsync("agent.one")).Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(taken.Id)).Id });

        ListRoomsResponse result = await (await server.ClientAsync("manager")).Rooms.ListRoomsAsync(queued: true);

        Assert.Equal(queued.Id, Assert.Single(result.Rooms).Id);
    }

    [Fact]
    public async Task Rooms_are_newest_first_and_paged_with_count_offset_and_total()
    {
        var clock = new ManualTimeProvider();
        await using var server = await EmulatorHarness.StartAsync(options => options.TimeProvider = clock);
        var created = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            created.Add((await server.StartChatAsync()).Room.Id);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        LivechatClient manager = await server.ClientAsync("manager");
        ListRoomsResponse page = await manager.Rooms.ListRoomsAsync(offset: 1, count: 2);
        ListRoomsResponse oldestFirst = await manager.Rooms.ListRoomsAsync(sort: new Dictionary<string, int> { ["ts"] = 1 });
        List<string> enumerated = [];
        await foreach (LivechatRoom room in manager.Rooms.EnumerateRoomsAsync(pageSize: 2))
        {
            enumerated.Add(room.Id);
        }

        Assert.Equal([created[3], created[2]], page.Rooms.Select(room => room.Id));
        Assert.Equal(2, page.Count);
        Assert.Equal(1, page.Offset);
        Assert.Equal(5, page.Total);
        Assert.Equal(created, oldestFirst.Rooms.Select(room => room.Id));
        Assert.Equal(Enumerable.Reverse(created), enumerated);
    }

    [Fact]
    public async Task Count_defaults_to_50_and_is_capped_at_100()
    {
        await using var server = await EmulatorHarness.StartAsync();
        for (int i = 0; i < 101; i++)
        {
            await server.StartChatAsync();
        }

        ApiResponse byDefault = await server.GetAsync("/api/v1/livechat/rooms", asUser: "manager");
        ApiResponse capped = await server.GetAsync("/api/v1/livechat/rooms?count=500", asUser: "manager");

        Assert.Equal(50, byDefault.Body.GetProperty("rooms").GetArrayLength());
        Assert.Equal(50, byDefault.Body.GetProperty("count").GetInt32());
        Assert.Equal(101, byDefault.Body.GetProperty("total").GetInt32());
        Assert.Equal(100, capped.Body.GetProperty("rooms").GetArrayLength());
    }

    [Fact]
    public async Task Fields_projects_the_room_documents()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom room) = await server.StartChatAsync(name: "Projected");

        ApiResponse include = await server.GetAsync("/api/v1/livechat/rooms?fields=%7B%22fname%22%3A1%7D", asUser: "manager");
        ApiResponse exclude = await server.GetAsync("/api/v1/livechat/rooms?fields=%7B%22msgs%22%3A0%7D", asUser: "manager");

        JsonAssert.Equal($$"""[{ "_id": "{{room.Id}}", "fname": "Projected" }]""", include.Body.GetProperty("rooms"));
        var excluded = exclude.Body.GetProperty("rooms")[0];
        Assert.False(excluded.TryGetProperty("msgs", out _));
        Assert.True(excluded.TryGetProperty("fname", out _));
    }
}
