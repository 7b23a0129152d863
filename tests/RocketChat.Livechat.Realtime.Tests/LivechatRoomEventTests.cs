using System.Net.WebSockets;
using System.Text.Json;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Realtime.Tests.Infrastructure;

// livechat/room.visitor is deprecated (removed in 7.0), and it is the one action that sends visitorData.
#pragma warning disable CS0618

namespace RocketChat.Livechat.Realtime.Tests;

/// <summary>
/// <c>stream-livechat-room</c> beyond <c>agentData</c>: <c>agentStatus</c>, <c>visitorData</c> and <c>queueData</c>,
/// raised by the REST actions that raise them on the server, frame by frame and as the client's typed events.
/// </summary>
public sealed class LivechatRoomEventTests
{
    private static async Task<ClientWebSocket> SubscribeLivechatRoomAsync(RealtimeHarness harness, VisitorChat chat)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(new Uri(harness.Emulator.BaseAddress.ToString().Replace("http", "ws", StringComparison.Ordinal)), "websocket"), CancellationToken.None);
        await FakeDdpServer.SendAsync(socket, """{"msg":"connect","version":"1","support":["1"]}""", CancellationToken.None);
        await ReceiveAsync(socket); // server_id
        await ReceiveAsync(socket); // connected
        await FakeDdpServer.SendAsync(
            socket,
            $$"""{"msg":"sub","id":"s1","name":"stream-livechat-room","params":["{{chat.RoomId}}",{"useCollection":false,"args":[{"token":"{{chat.Token}}","visitorToken":"{{chat.Token}}"}]}]}""",
            CancellationToken.None);
        Assert.Equal("""{"msg":"ready","subs":["s1"]}""", await ReceiveAsync(socket));
        return socket;
    }

    private static async Task<string> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(RealtimeHarness.Timeout);
        JsonElement frame = await FakeDdpServer.ReceiveAsync(socket, timeout.Token) ?? throw new InvalidOperationException("closed");
        return frame.GetRawText();
    }

    private static string LivechatRoomFrame(string roomId, string payload) =>
        $$$"""{"msg":"changed","collection":"stream-livechat-room","id":"id","fields":{"eventName":"{{{roomId}}}","args":[{{{payload}}}]}}""";

    [Fact]
    public async Task The_serving_agents_presence_change_reaches_the_room_as_agentStatus_after_agentData()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        using ClientWebSocket socket = await SubscribeLivechatRoomAsync(harness, chat);
        await harness.TakeAsync(chat.RoomId, "agent.one");
        Assert.Contains("\"type\":\"agentData\"", await ReceiveAsync(socket), StringComparison.Ordinal);

        await harness.SetPresenceAsync("agent.one", UserStatus.Away);
        await harness.SetPresenceAsync("agent.one", UserStatus.Away); // No change: nothing is sent.
        await harness.SetPresenceAsync("agent.two", UserStatus.Busy); // Serves no room here: nothing for this room.
        await harness.SetPresenceAsync("agent.one", UserStatus.Online);

        Assert.Equal(LivechatRoomFrame(chat.RoomId, """{"type":"agentStatus","status":"away"}"""), await ReceiveAsync(socket));
        Assert.Equal(LivechatRoomFrame(chat.RoomId, """{"type":"agentStatus","status":"online"}"""), await ReceiveAsync(socket));
    }

    [Fact]
    public async Task The_client_surfaces_agentStatus_as_a_typed_event()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId, "agent.one");
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);

        await harness.SetPresenceAsync("agent.one", UserStatus.Busy);

        AgentStatusChangedEvent status = await events.NextAsync<AgentStatusChangedEvent>();
        Assert.Equal(chat.RoomId, status.RoomId);
        Assert.Equal(UserStatus.Busy, status.Status);
    }

    [Fact]
    public async Task With_agent_info_hidden_agentData_is_hiddenInfo_and_no_agentStatus_is_sent()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        await harness.SetSettingAsync("Livechat_show_agent_info", "false");
        VisitorChat chat = await harness.StartChatAsync();
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);

        await harness.TakeAsync(chat.RoomId, "agent.one");
        AgentChangedEvent agent = await events.NextAsync<AgentChangedEvent>();
        await harness.SetPresenceAsync("agent.one", UserStatus.Away);
        Message after = await harness.AgentSaysAsync(chat.RoomId, "still here");

        Assert.True(agent.IsHidden);
        Assert.Null(agent.Agent);
        // The message sent after the presence change is the next event: no agentStatus came in between.
        RoomMessageEvent next = Assert.IsType<RoomMessageEvent>(await events.NextAsync());
        Assert.Equal(after.Id, next.Message.Id);
    }

    [Fact]
    public async Task Moving_the_room_to_another_visitor_sends_visitorData_with_the_new_visitor_document()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId, "agent.one");
        RegisterVisitorResponse other = await harness.Anonymous.Visitors.RegisterVisitorAsync(new RegisterVisitorRequest
        {
            Visitor = new VisitorInput { Token = "other-" + Guid.NewGuid().ToString("N"), Name = "Other Person" },
        });
        Visitor old = (await harness.Anonymous.Visitors.GetVisitorAsync(chat.Token)).Visitor;
        using ClientWebSocket socket = await SubscribeLivechatRoomAsync(harness, chat);
        LivechatClient agent = await harness.StaffAsync("agent.one");

        ChangeRoomVisitorResponse changed = await agent.Rooms.ChangeRoomVisitorAsync(new ChangeRoomVisitorRequest
        {
            RoomId = chat.RoomId,
            OldVisitorId = old.Id,
            NewVisitorId = other.Visitor.Id,
        });

        Visitor newVisitor = other.Visitor;
        string expected = LivechatRoomFrame(
            chat.RoomId,
            $$$"""{"type":"visitorData","visitor":{"_id":"{{{newVisitor.Id}}}","username":"{{{newVisitor.Username}}}","ts":{"$date":{{{newVisitor.Timestamp!.Value.ToUnixTimeMilliseconds()}}}},"token":"{{{newVisitor.Token}}}","_updatedAt":{"$date":{{{newVisitor.UpdatedAt!.Value.ToUnixTimeMilliseconds()}}}},"name":"Other Person","status":"online"}}""");
        // The same frame, member for member; the visitor document's members come in the contract's order.
        string received = await ReceiveAsync(socket);
        Assert.True(
            System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(expected), System.Text.Json.Nodes.JsonNode.Parse(received)),
            $"expected {expected}{Environment.NewLine}received {received}");
        Assert.Equal(newVisitor.Id, changed.Room.Visitor?.Id);
    }

    [Fact]
    public async Task Re_registering_the_visitor_with_new_data_sends_no_visitorData_as_on_the_server()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId, "agent.one");
        using ClientWebSocket socket = await SubscribeLivechatRoomAsync(harness, chat);

        await harness.Anonymous.Visitors.RegisterVisitorAsync(new RegisterVisitorRequest
        {
            Visitor = new VisitorInput { Token = chat.Token, Name = "Renamed Visitor", Email = "renamed@example.com" },
        });
        await harness.SetPresenceAsync("agent.one", UserStatus.Away);

        // The presence change is the first event: the re-registration sent nothing on this stream.
        Assert.Equal(LivechatRoomFrame(chat.RoomId, """{"type":"agentStatus","status":"away"}"""), await ReceiveAsync(socket));
    }

    [Fact]
    public async Task The_client_surfaces_visitorData_as_a_typed_event_and_a_wrong_old_visitor_is_refused()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        VisitorChat second = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId, "agent.one");
        Visitor old = (await harness.Anonymous.Visitors.GetVisitorAsync(chat.Token)).Visitor;
        Visitor replacement = (await harness.Anonymous.Visitors.GetVisitorAsync(second.Token)).Visitor;
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);
        LivechatClient agent = await harness.StaffAsync("agent.one");

        RocketChatApiException refused = await Assert.ThrowsAnyAsync<RocketChatApiException>(() => agent.Rooms.ChangeRoomVisitorAsync(
            new ChangeRoomVisitorRequest { RoomId = chat.RoomId, OldVisitorId = replacement.Id, NewVisitorId = old.Id }));
        await agent.Rooms.ChangeRoomVisitorAsync(new ChangeRoomVisitorRequest { RoomId = chat.RoomId, OldVisitorId = old.Id, NewVisitorId = replacement.Id });

        VisitorChangedEvent changed = await events.NextAsync<VisitorChangedEvent>();
        Assert.Equal(replacement.Id, changed.Visitor.Id);
        Assert.Equal(second.Token, changed.Visitor.Token);
        Assert.Equal(replacement.Timestamp, changed.Visitor.Timestamp); // EJSON date read back.
        Assert.Contains("invalid-room-visitor", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_waiting_queue_on_each_queued_visitor_learns_its_place_and_moves_up_when_a_chat_is_taken()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync(options =>
        {
            options.QueuePositionDelay = TimeSpan.FromSeconds(1); // The server's: time enough to subscribe after opening the room.
            options.QueueDispatchDebounce = TimeSpan.FromMilliseconds(100);
        });
        await harness.SetSettingAsync("Livechat_waiting_queue", "true");
        await harness.SetSettingAsync("Livechat_waiting_queue_message", "\"Please wait, an agent is on the way\"");
        VisitorChat first = await harness.StartChatAsync();
        using ClientWebSocket firstSocket = await SubscribeLivechatRoomAsync(harness, first);
        VisitorChat second = await harness.StartChatAsync();
        using ClientWebSocket secondSocket = await SubscribeLivechatRoomAsync(harness, second);

        const string Message = """ "message":{"text":"Please wait, an agent is on the way","user":{"_id":"rocket.cat","username":"rocket.cat"}}""";
        Assert.Equal(LivechatRoomFrame(first.RoomId, $$$"""{"type":"queueData","data":{"spot":1,{{{Message.TrimStart()}}}}}"""), await ReceiveAsync(firstSocket));
        Assert.Equal(LivechatRoomFrame(second.RoomId, $$$"""{"type":"queueData","data":{"spot":2,{{{Message.TrimStart()}}}}}"""), await ReceiveAsync(secondSocket));

        await harness.TakeAsync(first.RoomId, "agent.one");

        Assert.Contains("\"type\":\"agentData\"", await ReceiveAsync(firstSocket), StringComparison.Ordinal);
        Assert.Equal(LivechatRoomFrame(second.RoomId, $$$"""{"type":"queueData","data":{"spot":1,{{{Message.TrimStart()}}}}}"""), await ReceiveAsync(secondSocket));
    }

    [Fact]
    public async Task The_client_surfaces_queueData_with_the_estimated_wait_from_recent_chats()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync(options =>
        {
            options.QueuePositionDelay = TimeSpan.FromMilliseconds(100);
            options.QueueDispatchDebounce = TimeSpan.FromMilliseconds(50);
        });
        await harness.SetSettingAsync("Livechat_waiting_queue", "true");
        await harness.SetSettingAsync("Livechat_number_most_recent_chats_estimate_wait_time", "2");
        VisitorChat earlier = await harness.StartChatAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(50)); // The closed chat must last a measurable time: on loopback it could close in the same millisecond.
        await harness.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = earlier.RoomId, Token = earlier.Token });
        VisitorChat chat = await harness.StartChatAsync();
        VisitorChat later = await harness.StartChatAsync();
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);

        // Taking the later chat makes the server tell the whole queue its places again, after this subscription.
        await harness.TakeAsync(later.RoomId, "agent.one");
        QueuePositionChangedEvent place = await events.NextAsync<QueuePositionChangedEvent>();

        Assert.Equal(chat.RoomId, place.RoomId);
        Assert.Equal(1, place.Position);
        Assert.Equal(string.Empty, place.Text);
        // One closed chat: spot 1 waits ((1 - 1) / 2 + 1) x its duration, which is positive.
        Assert.NotNull(place.EstimatedWait);
        Assert.True(place.EstimatedWait > TimeSpan.Zero);
    }

    [Fact]
    public async Task Without_the_waiting_queue_no_queueData_is_sent()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync(options => options.QueuePositionDelay = TimeSpan.FromMilliseconds(50));
        VisitorChat chat = await harness.StartChatAsync();
        using ClientWebSocket socket = await SubscribeLivechatRoomAsync(harness, chat);
        await Task.Delay(TimeSpan.FromMilliseconds(300)); // Well past the delay a queueData would have come after.

        await harness.TakeAsync(chat.RoomId, "agent.one");

        Assert.Contains("\"type\":\"agentData\"", await ReceiveAsync(socket), StringComparison.Ordinal);
    }
}
