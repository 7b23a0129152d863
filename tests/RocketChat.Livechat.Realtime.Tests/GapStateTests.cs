using RocketChat.Livechat.Realtime.Tests.Infrastructure;

namespace RocketChat.Livechat.Realtime.Tests;

/// <summary>
/// Fault injection for the events the server does not replay: the socket drops, the room or the queue changes while
/// the client is offline (the emulator refuses it meanwhile), and after reconnecting the client tells what changed,
/// once, from REST state.
/// </summary>
public sealed class GapStateTests
{
    [Fact]
    public async Task An_agent_who_takes_the_chat_during_a_gap_is_announced_once_after_the_gaps_messages()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync(); // Queued: nobody serves it yet.
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);
        await harness.VisitorSaysAsync(chat, "before");
        Assert.Equal("before", (await events.NextAsync<RoomMessageEvent>()).Message.Text);

        await harness.OfflineAsync(visitor, async () =>
        {
            await harness.TakeAsync(chat.RoomId, "agent.two"); // Join messages, then agentData: all lost with the socket.
            await harness.AgentSaysAsync(chat.RoomId, "during gap", "agent.two");
        });
        await harness.AgentSaysAsync(chat.RoomId, "after reconnecting", "agent.two");

        var received = new List<LivechatRoomEvent>();
        while (received.LastOrDefault() is not RoomMessageEvent { Message.Text: "after reconnecting" })
        {
            received.Add(await events.NextAsync());
        }

        AgentChangedEvent agent = Assert.Single(received.OfType<AgentChangedEvent>());
        Assert.Equal("agent.two", agent.Agent?.Username);
        Assert.False(agent.IsHidden);
        int agentAt = received.IndexOf(agent);
        int gapMessageAt = received.FindIndex(e => e is RoomMessageEvent { Message.Text: "during gap" });
        Assert.True(gapMessageAt >= 0, "The gap's message was not delivered.");
        Assert.Contains(received.Take(agentAt), e => e is RoomMessageEvent { Kind: RoomMessageKind.AgentConnected });
        Assert.True(agentAt > gapMessageAt, $"The agent came at {agentAt}, before the gap's last message at {gapMessageAt}.");
        Assert.Equal(agentAt + 1, received.Count - 1); // Then only the message sent after reconnecting.

        // The reconstructed agent is not told again later.
        await harness.AgentSaysAsync(chat.RoomId, "last", "agent.two");
        Assert.Equal("last", Assert.IsType<RoomMessageEvent>(await events.NextAsync()).Message.Text);
    }

    [Fact]
    public async Task Agent_changes_within_one_gap_collapse_into_the_final_agent()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId, "agent.one");
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);

        await harness.OfflineAsync(visitor, async () =>
        {
            (string agentTwoId, _) = await harness.Emulator.LoginAsync("agent.two", RealtimeHarness.StaffPassword);
            LivechatClient manager = await harness.StaffAsync("manager");
            await manager.Rooms.ForwardRoomAsync(new ForwardRoomRequest { RoomId = chat.RoomId, UserId = agentTwoId });
        });
        await harness.AgentSaysAsync(chat.RoomId, "after reconnecting", "agent.two");

        var received = new List<LivechatRoomEvent>();
        while (received.LastOrDefault() is not RoomMessageEvent { Message.Text: "after reconnecting" })
        {
            received.Add(await events.NextAsync());
        }

        // Live, the forward is agentData without an agent, then agentData with agent.two; from REST, only the latter.
        Assert.Equal("agent.two", Assert.Single(received.OfType<AgentChangedEvent>()).Agent?.Username);
    }

    [Fact]
    public async Task With_agent_info_hidden_an_agent_taking_the_chat_during_a_gap_is_told_as_hidden()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        await harness.SetSettingAsync("Livechat_show_agent_info", "false");
        VisitorChat chat = await harness.StartChatAsync();
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);

        await harness.OfflineAsync(visitor, () => harness.TakeAsync(chat.RoomId, "agent.one"));
        await harness.AgentSaysAsync(chat.RoomId, "after reconnecting");

        var received = new List<LivechatRoomEvent>();
        while (received.LastOrDefault() is not RoomMessageEvent { Message.Text: "after reconnecting" })
        {
            received.Add(await events.NextAsync());
        }

        AgentChangedEvent agent = Assert.Single(received.OfType<AgentChangedEvent>());
        Assert.True(agent.IsHidden);
        Assert.Null(agent.Agent);
    }

    [Fact]
    public async Task An_agent_status_change_during_a_gap_is_told_once_after_reconnecting()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId, "agent.one");
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);

        await harness.OfflineAsync(visitor, () => harness.SetPresenceAsync("agent.one", UserStatus.Away));
        await harness.AgentSaysAsync(chat.RoomId, "after reconnecting");

        Assert.Equal(UserStatus.Away, Assert.IsType<AgentStatusChangedEvent>(await events.NextAsync()).Status);
        Assert.Equal("after reconnecting", Assert.IsType<RoomMessageEvent>(await events.NextAsync()).Message.Text);
    }

    [Fact]
    public async Task A_gap_in_which_nothing_changed_brings_its_messages_and_nothing_else()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId, "agent.one");
        var probe = new RequestProbe();
        LivechatRealtimeClient visitor = await harness.ConnectAsync(rest: harness.AnonymousThrough(probe));
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);

        await harness.OfflineAsync(visitor, () => harness.AgentSaysAsync(chat.RoomId, "during gap"));
        await harness.AgentSaysAsync(chat.RoomId, "after reconnecting");

        Assert.Equal("during gap", Assert.IsType<RoomMessageEvent>(await events.NextAsync()).Message.Text);
        Assert.Equal("after reconnecting", Assert.IsType<RoomMessageEvent>(await events.NextAsync()).Message.Text);
        // The agent's state was read when subscribing and again after the gap, and found unchanged.
        Assert.Equal(2, probe.Count("/api/v1/livechat/config"));
    }

    [Fact]
    public async Task An_agents_queue_gets_the_inquiries_queued_and_taken_during_a_gap_exactly_once()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        LivechatRealtimeClient agent = await harness.ConnectAsync();
        await agent.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword);
        VisitorChat waitingBefore = await harness.StartChatAsync(); // Queued before subscribing: known, not news.
        await using InquiryQueueSubscription queue = await agent.SubscribeInquiryQueueAsync(InquiryQueueKey.Public);
        await using var events = new EventReader<InquiryQueueEvent>(queue);
        VisitorChat takenDuringGap = await harness.StartChatAsync();
        Assert.Equal((InquiryQueueChange.Added, takenDuringGap.RoomId), Describe(await events.NextAsync()));

        VisitorChat? queuedDuringGap = null;
        await harness.OfflineAsync(agent, async () =>
        {
            queuedDuringGap = await harness.StartChatAsync();
            await harness.TakeAsync(takenDuringGap.RoomId, "agent.two");
        });
        VisitorChat queuedAfter = await harness.StartChatAsync();

        var received = new List<(InquiryQueueChange, string?)>();
        while (received.LastOrDefault().Item2 != queuedAfter.RoomId)
        {
            received.Add(Describe(await events.NextAsync()));
        }

        Assert.Equal(
            [
                (InquiryQueueChange.Removed, takenDuringGap.RoomId),
                (InquiryQueueChange.Added, queuedDuringGap!.RoomId),
                (InquiryQueueChange.Added, queuedAfter.RoomId),
            ],
            received);
        Assert.DoesNotContain(received, e => e.Item2 == waitingBefore.RoomId);
    }

    [Fact]
    public async Task A_queue_gap_with_no_change_brings_nothing()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        var probe = new RequestProbe();
        LivechatRealtimeClient agent = await harness.ConnectAsync(rest: harness.AnonymousThrough(probe));
        await agent.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword);
        await using InquiryQueueSubscription queue = await agent.SubscribeInquiryQueueAsync(InquiryQueueKey.Public);
        await using var events = new EventReader<InquiryQueueEvent>(queue);
        VisitorChat waiting = await harness.StartChatAsync();
        Assert.Equal((InquiryQueueChange.Added, waiting.RoomId), Describe(await events.NextAsync()));

        await harness.OfflineAsync(agent, () => Task.CompletedTask);
        VisitorChat queuedAfter = await harness.StartChatAsync();

        Assert.Equal((InquiryQueueChange.Added, queuedAfter.RoomId), Describe(await events.NextAsync()));
        // The queue was listed when subscribing and again after the gap, and found unchanged.
        Assert.True(queue.FillsGaps);
        Assert.Equal(2, probe.Count("/api/v1/livechat/inquiries.queuedForUser"));
    }

    [Fact]
    public async Task An_agents_subscriptions_get_the_chats_routed_during_a_gap_exactly_once_with_the_servers_document()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat servedBefore = await harness.StartChatAsync();
        await harness.TakeAsync(servedBefore.RoomId, "agent.one"); // Served before subscribing: known, not news.
        LivechatRealtimeClient agent = await harness.ConnectAsync();
        RealtimeLogin login = await agent.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword);
        await using SubscriptionChangesSubscription subscriptions = await agent.SubscribeSubscriptionChangesAsync();
        await using var events = new EventReader<SubscriptionChangedEvent>(subscriptions);

        VisitorChat? routedDuringGap = null;
        await harness.OfflineAsync(agent, async () =>
        {
            routedDuringGap = await harness.StartChatAsync();
            await harness.TakeAsync(routedDuringGap.RoomId, "agent.one");
        });
        VisitorChat routedAfter = await harness.StartChatAsync();
        await harness.TakeAsync(routedAfter.RoomId, "agent.one");

        var received = new List<SubscriptionChangedEvent>();
        while (received.LastOrDefault()?.RoomId != routedAfter.RoomId)
        {
            received.Add(await events.NextAsync());
        }

        Assert.Equal(
            [(SubscriptionChangeAction.Inserted, routedDuringGap!.RoomId), (SubscriptionChangeAction.Inserted, routedAfter.RoomId)],
            received.Select(e => (e.Action, e.RoomId)));
        OmnichannelSubscription reconstructed = received[0].Subscription;
        Assert.Equal($"{routedDuringGap.RoomId}-{login.UserId}", reconstructed.Id); // The emulator's subscription id, as the server sent it.
        Assert.Equal("l", reconstructed.T);
        Assert.Equal(login.UserId, reconstructed.User?.Id);
        Assert.Equal(routedDuringGap.Token, reconstructed.Visitor?.Token);
        Assert.True(subscriptions.FillsGaps);
    }

    [Fact]
    public async Task A_user_who_serves_no_livechat_keeps_its_subscriptions_feed_live_and_says_it_fills_no_gaps()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        var probe = new RequestProbe();
        LivechatRealtimeClient user = await harness.ConnectAsync(rest: harness.AnonymousThrough(probe));
        await user.LoginWithPasswordAsync("plain.user", RealtimeHarness.StaffPassword);
        await using SubscriptionChangesSubscription subscriptions = await user.SubscribeSubscriptionChangesAsync();

        await harness.OfflineAsync(user, () => Task.CompletedTask);

        Assert.False(subscriptions.IsCompleted);
        Assert.False(subscriptions.FillsGaps);
        Assert.Equal(1, probe.Count("/api/v1/livechat/rooms")); // Refused once (403) when subscribing, not asked again.
    }

    [Fact]
    public async Task A_department_queue_the_user_may_not_list_stays_live_and_says_it_fills_no_gaps()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        LivechatClient manager = await harness.StaffAsync("manager");
        (string agentTwoId, _) = await harness.Emulator.LoginAsync("agent.two", RealtimeHarness.StaffPassword);
        Department sales = (await manager.Departments.CreateDepartmentAsync(new CreateDepartmentRequest
        {
            Department = new DepartmentInput { Name = "Sales", IsEnabled = true, Email = "sales@example.com", ShowOnRegistration = true, ShowOnOfflineForm = true },
            Agents = [new DepartmentAgentInput { AgentId = agentTwoId, Username = "agent.two" }],
        })).Department;
        LivechatRealtimeClient agent = await harness.ConnectAsync();
        await agent.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword); // Not in Sales.

        await using InquiryQueueSubscription queue = await agent.SubscribeInquiryQueueAsync(InquiryQueueKey.Department(sales.Id));
        await using var events = new EventReader<InquiryQueueEvent>(queue);
        await harness.OfflineAsync(agent, () => Task.CompletedTask);
        string token = "visitor-" + Guid.NewGuid().ToString("N");
        await harness.Anonymous.Visitors.RegisterVisitorAsync(new RegisterVisitorRequest { Visitor = new VisitorInput { Token = token, Name = "Visitor", Department = sales.Id } });
        string roomId = (await harness.Anonymous.Rooms.GetOrCreateRoomAsync(token)).Room.Id;

        Assert.False(queue.FillsGaps);
        Assert.Equal((InquiryQueueChange.Added, roomId), Describe(await events.NextAsync()));
    }

    [Fact]
    public async Task Disposing_the_client_while_a_gap_is_being_filled_ends_everything_cleanly()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        var probe = new RequestProbe();
        LivechatRealtimeClient visitor = await harness.ConnectAsync(rest: harness.AnonymousThrough(probe));
        LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);
        Task<bool> ended = events.EndsAsync();

        probe.HoldPath = "/api/v1/livechat/config"; // The server stalls on the agent's state after the reconnection.
        Assert.Equal(1, harness.Emulator.DropRealtimeConnections());
        await probe.Held.WaitAsync(RealtimeHarness.Timeout);
        await visitor.DisposeAsync().AsTask().WaitAsync(RealtimeHarness.Timeout);

        Assert.True(await ended.WaitAsync(RealtimeHarness.Timeout));
        Assert.True(room.IsCompleted);
        Assert.Equal(0, visitor.ReconnectCount);
    }

    private static (InquiryQueueChange, string?) Describe(InquiryQueueEvent queueEvent) => (queueEvent.Change, queueEvent.Inquiry.RoomId);
}
