using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>The inquiries routes (reference §2.7, §2.8, §5.2 items 23-26).</summary>
public sealed class InquiryTests
{
    [Fact]
    public async Task List_needs_view_livechat_manager()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.GetAsync("/api/v1/livechat/inquiries.list", asUser: "agent.one");
        var error = await Assert.ThrowsAsync<RocketChatForbiddenException>(async () => await (await server.ClientAsync("agent.one")).Inquiries.ListInquiriesAsync());

        response.ShouldBe(HttpStatusCode.Forbidden, """{ "success": false, "error": "User does not have the permissions required for this action [error-unauthorized]" }""");
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task List_returns_only_queued_inquiries_with_the_list_projection()
    {
        var clock = new ManualTimeProvider();
        await using var server = await EmulatorHarness.StartAsync(options => options.TimeProvider = clock);
        (_, LivechatRoom older) = await server.StartChatAsync(name: "Older");
        clock.Advance(TimeSpan.FromSeconds(1));
        (_, LivechatRoom newer) = await server.StartChatAsync(name: "Newer");
        (_, LivechatRoom taken) = await server.StartChatAsync(name: "Taken");
        await (await server.ClientAsync("agent.one")).Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(taken.Id)).Id });

        ApiResponse raw = await server.GetAsync("/api/v1/livechat/inquiries.list", asUser: "manager");
        ListInquiriesResponse typed = await (await server.ClientAsync("manager")).Inquiries.ListInquiriesAsync(department: "ignored-unknown-department");

        Assert.Equal(HttpStatusCode.OK, raw.Status);
        Assert.Equal(2, raw.Body.GetProperty("total").GetInt32());
        Assert.Equal(2, raw.Body.GetProperty("count").GetInt32());
        Assert.Equal(0, raw.Body.GetProperty("offset").GetInt32());
        var first = raw.Body.GetProperty("inquiries")[0];
        Assert.Equal(["_id", "rid", "name", "ts", "status"], first.EnumerateObject().Select(property => property.Name));
        Assert.Equal(newer.Id, first.GetProperty("rid").GetString());
        Assert.Equal([newer.Id, older.Id], typed.Inquiries.Select(inquiry => inquiry.RoomId));
        Assert.All(typed.Inquiries, inquiry => Assert.Equal(InquiryStatus.Queued, inquiry.Status));
    }

    [Fact]
    public async Task GetOne_returns_the_full_inquiry_or_null_for_an_unknown_room()
    {
        var clock = new ManualTimeProvider();
        await using var server = await EmulatorHarness.StartAsync(options => options.TimeProvider = clock);
        DateTimeOffset queued = clock.GetUtcNow();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync(name: "Inquirer");
        clock.Advance(TimeSpan.FromSeconds(5));
        LivechatClient agent = await server.ClientAsync("agent.one");

        GetInquiryResponse found = await agent.Inquiries.GetInquiryAsync(room.Id);
        ApiResponse missing = await server.GetAsync("/api/v1/livechat/inquiries.getOne?roomId=room-id", asUser: "agent.one");
        ApiResponse noRoomId = await server.GetAsync("/api/v1/livechat/inquiries.getOne", asUser: "agent.one");

        Inquiry inquiry = Assert.IsType<Inquiry>(found.Inquiry);
        Assert.Equal(room.Id, inquiry.RoomId);
        Assert.Equal(InquiryStatus.Queued, inquiry.Status);
        Assert.Equal("Inquirer", inquiry.Name);
        Assert.Equal("l", inquiry.Type);
        Assert.Equal(99, inquiry.PriorityWeight);
        Assert.Equal(9999999, inquiry.EstimatedWaitingTimeQueue);
        Assert.Equal(RoomSourceType.Api, inquiry.Source?.Type);
        Assert.Equal(visitor.Id, inquiry.Visitor?.Id);
        Assert.Equal(queued, inquiry.Timestamp);
        Assert.Equal(queued, inquiry.UpdatedAt);
        missing.ShouldBe(HttpStatusCode.OK, """{ "inquiry": null, "success": true }""");
        noRoomId.ShouldBe(HttpStatusCode.BadRequest,
            """{ "success": false, "error": "must have required property 'roomId' [invalid-params]", "errorType": "invalid-params" }""");
    }

    [Fact]
    public async Task Take_assigns_the_room_and_answers_only_success()
    {
        var clock = new ManualTimeProvider();
        await using var server = await EmulatorHarness.StartAsync(options => options.TimeProvider = clock);
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        Inquiry inquiry = await server.InquiryOfAsync(room.Id);
        string agentId = await server.UserIdAsync("agent.one");
        clock.Advance(TimeSpan.FromSeconds(7));
        DateTimeOffset takenAt = clock.GetUtcNow();

        ApiResponse taken = await server.PostAsync("/api/v1/livechat/inquiries.take", $$"""{ "inquiryId": "{{inquiry.Id}}" }""", asUser: "agent.one");
        Inquiry after = await server.InquiryOfAsync(room.Id);
        LivechatRoom served = (await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token)).Room;
        GetMessageHistoryResponse history = await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token);

        taken.ShouldBe(HttpStatusCode.OK, """{ "success": true }""");
        Assert.Equal(InquiryStatus.Taken, after.Status);
        Assert.Equal(RoomSourceType.Api, after.Source?.Type);
        Assert.Equal(takenAt, after.TakenAt);
        Assert.Equal(agentId, served.ServedBy?.Id);
        Assert.Equal("agent.one", served.ServedBy?.Username);
        Assert.Equal(2, served.UsersCount);
        Assert.Equal(["uj", "command", "livechat-started"], history.Messages.Select(message => message.Type));
        Assert.Equal("agent.one", (await server.Anonymous.Visitors.GetVisitorAsync(visitor.Token)).Visitor.LastAgent?.Username);
    }

    [Fact]
    public async Task Take_on_behalf_of_another_agent()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom room) = await server.StartChatAsync();
        string agentTwo = await server.UserIdAsync("agent.two");

        TakeInquiryResponse response = await (await server.ClientAsync("manager")).Inquiries.TakeInquiryAsync(
            new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(room.Id)).Id, UserId = agentTwo });

        Assert.True(response.Success);
        Assert.Equal(agentTwo, (await (await server.ClientAsync("manager")).Rooms.ListRoomsAsync()).Rooms.Single().ServedBy?.Id);
    }

    [Fact]
    public async Task Take_errors_follow_takeInquiry()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom room) = await server.StartChatAsync();
        Inquiry inquiry = await server.InquiryOfAsync(room.Id);
        string manager = await server.UserIdAsync("manager");

        ApiResponse invalidUser = await server.PostAsync("/api/v1/livechat/inquiries.take", $$"""{ "inquiryId": "{{inquiry.Id}}", "userId": "nobody" }""", asUser: "manager");
        ApiResponse notFound = await server.PostAsync("/api/v1/livechat/inquiries.take", """{ "inquiryId": "nope" }""", asUser: "agent.one");
        ApiResponse notAnAgent = await server.PostAsync("/api/v1/livechat/inquiries.take", $$"""{ "inquiryId": "{{inquiry.Id}}", "userId": "{{manager}}" }""", asUser: "manager");
        ApiResponse notAString = await server.PostAsync("/api/v1/livechat/inquiries.take", """{ "inquiryId": { "id": 1 } }""", asUser: "agent.one");
        ApiResponse noPermission = await server.PostAsync("/api/v1/livechat/inquiries.take", $$"""{ "inquiryId": "{{inquiry.Id}}" }""", asUser: "plain.user");
        await (await server.ClientAsync("agent.one")).Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = inquiry.Id });
        var alreadyTaken = await Assert.ThrowsAsync<RocketChatApiException>(async () =>
            await (await server.ClientAsync("agent.two")).Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = inquiry.Id }));

        invalidUser.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "The user is invalid" }""");
        notFound.ShouldBe(HttpStatusCode.BadRequest, """
            { "success": false, "error": "Inquiry not found [error-not-found]", "errorType": "error-not-found", "details": { "method": "livechat:takeInquiry" } }
            """);
        notAnAgent.ShouldBe(HttpStatusCode.BadRequest, """
            { "success": false, "error": "Agent status is offline or Omnichannel service is not active [error-agent-status-service-offline]",
              "errorType": "error-agent-status-service-offline", "details": { "method": "livechat:takeInquiry" } }
            """);
        notAString.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "must be string [invalid-params]", "errorType": "invalid-params" }""");
        Assert.Equal(HttpStatusCode.Forbidden, noPermission.Status);
        Assert.Equal("Inquiry already taken [error-inquiry-taken]", alreadyTaken.Error);
        Assert.Equal("error-inquiry-taken", alreadyTaken.ErrorType);
    }

    [Fact]
    public async Task An_unavailable_agent_cannot_take()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom room) = await server.StartChatAsync();
        LivechatClient agent = await server.ClientAsync("agent.one");
        await agent.Users.SetAgentStatusAsync(new SetAgentStatusRequest { Status = LivechatStatus.NotAvailable });

        var error = await Assert.ThrowsAsync<RocketChatApiException>(async () =>
            await agent.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(room.Id)).Id }));

        Assert.Equal("error-agent-status-service-offline", error.ErrorCode);
    }

    [Fact]
    public async Task QueuedForUser_needs_view_l_room_and_lists_only_queued_inquiries_oldest_first()
    {
        var clock = new ManualTimeProvider();
        await using var server = await EmulatorHarness.StartAsync(options => options.TimeProvider = clock);
        (_, LivechatRoom first) = await server.StartChatAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        (_, LivechatRoom second) = await server.StartChatAsync();
        (_, LivechatRoom taken) = await server.StartChatAsync();
        LivechatClient agent = await server.ClientAsync("agent.one");
        await agent.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(taken.Id)).Id });

        ListQueuedInquiriesForUserResponse queued = await agent.Inquiries.ListQueuedInquiriesForUserAsync(sort: new Dictionary<string, int> { ["ts"] = -1 });
        ApiResponse forbidden = await server.GetAsync("/api/v1/livechat/inquiries.queuedForUser", asUser: "plain.user");

        Assert.Equal([first.Id, second.Id], queued.Inquiries.Select(inquiry => inquiry.RoomId));
        Assert.All(queued.Inquiries, inquiry => Assert.Equal(InquiryStatus.Queued, inquiry.Status));
        Assert.Equal(2, queued.Total);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
    }
}
