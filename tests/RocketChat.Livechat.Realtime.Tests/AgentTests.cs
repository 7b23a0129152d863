using RocketChat.Livechat.Realtime.Tests.Infrastructure;

namespace RocketChat.Livechat.Realtime.Tests;

/// <summary>The agent's side: logins, the inquiry queue without polling, and chats routed to it.</summary>
public sealed class AgentTests
{
    [Fact]
    public async Task An_agent_sees_a_new_inquiry_in_the_public_queue_without_polling()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        LivechatRealtimeClient agent = await harness.ConnectAsync();
        RealtimeLogin login = await agent.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword);
        await using InquiryQueueSubscription queue = await agent.SubscribeInquiryQueueAsync(InquiryQueueKey.Public);
        await using var events = new EventReader<InquiryQueueEvent>(queue);

        VisitorChat chat = await harness.StartChatAsync();

        InquiryQueueEvent added = await events.NextAsync();
        Assert.Equal(InquiryQueueChange.Added, added.Change);
        Assert.Equal(chat.RoomId, added.Inquiry.RoomId);
        Assert.Equal(InquiryStatus.Queued, added.Inquiry.Status);
        Assert.NotNull(added.Inquiry.Timestamp);
        Assert.False(string.IsNullOrEmpty(login.Token));

        await harness.TakeAsync(chat.RoomId, "agent.two");
        InquiryQueueEvent taken = await events.NextAsync();
        Assert.Equal(InquiryQueueChange.Changed, taken.Change);
        Assert.Equal(InquiryStatus.Taken, taken.Inquiry.Status);
    }

    [Fact]
    public async Task An_agent_watching_one_inquiry_sees_it_taken_by_another_agent_then_removed_with_its_id_only()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        LivechatClient staff = await harness.StaffAsync("agent.one");
        Inquiry queued = (await staff.Inquiries.GetInquiryAsync(chat.RoomId)).Inquiry ?? throw new InvalidOperationException("no inquiry");
        LivechatRealtimeClient agent = await harness.ConnectAsync();
        await agent.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword);
        await using InquirySubscription inquiry = await agent.SubscribeInquiryAsync(queued.Id);
        await using var events = new EventReader<InquiryChangedEvent>(inquiry);

        await harness.TakeAsync(chat.RoomId, "agent.two");
        InquiryChangedEvent taken = await events.NextAsync();
        await (await harness.StaffAsync("agent.two")).Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = chat.RoomId, Comment = "done" });
        InquiryChangedEvent removed = await events.NextAsync();

        Assert.Equal((InquiryChangeKind.Updated, queued.Id, chat.RoomId, InquiryStatus.Taken), (taken.Change, taken.Inquiry.Id, taken.Inquiry.RoomId, taken.Inquiry.Status));
        Assert.NotNull(taken.Inquiry.TakenAt); // An EJSON date read back.
        Assert.Equal((InquiryChangeKind.Removed, queued.Id, null), (removed.Change, removed.Inquiry.Id, removed.Inquiry.RoomId));
        Assert.True((await Assert.ThrowsAsync<RealtimeServerException>(async () =>
        {
            LivechatRealtimeClient anonymous = await harness.ConnectAsync();
            await anonymous.SubscribeInquiryAsync(queued.Id);
        })).IsNotAllowed);
    }

    [Fact]
    public async Task A_user_without_livechat_roles_is_refused_the_queue_with_not_allowed()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        LivechatRealtimeClient user = await harness.ConnectAsync();
        await user.LoginWithPasswordAsync("plain.user", RealtimeHarness.StaffPassword);

        RealtimeServerException refused = await Assert.ThrowsAsync<RealtimeServerException>(() => user.SubscribeInquiryQueueAsync(InquiryQueueKey.Public));

        Assert.True(refused.IsNotAllowed);
    }

    [Fact]
    public async Task Anonymous_connections_are_refused_the_queue_and_other_agents_rooms()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId, "agent.one");
        LivechatRealtimeClient anonymous = await harness.ConnectAsync();
        LivechatRealtimeClient otherAgent = await harness.ConnectAsync();
        await otherAgent.LoginWithPasswordAsync("agent.two", RealtimeHarness.StaffPassword);

        Assert.True((await Assert.ThrowsAsync<RealtimeServerException>(() => anonymous.SubscribeInquiryQueueAsync(InquiryQueueKey.Public))).IsNotAllowed);
        Assert.True((await Assert.ThrowsAsync<RealtimeServerException>(() => otherAgent.SubscribeRoomMessagesAsync(chat.RoomId))).IsNotAllowed);
    }

    [Fact]
    public async Task A_chat_taken_by_the_agent_arrives_as_an_inserted_subscription()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        LivechatRealtimeClient agent = await harness.ConnectAsync();
        RealtimeLogin login = await agent.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword);
        await using SubscriptionChangesSubscription subscriptions = await agent.SubscribeSubscriptionChangesAsync();
        await using var events = new EventReader<SubscriptionChangedEvent>(subscriptions);
        VisitorChat chat = await harness.StartChatAsync();

        await harness.TakeAsync(chat.RoomId, "agent.one");

        SubscriptionChangedEvent inserted = await events.NextAsync();
        Assert.True(inserted.IsInserted);
        Assert.Equal(SubscriptionChangeAction.Inserted, inserted.Action);
        Assert.Equal(chat.RoomId, inserted.RoomId);
        Assert.Equal("l", inserted.RoomType);
        Assert.Equal(login.UserId, agent.UserId);
        OmnichannelSubscription subscription = inserted.Subscription;
        Assert.Equal((login.UserId, "agent.one"), (subscription.User!.Id, subscription.User.Username));
        Assert.Equal((chat.Token, chat.Username), (subscription.Visitor!.Token, subscription.Visitor.Username));
        Assert.Equal(chat.Username, subscription.Name);
        Assert.True(subscription.Open);
        Assert.NotNull(subscription.Ts);
        Assert.True(subscription.UpdatedAt >= subscription.Ts);

        LivechatClient staff = await harness.StaffAsync("agent.one");
        await staff.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = chat.RoomId, Comment = "done" });
        SubscriptionChangedEvent removed = await events.NextAsync();
        Assert.True(removed.IsRemoved);
        Assert.Equal(chat.RoomId, removed.Subscription.Rid);
    }

    [Fact]
    public async Task An_agents_queue_subscription_sees_a_chat_added_taken_and_removed_with_typed_inquiries()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        LivechatRealtimeClient agent = await harness.ConnectAsync();
        await agent.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword);
        await using InquiryQueueSubscription queue = await agent.SubscribeInquiryQueueAsync(InquiryQueueKey.Public);
        await using var events = new EventReader<InquiryQueueEvent>(queue);
        VisitorChat chat = await harness.StartChatAsync();

        InquiryQueueEvent added = await events.NextAsync();
        await harness.TakeAsync(chat.RoomId, "agent.one");
        InquiryQueueEvent taken = await events.NextAsync();
        await harness.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = chat.RoomId, Token = chat.Token });
        InquiryQueueEvent removed = await events.NextAsync();

        Assert.Equal(
            [InquiryQueueChange.Added, InquiryQueueChange.Changed, InquiryQueueChange.Removed],
            new[] { added.Change, taken.Change, removed.Change });
        Assert.All(new[] { added, taken, removed }, e => Assert.Equal(chat.RoomId, e.Inquiry.RoomId));
        Assert.Single(new[] { added.Inquiry.Id, taken.Inquiry.Id, removed.Inquiry.Id }.Distinct());
        Assert.Equal((InquiryStatus.Queued, chat.Token), (added.Inquiry.Status, added.Inquiry.Visitor!.Token));
        Assert.Equal(InquiryStatus.Taken, taken.Inquiry.Status);
        Assert.NotNull(taken.Inquiry.TakenAt);
        // The event's 'type' is read beside the inquiry, never left among its unknown members.
        Assert.All(new[] { added, taken, removed }, e => Assert.False(e.Inquiry.AdditionalProperties?.ContainsKey("type") ?? false));
    }

    [Fact]
    public async Task Login_by_resume_token_works_and_a_bad_password_is_a_typed_403()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        LivechatRealtimeClient first = await harness.ConnectAsync();
        RealtimeLogin login = await first.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword);
        LivechatRealtimeClient second = await harness.ConnectAsync();

        RealtimeLogin resumed = await second.LoginWithTokenAsync(login.Token);
        LivechatRealtimeClient third = await harness.ConnectAsync();
        RealtimeServerException refused = await Assert.ThrowsAsync<RealtimeServerException>(() => third.LoginWithPasswordAsync("agent.one", "wrong"));

        Assert.Equal(login.UserId, resumed.UserId);
        Assert.NotNull(resumed.TokenExpires);
        Assert.Equal("403", refused.Error);
    }

    [Fact]
    public async Task The_agent_receives_the_visitors_message_in_a_room_it_serves()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId, "agent.one");
        LivechatRealtimeClient agent = await harness.ConnectAsync();
        await agent.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword);
        await using LivechatRoomSubscription room = await agent.SubscribeRoomMessagesAsync(chat.RoomId);
        await using var events = new EventReader<LivechatRoomEvent>(room);

        Message sent = await harness.VisitorSaysAsync(chat, "I need help with my order");

        RoomMessageEvent received = await events.NextAsync<RoomMessageEvent>();
        Assert.Equal(sent.Id, received.Message.Id);
        Assert.Equal(chat.Token, received.Message.Token);
    }

    [Fact]
    public async Task A_visitors_edit_arrives_as_an_edit_and_its_deletion_as_a_deletion()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId, "agent.one");
        LivechatRealtimeClient agent = await harness.ConnectAsync();
        await agent.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword);
        await using LivechatRoomSubscription room = await agent.SubscribeRoomMessagesAsync(chat.RoomId);
        await using var events = new EventReader<LivechatRoomEvent>(room);
        Message sent = await harness.VisitorSaysAsync(chat, "helo");
        Assert.False((await events.NextAsync<RoomMessageEvent>()).IsEdit);

        await harness.Anonymous.Messages.UpdateVisitorMessageAsync(sent.Id, new UpdateVisitorMessageRequest { Token = chat.Token, RoomId = chat.RoomId, Text = "hello" });
        RoomMessageEvent edited = await events.NextAsync<RoomMessageEvent>();
        await harness.Anonymous.Messages.DeleteVisitorMessageAsync(sent.Id, new DeleteVisitorMessageRequest { Token = chat.Token, RoomId = chat.RoomId });
        MessageDeletedEvent deleted = await events.NextAsync<MessageDeletedEvent>();

        Assert.True(edited.IsEdit);
        Assert.Equal(sent.Id, edited.Message.Id);
        Assert.Equal("hello", edited.Message.Text);
        Assert.NotNull(edited.Message.EditedAt);
        Assert.Equal(sent.Id, deleted.MessageId);
    }
}
