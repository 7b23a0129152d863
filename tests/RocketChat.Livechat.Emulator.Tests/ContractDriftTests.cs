using System.Text.Json;
using RocketChat.Contracts.Runtime;
using RocketChat.Contracts.Testing;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;
using RocketChat.Livechat.Emulator.Tests.Streams;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>
/// The emulator answers in the contract's shapes: every body below is read by the generated client's converters,
/// and no member of it lands in an <c>AdditionalProperties</c> bag. A field the emulator writes but the contract
/// lacks (or names differently) fails here, naming its path, before it drifts silently. Stream payloads the contract
/// shapes are read the same way, from the frames of a raw DDP connection, by readers generated from the contract here.
/// </summary>
public sealed class ContractDriftTests
{
    [Fact]
    public async Task Account_department_and_user_bodies_hold_only_members_the_contract_declares()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient manager = await server.ClientAsync("manager");
        LivechatClient agent = await server.ClientAsync("agent.one");
        Department sales = await server.CreateDepartmentAsync("Sales", "agent.one");

        var bodies = new List<(string Route, object Body)>
        {
            ("login", await server.Anonymous.Authentication.LoginAsync(new LoginRequest { User = "agent.one", Password = EmulatorHarness.StaffPassword })),
            ("me", await agent.Authentication.GetMeAsync()),
            ("department", await manager.Departments.ListDepartmentsAsync()),
            ("department/:_id", await manager.Departments.GetDepartmentAsync(sales.Id)),
            ("department/:_id/agents", await manager.Departments.ListDepartmentAgentsAsync(sales.Id)),
            ("users/agent", await manager.Users.ListLivechatUsersAsync(LivechatUserType.Agent)),
            ("users/agent/:_id", await manager.Users.GetLivechatUserAsync(LivechatUserType.Agent, await server.UserIdAsync("agent.one"))),
            ("users/manager (add)", await manager.Users.AddLivechatUserAsync(LivechatUserType.Manager, new AddLivechatUserRequest { Username = "agent.two" })),
        };

        UndeclaredMembers.AssertNone(bodies);
    }

    [Fact]
    public async Task Visitor_room_message_and_inquiry_bodies_hold_only_members_the_contract_declares()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");
        Visitor visitor = await server.RegisterVisitorAsync(name: "Ada", phone: "+1 555 0100", email: "ada@example.com");
        LivechatRoom room = (await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token)).Room;
        SendMessageResponse sent = await server.Anonymous.Messages.SendMessageAsync(new SendMessageRequest { Token = visitor.Token, RoomId = room.Id, Text = "hello\n\nthere" });
        Inquiry inquiry = await server.InquiryOfAsync(room.Id);
        var bodies = new List<(string Route, object Body)>
        {
            ("visitor/:token", await server.Anonymous.Visitors.GetVisitorAsync(visitor.Token)),
            ("room", await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token)),
            ("message", sent),
            ("inquiries.getOne", await admin.Inquiries.GetInquiryAsync(room.Id)),
            ("inquiries.list", await admin.Inquiries.ListInquiriesAsync()),
        };

        LivechatClient agent = await server.ClientAsync("agent.one");
        await agent.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = inquiry.Id });
        bodies.Add(("agent.info", await server.Anonymous.Visitors.GetAgentInfoAsync(room.Id, visitor.Token)));
        bodies.Add(("subscriptions.getOne", await agent.Rooms.GetSubscriptionAsync(room.Id)));
        bodies.Add(("rooms", await admin.Rooms.ListRoomsAsync()));
        bodies.Add(("messages.history", await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token)));
        bodies.Add(("config", await server.Anonymous.Visitors.GetLivechatConfigAsync(visitor.Token)));

        UndeclaredMembers.AssertNone(bodies);
    }

    [Fact]
    public async Task System_messages_files_and_closed_rooms_hold_only_members_the_contract_declares()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");
        await admin.Integrations.SaveSettingAsync("Livechat_Visitor_navigation_as_a_message", new SaveSettingRequest { Value = JsonElement.Parse("true") });
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync(name: "Maria");
        LivechatClient agent = await server.ClientAsync("agent.one");
        await agent.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(room.Id)).Id });
        await agent.Rooms.ForwardRoomAsync(new ForwardRoomRequest { RoomId = room.Id, UserId = await server.UserIdAsync("agent.two"), Comment = "Billing" });
        await server.Anonymous.Visitors.SendVisitorNavigationAsync(new VisitorNavigationRequest
        {
            Token = visitor.Token,
            RoomId = room.Id,
            PageInfo = new VisitorPageInfo { Title = "Pricing", Change = "url", Location = new VisitorPageLocation { Href = "https://example.com/pricing" } },
        });
        await server.Anonymous.Rooms.SendTranscriptAsync(new SendTranscriptRequest { Token = visitor.Token, RoomId = room.Id, Email = "maria@example.com" });
        var bodies = new List<(string Route, object Body)>
        {
            ("livechat/upload (image)", await server.Anonymous.Messages.UploadFileAsync(
                room.Id, visitor.Token, new FilePart(new MemoryStream("0123456789"u8.ToArray()), "charge.png", "image/png"), description: "The charge", text: "See this")),
            ("livechat/upload (pdf)", await server.Anonymous.Messages.UploadFileAsync(
                room.Id, visitor.Token, new FilePart(new MemoryStream("%PDF"u8.ToArray()), "Invoice.pdf", "application/pdf"))),
        };
        bodies.Add(("messages.history (transfer, navigation, transcript, files)", await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token)));
        await server.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = room.Id, Token = visitor.Token });
        await server.Anonymous.Rooms.SendRoomSurveyAsync(new RoomSurveyRequest
        {
            Token = visitor.Token,
            RoomId = room.Id,
            Answers = [new RoomSurveyAnswer { Name = "satisfaction", Value = "5" }],
        });
        bodies.Add(("rooms (closed, surveyed)", await admin.Rooms.ListRoomsAsync()));

        Assert.Contains(
            ((GetMessageHistoryResponse)bodies[2].Body).Messages,
            message => message.TransferData is not null || message.Navigation is not null || message.RequestData is not null);
        UndeclaredMembers.AssertNone(bodies);
    }

    [Fact]
    public async Task Stream_payloads_hold_only_members_the_contract_declares_with_the_servers_wire_form()
    {
        await using var server = await EmulatorHarness.StartAsync();
        using DdpTestSocket agent = await DdpTestSocket.LoginAsync(server, "agent.one");
        string userId = await server.UserIdAsync("agent.one");
        string subscriptionsChanged = LivechatRealtimeStreams.SubscriptionsChanged.EventName(userId);
        await agent.SubscribeAsync("s1", LivechatRealtimeStreams.SubscriptionsChanged.Publication, subscriptionsChanged);
        await agent.SubscribeAsync("s2", LivechatRealtimeStreams.InquiryQueue.Publication, LivechatRealtimeStreams.InquiryQueue.PublicEventName());

        (_, LivechatRoom room) = await server.StartChatAsync(name: "Maria");
        JsonElement added = (await agent.NextEventsAsync(1))["public"];
        LivechatClient staff = await server.ClientAsync("agent.one");
        await staff.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(room.Id)).Id });
        Dictionary<string, JsonElement> onTake = await agent.NextEventsAsync(2);
        await staff.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = room.Id, Comment = "done" });
        Dictionary<string, JsonElement> onClose = await agent.NextEventsAsync(2);

        InquiryQueueUpdate[] updates = [.. new[] { added, onTake["public"], onClose["public"] }.Select(args => LivechatRealtimeStreams.InquiryQueue.ReadInquiryQueueEvent(args).Update)];
        SubscriptionChangedArguments[] changes = [.. new[] { onTake[subscriptionsChanged], onClose[subscriptionsChanged] }.Select(LivechatRealtimeStreams.SubscriptionsChanged.ReadSubscriptionChanged)];
        UndeclaredMembers.AssertNone([
            ("inquiry queue (added)", updates[0]),
            ("inquiry queue (changed, taken)", updates[1]),
            ("inquiry queue (removed)", updates[2]),
            ("subscriptions-changed (inserted)", changes[0]),
            ("subscriptions-changed (removed)", changes[1]),
        ]);

        Assert.Equal([InquiryQueueUpdateType.Added, InquiryQueueUpdateType.Changed, InquiryQueueUpdateType.Removed], updates.Select(u => u.Type));
        Assert.Equal([SubscriptionChangeAction.Inserted, SubscriptionChangeAction.Removed], changes.Select(c => c.Action));
        Assert.All(updates, update => Assert.Equal(room.Id, update.Inquiry.RoomId));
        Assert.All(changes, change => Assert.Equal((room.Id, userId), (change.Subscription.Rid, change.Subscription.User!.Id)));
        // The server's wire form: {type, ...inquiry} as one object with type first, and dates as EJSON {"$date": ms}.
        Assert.Equal("type", added[0].EnumerateObject().First().Name);
        Assert.Equal(updates[0].Inquiry.Timestamp!.Value.ToUnixTimeMilliseconds(), added[0].GetProperty("ts").GetProperty("$date").GetInt64());
        Assert.Equal(JsonValueKind.Number, onTake["public"][0].GetProperty("takenAt").GetProperty("$date").ValueKind);
        JsonElement inserted = onTake[subscriptionsChanged];
        Assert.Equal("inserted", inserted[0].GetString());
        Assert.Equal(changes[0].Subscription.Ts!.Value.ToUnixTimeMilliseconds(), inserted[1].GetProperty("ts").GetProperty("$date").GetInt64());
        Assert.Equal(JsonValueKind.Number, inserted[1].GetProperty("_updatedAt").GetProperty("$date").ValueKind);
    }
}
