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

    [Fact]
    public async Task A_routed_chats_subscription_holds_what_the_server_creates_it_with_and_is_removed_as_stored()
    {
        await using var server = await EmulatorHarness.StartAsync();
        using DdpTestSocket agent = await DdpTestSocket.LoginAsync(server, "agent.one");
        string userId = await server.UserIdAsync("agent.one");
        string subscriptionsChanged = LivechatRealtimeStreams.SubscriptionsChanged.EventName(userId);
        await agent.SubscribeAsync("s1", LivechatRealtimeStreams.SubscriptionsChanged.Publication, subscriptionsChanged);
        (_, LivechatRoom room) = await server.StartChatAsync(name: "Maria");
        LivechatClient staff = await server.ClientAsync("agent.one");
        await staff.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(room.Id)).Id });
        JsonElement inserted = await agent.NextEventAsync();
        Inquiry taken = await server.InquiryOfAsync(room.Id);
        await Task.Delay(TimeSpan.FromMilliseconds(20)); // The removal must come later than the creation for ts to tell them apart.
        await staff.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = room.Id, Comment = "done" });
        JsonElement removed = await agent.NextEventAsync();

        OmnichannelSubscription created = LivechatRealtimeStreams.SubscriptionsChanged.ReadSubscriptionChanged(inserted).Subscription;
        // createLivechatSubscription: alert, open, unread 1, userMentions 1, groupMentions 0, u {_id, username}, ts then _updatedAt.
        Assert.Equal((true, true, 1L, 1L, 0L), (created.Alert, created.Open, created.Unread, created.UserMentions, created.GroupMentions));
        Assert.Equal((userId, "agent.one", null), (created.User!.Id, created.User.Username, created.User.Name));
        Assert.Equal(taken.TakenAt, created.Ts);
        Assert.Equal(created.Ts, created.UpdatedAt);
        Assert.Equal(created.Ts!.Value.ToUnixTimeMilliseconds(), inserted[1].GetProperty("ts").GetProperty("$date").GetInt64());
        // The removed event carries the document as created (the server sends the deleted one), not one made anew at close.
        Assert.Equal("removed", removed[0].GetString());
        Assert.Equal(inserted[1].GetRawText(), removed[1].GetRawText());
    }

    [Fact]
    public async Task Livechat_room_events_hold_only_members_the_contract_declares_with_the_servers_wire_form()
    {
        await using var server = await EmulatorHarness.StartAsync(options =>
        {
            options.QueuePositionDelay = TimeSpan.FromMilliseconds(100);
            options.QueueDispatchDebounce = TimeSpan.FromMilliseconds(50);
        });
        LivechatClient admin = await server.ClientAsync("admin");
        await admin.Integrations.SaveSettingAsync("Livechat_waiting_queue", new SaveSettingRequest { Value = JsonElement.Parse("true") });
        await admin.Integrations.SaveSettingAsync("Livechat_waiting_queue_message", new SaveSettingRequest { Value = JsonElement.Parse("\"Please wait\"") });
        (_, LivechatRoom earlier) = await server.StartChatAsync(name: "Ada");
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync(name: "Maria");
        using DdpTestSocket widget = await DdpTestSocket.ConnectAsync(server);
        await widget.SubscribeAsync("v1", LivechatRealtimeStreams.LivechatRoom.Publication, LivechatRealtimeStreams.LivechatRoom.EventName(room.Id), visitor.Token);
        LivechatClient agentOne = await server.ClientAsync("agent.one");
        // Taking the earlier chat moves this one up to spot 1, told after the subscription whatever the machine's load
        // (its first place, spot 2, may come before or after subscribing).
        await agentOne.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(earlier.Id)).Id });
        JsonElement queueData;
        do
        {
            queueData = await widget.NextEventAsync();
        }
        while (queueData[0].GetProperty("data").GetProperty("spot").GetInt32() != 1);

        await agentOne.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(room.Id)).Id });
        JsonElement agentData = await widget.NextEventAsync();
        await agentOne.Users.SetUserStatusAsync(new SetUserStatusRequest { Status = UserStatus.Away });
        JsonElement agentStatus = await widget.NextEventAsync();
        await admin.Integrations.SaveSettingAsync("Livechat_show_agent_info", new SaveSettingRequest { Value = JsonElement.Parse("false") });
        await agentOne.Rooms.ForwardRoomAsync(new ForwardRoomRequest { RoomId = room.Id, UserId = await server.UserIdAsync("agent.two") });
        JsonElement unassigned = await widget.NextEventAsync();
        JsonElement hidden = await widget.NextEventAsync();
        Visitor other = await server.RegisterVisitorAsync(name: "Other Person");
#pragma warning disable CS0618 // livechat/room.visitor (deprecated, removed in 7.0) is the one action that sends visitorData.
        await (await server.ClientAsync("agent.two")).Rooms.ChangeRoomVisitorAsync(new ChangeRoomVisitorRequest { RoomId = room.Id, OldVisitorId = visitor.Id, NewVisitorId = other.Id });
#pragma warning restore CS0618
        JsonElement visitorData = await widget.NextEventAsync();

        JsonElement[] frames = [queueData, agentData, agentStatus, unassigned, hidden, visitorData];
        LivechatRoomEventPayload[] events = [.. frames.Select(args => LivechatRealtimeStreams.LivechatRoom.ReadLivechatRoomEvent(args).Event)];
        Assert.Equal(["queueData", "agentData", "agentStatus", "agentData", "agentData", "visitorData"], events.Select(e => e.Type.Value));
        Assert.All(frames, args => Assert.Equal("type", args[0].EnumerateObject().First().Name));
        LivechatRoomQueueData queue = events[0].Data!.Value.Deserialize(LivechatRealtimeJsonContext.Default.LivechatRoomQueueData)!;
        LivechatUser agentInfo = events[1].Data!.Value.Deserialize(LivechatJsonContext.Default.LivechatUser)!;
        LivechatRoomHiddenAgent hiddenAgent = events[4].Data!.Value.Deserialize(LivechatRealtimeJsonContext.Default.LivechatRoomHiddenAgent)!;
        UndeclaredMembers.AssertNone([
            ("queueData", events[0]),
            ("queueData.data", queue),
            ("agentData", events[1]),
            ("agentData.data", agentInfo),
            ("agentStatus", events[2]),
            ("agentData (unassigned)", events[3]),
            ("agentData (hidden)", events[4]),
            ("agentData.data (hidden)", hiddenAgent),
            ("visitorData", events[5]),
        ]);

        Assert.Equal((1L, "Please wait", "rocket.cat", "rocket.cat"), (queue.Spot, queue.Message!.Text, queue.Message.User!.Id, queue.Message.User.Username));
        Assert.Equal("agent.one", agentInfo.Username);
        Assert.Equal(UserStatus.Away, events[2].Status);
        Assert.Equal(["type"], unassigned[0].EnumerateObject().Select(member => member.Name));
        Assert.Equal("""{"hiddenInfo":true}""", hidden[0].GetProperty("data").GetRawText());
        Assert.Equal(other.Id, events[5].Visitor!.Id);
        Assert.Equal(other.Timestamp!.Value.ToUnixTimeMilliseconds(), visitorData[0].GetProperty("visitor").GetProperty("ts").GetProperty("$date").GetInt64());
    }

    [Fact]
    public async Task The_inquirys_own_key_holds_the_inquiry_and_its_client_action_once_each_with_the_servers_wire_form()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom room) = await server.StartChatAsync(name: "Maria");
        Inquiry queued = await server.InquiryOfAsync(room.Id);
        using DdpTestSocket agent = await DdpTestSocket.LoginAsync(server, "agent.one");
        await agent.SubscribeAsync("s1", LivechatRealtimeStreams.InquiryChanges.Publication, LivechatRealtimeStreams.InquiryChanges.EventName(queued.Id));

        LivechatClient staff = await server.ClientAsync("agent.one");
        await staff.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = queued.Id });
        JsonElement updated = await agent.NextEventAsync();
        await staff.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = room.Id, Comment = "done" });
        JsonElement removed = await agent.NextEventAsync();

        InquiryChange[] changes = [.. new[] { updated, removed }.Select(args => LivechatRealtimeStreams.InquiryChanges.ReadInquiryChanged(args).Change)];
        UndeclaredMembers.AssertNone([("own key (updated)", changes[0]), ("own key (removed)", changes[1])]);
        Assert.Equal([InquiryChangeAction.Updated, InquiryChangeAction.Removed], changes.Select(change => change.ClientAction));
        Assert.Equal((queued.Id, room.Id, "taken"), (changes[0].Inquiry.Id, changes[0].Inquiry.RoomId, changes[0].Inquiry.Status?.Value));
        // {_id, ...inquiry, clientAction}: _id first and once, clientAction last; removed is {_id, clientAction} alone.
        string[] members = [.. updated[0].EnumerateObject().Select(member => member.Name)];
        Assert.Equal(("_id", "clientAction"), (members[0], members[^1]));
        Assert.Equal(members.Length, members.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(changes[0].Inquiry.TakenAt!.Value.ToUnixTimeMilliseconds(), updated[0].GetProperty("takenAt").GetProperty("$date").GetInt64());
        Assert.Equal($$"""{"_id":"{{queued.Id}}","clientAction":"removed"}""", removed[0].GetRawText());
    }
}
