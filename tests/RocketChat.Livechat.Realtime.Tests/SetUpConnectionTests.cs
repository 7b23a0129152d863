using System.Net.WebSockets;
using System.Text.Json;
using RocketChat.Livechat.Realtime.Tests.Infrastructure;

namespace RocketChat.Livechat.Realtime.Tests;

/// <summary><c>livechat:setUpConnection</c>: the visitor token bound to the connection, and the guest going offline with it.</summary>
public sealed class SetUpConnectionTests
{
    private static async Task<string> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(RealtimeHarness.Timeout);
        JsonElement frame = await FakeDdpServer.ReceiveAsync(socket, timeout.Token) ?? throw new InvalidOperationException("closed");
        return frame.GetRawText();
    }

    [Fact]
    public async Task The_emulator_answers_an_empty_result_and_a_malformed_call_with_match_failed()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(new Uri(harness.Emulator.BaseAddress.ToString().Replace("http", "ws", StringComparison.Ordinal)), "websocket"), CancellationToken.None);
        await FakeDdpServer.SendAsync(socket, """{"msg":"connect","version":"1","support":["1"]}""", CancellationToken.None);
        await ReceiveAsync(socket);
        await ReceiveAsync(socket);

        await FakeDdpServer.SendAsync(socket, $$"""{"msg":"method","method":"livechat:setUpConnection","params":[{"token":"{{chat.Token}}"}],"id":"1"}""", CancellationToken.None);
        await FakeDdpServer.SendAsync(socket, """{"msg":"method","method":"livechat:setUpConnection","params":[{"token":42}],"id":"2"}""", CancellationToken.None);

        Assert.Equal("""{"msg":"result","id":"1"}""", await ReceiveAsync(socket));
        Assert.Equal("""{"msg":"updated","methods":["1"]}""", await ReceiveAsync(socket));
        Assert.Equal(
            """{"msg":"result","id":"2","error":{"isClientSafe":true,"error":400,"reason":"Match failed","message":"Match failed [400]","errorType":"Meteor.Error"}}""",
            await ReceiveAsync(socket));
    }

    [Fact]
    public async Task When_the_bound_connection_closes_the_visitor_goes_offline_in_its_inquiry_and_room()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        LivechatRealtimeClient agent = await harness.ConnectAsync();
        await agent.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword);
        await using InquiryQueueSubscription queue = await agent.SubscribeInquiryQueueAsync(InquiryQueueKey.Public);
        await using var events = new EventReader<InquiryQueueEvent>(queue);
        LivechatRealtimeClient visitor = await harness.ConnectAsync();

        await visitor.SetUpConnectionAsync(chat.Token);
        await visitor.DisposeAsync();

        InquiryQueueEvent offline = await events.NextAsync();
        Assert.Equal(InquiryQueueChange.Changed, offline.Change);
        Assert.Equal(chat.RoomId, offline.Inquiry.RoomId);
        Assert.Equal(VisitorStatus.Offline, offline.Inquiry.Visitor?.Status);
        GetOrCreateRoomResponse room = await harness.Anonymous.Rooms.GetOrCreateRoomAsync(chat.Token, chat.RoomId);
        Assert.Equal(VisitorStatus.Offline, room.Room.Visitor?.Status);
    }

    [Fact]
    public async Task After_a_reconnection_the_client_binds_the_token_again_before_resubscribing()
    {
        var calls = new List<(int Connection, string Frame)>();
        var secondBinding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dropFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, number, cancellationToken) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, cancellationToken);
            while (await FakeDdpServer.ReceiveAsync(socket, cancellationToken) is { } frame)
            {
                if (frame.GetProperty("msg").GetString() != "method")
                {
                    continue;
                }

                string id = frame.GetProperty("id").GetString()!;
                lock (calls)
                {
                    calls.Add((number, frame.GetProperty("method").GetString() + " " + frame.GetProperty("params").GetRawText()));
                }

                await FakeDdpServer.SendAsync(socket, $$"""{"msg":"result","id":"{{id}}"}""", cancellationToken);
                if (number == 1)
                {
                    await dropFirst.Task.WaitAsync(cancellationToken);
                    socket.Abort(); // The network drops once the first binding was answered.
                    return;
                }

                secondBinding.TrySetResult();
            }
        });
        await using LivechatRealtimeClient client = LivechatRealtimeClient.Create(
            new RocketChatLivechatOptions { ServerUrl = server.BaseAddress },
            new LivechatRealtimeOptions { ReconnectInitialDelay = TimeSpan.FromMilliseconds(10), ReconnectMaxDelay = TimeSpan.FromMilliseconds(50) });
        await client.ConnectAsync();

        await client.SetUpConnectionAsync("visitor-token");
        dropFirst.SetResult();
        await secondBinding.Task.WaitAsync(RealtimeHarness.Timeout);

        Assert.Equal(
            [(1, """livechat:setUpConnection [{"token":"visitor-token"}]"""), (2, """livechat:setUpConnection [{"token":"visitor-token"}]""")],
            calls);
    }
}
