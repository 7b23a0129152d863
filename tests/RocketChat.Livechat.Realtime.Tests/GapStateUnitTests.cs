namespace RocketChat.Livechat.Realtime.Tests;

/// <summary>
/// The rules that turn REST state into the events a gap lost, alone: what is news, what a held live event repeats,
/// which inquiries a key covers.
/// </summary>
public sealed class GapStateUnitTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    private static Inquiry Queued(string id, int secondsLater = 0, string? department = null, string? defaultAgent = null) => new()
    {
        Id = id,
        RoomId = "room-" + id,
        Status = InquiryStatus.Queued,
        Department = department,
        DefaultAgent = defaultAgent is null ? null : new InquiryDefaultAgent { AgentId = defaultAgent },
        UpdatedAt = Start.AddSeconds(secondsLater),
    };

    private static LivechatUser Agent(string id, UserStatus status) => new() { Id = id, Username = id, Status = status };

    [Fact]
    public void The_queue_ledger_tells_what_left_then_what_came_and_what_changed_during_a_gap()
    {
        var ledger = new InquiryQueueLedger(InquiryQueueKey.Public, "me");
        ledger.Reset([Queued("stays"), Queued("taken"), Queued("edited")]);

        List<InquiryQueueEvent> missed = ledger.Reconcile([Queued("stays"), Queued("edited", secondsLater: 5), Queued("new")]);

        Assert.Equal(
            [(InquiryQueueChange.Removed, "taken"), (InquiryQueueChange.Changed, "edited"), (InquiryQueueChange.Added, "new")],
            missed.Select(e => (e.Change, e.Inquiry.Id)));
        Assert.Empty(ledger.Reconcile([Queued("stays"), Queued("edited", secondsLater: 5), Queued("new")]));
    }

    [Fact]
    public void A_held_queue_event_that_repeats_the_listing_is_not_news_but_a_later_one_is()
    {
        var ledger = new InquiryQueueLedger(InquiryQueueKey.Public, "me");
        ledger.Reset([Queued("a")]);
        ledger.Reconcile([Queued("a"), Queued("b")]);

        Assert.False(ledger.Observe(new InquiryQueueEvent(InquiryQueueChange.Added, Queued("b"))));
        Assert.False(ledger.Observe(new InquiryQueueEvent(InquiryQueueChange.Changed, Queued("a"))));
        Assert.True(ledger.Observe(new InquiryQueueEvent(InquiryQueueChange.Changed, Queued("a", secondsLater: 1))));
        // Taken: a "changed" whose status is no longer queued; once told, its repeat is not news.
        Assert.True(ledger.Observe(new InquiryQueueEvent(InquiryQueueChange.Changed, Queued("b") with { Status = InquiryStatus.Taken })));
        Assert.False(ledger.Observe(new InquiryQueueEvent(InquiryQueueChange.Removed, Queued("b"))));
        Assert.Equal([(InquiryQueueChange.Added, "b")], ledger.Reconcile([Queued("a", secondsLater: 1), Queued("b")]).Select(e => (e.Change, e.Inquiry.Id)));
    }

    [Fact]
    public void A_key_covers_the_inquiries_the_server_publishes_under_it()
    {
        Inquiry inDepartment = Queued("d", department: "sales", defaultAgent: "agent-1");
        Inquiry forAgent = Queued("a", defaultAgent: "agent-1");
        Inquiry open = Queued("p");

        Assert.True(InquiryQueueKey.Department("sales").Covers(inDepartment));
        Assert.False(InquiryQueueKey.Agent("agent-1").Covers(inDepartment));
        Assert.True(InquiryQueueKey.Agent("agent-1").Covers(forAgent));
        Assert.False(InquiryQueueKey.Public.Covers(forAgent));
        Assert.True(InquiryQueueKey.Public.Covers(open));
        Assert.False(InquiryQueueKey.Department("sales").Covers(open));

        var ledger = new InquiryQueueLedger(InquiryQueueKey.Public, "me");
        ledger.Reset([]);
        Assert.Equal(["p"], ledger.Reconcile([inDepartment, forAgent, open]).Select(e => e.Inquiry.Id));
    }

    [Fact]
    public void The_agent_state_collapses_a_gap_to_its_final_agent_and_tells_nothing_when_nothing_changed()
    {
        var state = new VisitorRoomAgentState("room");
        state.Reset(ServingAgent.Nobody);

        Assert.Null(state.Reconcile(ServingAgent.Nobody));
        AgentChangedEvent taken = Assert.IsType<AgentChangedEvent>(state.Reconcile(new ServingAgent(Agent("agent-2", UserStatus.Online), IsHidden: false)));
        Assert.Equal("agent-2", taken.Agent?.Id);
        Assert.Null(state.Reconcile(new ServingAgent(Agent("agent-2", UserStatus.Online), IsHidden: false)));
        Assert.Equal(UserStatus.Away, Assert.IsType<AgentStatusChangedEvent>(state.Reconcile(new ServingAgent(Agent("agent-2", UserStatus.Away), IsHidden: false))).Status);
        Assert.True(Assert.IsType<AgentChangedEvent>(state.Reconcile(new ServingAgent(null, IsHidden: true))).IsHidden);
        Assert.Null(state.Reconcile(new ServingAgent(null, IsHidden: true)));
        Assert.Null(Assert.IsType<AgentChangedEvent>(state.Reconcile(ServingAgent.Nobody)).Agent);
    }

    [Fact]
    public void A_held_agent_event_that_repeats_the_reconstructed_one_is_not_news()
    {
        var state = new VisitorRoomAgentState("room");
        state.Reset(ServingAgent.Nobody);
        state.Reconcile(new ServingAgent(Agent("agent-2", UserStatus.Online), IsHidden: false));

        Assert.False(state.Observe(new AgentChangedEvent("room", Agent("agent-2", UserStatus.Online), IsHidden: false)));
        Assert.False(state.Observe(new AgentStatusChangedEvent("room", UserStatus.Online)));
        Assert.True(state.Observe(new AgentStatusChangedEvent("room", UserStatus.Busy)));
        Assert.True(state.Observe(new AgentChangedEvent("room", null, IsHidden: false)));
        Assert.True(state.Observe(new MessageDeletedEvent("room", "m1")));
    }

    [Fact]
    public void The_config_names_the_agent_of_the_visitors_open_room_only()
    {
        var room = new LivechatRoom { Id = "room" };
        var shown = new LivechatConfig { IsEnabled = true, Room = room, Agent = new WidgetAgent { Id = "agent-1", Username = "agent.one", Status = UserStatus.Busy } };

        Assert.Equal("agent-1", ServingAgent.FromConfig(shown, "room")?.Agent?.Id);
        Assert.Equal(UserStatus.Busy, ServingAgent.FromConfig(shown, "room")?.Agent?.Status);
        Assert.Equal(ServingAgent.Nobody, ServingAgent.FromConfig(shown with { Agent = null }, "room"));
        Assert.True(ServingAgent.FromConfig(shown with { Agent = new WidgetAgent { IsHidden = true } }, "room")?.IsHidden);
        Assert.Null(ServingAgent.FromConfig(shown, "another-room"));
        Assert.Null(ServingAgent.FromConfig(new LivechatConfig { IsEnabled = false }, "room"));
        Assert.Throws<RealtimeProtocolException>(() => ServingAgent.FromConfig(shown with { Agent = new WidgetAgent { Username = "no id" } }, "room"));
    }

    [Fact]
    public void An_inquiry_waiting_for_another_agent_is_never_removed_by_a_listing_that_cannot_show_it()
    {
        var ledger = new InquiryQueueLedger(InquiryQueueKey.Department("sales"), "me");
        ledger.Reset([]);
        ledger.Observe(new InquiryQueueEvent(InquiryQueueChange.Added, Queued("for-other", department: "sales", defaultAgent: "other")));
        ledger.Observe(new InquiryQueueEvent(InquiryQueueChange.Added, Queued("for-me", department: "sales", defaultAgent: "me")));
        ledger.Observe(new InquiryQueueEvent(InquiryQueueChange.Added, Queued("for-anyone", department: "sales")));

        // queuedForUser never lists another agent's inquiries: their absence says nothing.
        Assert.Equal(
            [(InquiryQueueChange.Removed, "for-me"), (InquiryQueueChange.Removed, "for-anyone")],
            ledger.Reconcile([]).Select(e => (e.Change, e.Inquiry.Id)));
        Assert.True(ledger.Observe(new InquiryQueueEvent(InquiryQueueChange.Removed, Queued("for-other", department: "sales", defaultAgent: "other"))));
    }

    [Fact]
    public void The_served_rooms_ledger_finds_the_rooms_routed_meanwhile_and_drops_a_held_insert_it_told()
    {
        static SubscriptionChangedEvent Change(SubscriptionChangeAction action, string roomId, string type = "l") =>
            new(action, new OmnichannelSubscription { Id = roomId + "-me", Rid = roomId, T = type });
        var ledger = new ServedRoomsLedger();
        ledger.Reset([new LivechatRoom { Id = "kept" }]);

        Assert.Equal(["routed"], ledger.Unknown([new LivechatRoom { Id = "kept" }, new LivechatRoom { Id = "routed" }]));
        ledger.Know("routed");

        Assert.Empty(ledger.Unknown([new LivechatRoom { Id = "kept" }, new LivechatRoom { Id = "routed" }]));
        Assert.False(ledger.Observe(Change(SubscriptionChangeAction.Inserted, "routed")));
        Assert.True(ledger.Observe(Change(SubscriptionChangeAction.Updated, "kept")));
        Assert.True(ledger.Observe(Change(SubscriptionChangeAction.Inserted, "direct", type: "d")));
        Assert.True(ledger.Observe(Change(SubscriptionChangeAction.Removed, "kept")));
        Assert.Equal(["kept"], ledger.Unknown([new LivechatRoom { Id = "kept" }]));
    }
}
