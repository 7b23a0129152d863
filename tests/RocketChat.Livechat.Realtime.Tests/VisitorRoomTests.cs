using RocketChat.Livechat.Realtime.Tests.Infrastructure;

namespace RocketChat.Livechat.Realtime.Tests;

/// <summary>A visitor's room over a real loopback WebSocket against the emulator: what the widget shows live.</summary>
public sealed class VisitorRoomTests
{
    [Fact]
    public async Task Visitor_sees_the_agent_join_then_receives_the_agents_message_live()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);

        await harness.TakeAsync(chat.RoomId);
        Assert.Equal(RoomMessageKind.AgentConnected, (await events.NextAsync<RoomMessageEvent>()).Kind);
        Assert.Equal(RoomMessageKind.UserJoined, (await events.NextAsync<RoomMessageEvent>()).Kind);
        AgentChangedEvent agent = await events.NextAsync<AgentChangedEvent>();
        Assert.Equal("agent.one", agent.Agent?.Username);

        Message sent = await harness.AgentSaysAsync(chat.RoomId, "Hello, how can I help?");
        RoomMessageEvent received = await events.NextAsync<RoomMessageEvent>();
        Assert.Equal(sent.Id, received.Message.Id);
        Assert.Equal("Hello, how can I help?", received.Message.Text);
        Assert.Equal(RoomMessageKind.Chat, received.Kind);
        Assert.False(received.IsEdit);
        Assert.Equal("agent.one", received.Message.User?.Username);
        Assert.Equal(sent.Timestamp, received.Message.Timestamp); // EJSON {"$date"} read back to the same instant.
    }

    [Fact]
    public async Task Messages_already_in_the_room_before_subscribing_are_not_delivered_as_news()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.VisitorSaysAsync(chat, "before subscribing");
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);

        await harness.VisitorSaysAsync(chat, "after subscribing");

        RoomMessageEvent first = await events.NextAsync<RoomMessageEvent>();
        Assert.Equal("after subscribing", first.Message.Text);
    }

    [Fact]
    public async Task Visitor_sees_the_agent_typing_and_the_agent_sees_the_visitor_typing()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId);
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        LivechatRealtimeClient agent = await harness.ConnectAsync();
        await agent.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword);
        await using LivechatRoomSubscription visitorRoom = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using LivechatRoomSubscription agentRoom = await agent.SubscribeRoomMessagesAsync(chat.RoomId);
        await using var visitorEvents = new EventReader<LivechatRoomEvent>(visitorRoom);
        await using var agentEvents = new EventReader<LivechatRoomEvent>(agentRoom);

        await agent.SendTypingAsync(chat.RoomId, "agent.one", isTyping: true);
        UserActivityEvent agentTyping = await visitorEvents.NextAsync<UserActivityEvent>();
        Assert.Equal("agent.one", agentTyping.Username);
        Assert.True(agentTyping.IsTyping);

        await visitor.SendTypingAsync(chat.RoomId, chat.Username, isTyping: true, chat.Token);
        UserActivityEvent visitorTyping = await agentEvents.NextAsync<UserActivityEvent>();
        Assert.Equal(chat.Username, visitorTyping.Username);
        Assert.True(visitorTyping.IsTyping);

        await visitor.SendTypingAsync(chat.RoomId, chat.Username, isTyping: false, chat.Token);
        UserActivityEvent visitorStopped = await agentEvents.NextAsync<UserActivityEvent>();
        Assert.False(visitorStopped.IsTyping);
    }

    [Fact]
    public async Task Typing_under_someone_elses_name_is_dropped_as_the_server_drops_it()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId);
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        LivechatRealtimeClient agent = await harness.ConnectAsync();
        await agent.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword);
        await using LivechatRoomSubscription visitorRoom = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(visitorRoom);

        await agent.SendTypingAsync(chat.RoomId, "agent.two", isTyping: true); // Not its username: refused silently.
        await agent.SendTypingAsync(chat.RoomId, "agent.one", isTyping: true);

        UserActivityEvent typing = await events.NextAsync<UserActivityEvent>();
        Assert.Equal("agent.one", typing.Username);
    }

    [Fact]
    public async Task Visitor_learns_the_room_closed_from_the_livechat_close_message()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId);
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);

        LivechatClient agent = await harness.StaffAsync("agent.one");
        await agent.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = chat.RoomId, Comment = "Thanks, bye" });

        RoomMessageEvent closed = await events.NextAsync<RoomMessageEvent>();
        Assert.Equal(RoomMessageKind.RoomClosed, closed.Kind);
        Assert.Equal("Thanks, bye", closed.Message.Text);
    }

    [Fact]
    public async Task A_wrong_visitor_token_is_refused_with_a_typed_not_allowed()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        VisitorChat other = await harness.StartChatAsync();
        LivechatRealtimeClient visitor = await harness.ConnectAsync();

        RealtimeServerException refused = await Assert.ThrowsAsync<RealtimeServerException>(() => visitor.SubscribeVisitorRoomAsync(chat.RoomId, other.Token));

        Assert.True(refused.IsNotAllowed);
        Assert.Equal("not-allowed", refused.Error);
        Assert.Contains(RealtimeStreams.RoomMessages, refused.Operation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_room_refuses_a_new_visitor_subscription()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = chat.RoomId, Token = chat.Token });
        LivechatRealtimeClient visitor = await harness.ConnectAsync();

        RealtimeServerException refused = await Assert.ThrowsAsync<RealtimeServerException>(() => visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token));

        Assert.True(refused.IsNotAllowed);
    }
}
