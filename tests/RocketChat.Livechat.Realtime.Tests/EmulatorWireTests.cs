using System.Net.WebSockets;
using System.Text.Json;
using RocketChat.Livechat.Realtime.Tests.Infrastructure;

namespace RocketChat.Livechat.Realtime.Tests;

/// <summary>The emulator's <c>/websocket</c> frame by frame, with a raw WebSocket: what any DDP client would see.</summary>
public sealed class EmulatorWireTests
{
    private static async Task<ClientWebSocket> OpenAsync(RealtimeHarness harness)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(new Uri(harness.Emulator.BaseAddress.ToString().Replace("http", "ws", StringComparison.Ordinal)), "websocket"), CancellationToken.None);
        return socket;
    }

    private static async Task<string> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(RealtimeHarness.Timeout);
        JsonElement frame = await FakeDdpServer.ReceiveAsync(socket, timeout.Token) ?? throw new InvalidOperationException("closed");
        return frame.GetRawText();
    }

    private static Task SendAsync(WebSocket socket, string json) => FakeDdpServer.SendAsync(socket, json, CancellationToken.None);

    [Fact]
    public async Task Handshake_greets_with_server_id_then_connected_and_a_version_outside_support_gets_failed()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        using ClientWebSocket good = await OpenAsync(harness);
        using ClientWebSocket bad = await OpenAsync(harness);

        await SendAsync(good, """{"msg":"connect","version":"1","support":["1","pre2","pre1"]}""");
        await SendAsync(bad, """{"msg":"connect","version":"1","support":["pre2"]}""");

        Assert.Equal("""{"server_id":"0"}""", await ReceiveAsync(good));
        Assert.StartsWith("""{"msg":"connected","session":""", await ReceiveAsync(good), StringComparison.Ordinal);
        Assert.Equal("""{"server_id":"0"}""", await ReceiveAsync(bad));
        Assert.Equal("""{"msg":"failed","version":"pre2"}""", await ReceiveAsync(bad));
    }

    [Fact]
    public async Task A_visitor_message_reaches_the_room_stream_as_a_changed_frame_with_ejson_dates()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        using ClientWebSocket socket = await OpenAsync(harness);
        await SendAsync(socket, """{"msg":"connect","version":"1","support":["1"]}""");
        await ReceiveAsync(socket);
        await ReceiveAsync(socket);

        await SendAsync(socket, $$"""{"msg":"sub","id":"s1","name":"stream-room-messages","params":["{{chat.RoomId}}",{"useCollection":false,"args":[{"token":"{{chat.Token}}","visitorToken":"{{chat.Token}}"}]}]}""");
        Assert.Equal("""{"msg":"ready","subs":["s1"]}""", await ReceiveAsync(socket));
        Message sent = await harness.VisitorSaysAsync(chat, "hi");

        using JsonDocument changed = JsonDocument.Parse(await ReceiveAsync(socket));
        JsonElement root = changed.RootElement;
        Assert.Equal("changed", root.GetProperty("msg").GetString());
        Assert.Equal("stream-room-messages", root.GetProperty("collection").GetString());
        Assert.Equal("id", root.GetProperty("id").GetString());
        Assert.Equal(chat.RoomId, root.GetProperty("fields").GetProperty("eventName").GetString());
        JsonElement message = root.GetProperty("fields").GetProperty("args").EnumerateArray().Single();
        Assert.Equal(sent.Id, message.GetProperty("_id").GetString());
        Assert.Equal(chat.Token, message.GetProperty("token").GetString());
        Assert.Equal(sent.Timestamp!.Value.ToUnixTimeMilliseconds(), message.GetProperty("ts").GetProperty("$date").GetInt64());
        Assert.Equal(JsonValueKind.Number, message.GetProperty("_updatedAt").GetProperty("$date").ValueKind);
    }

    [Fact]
    public async Task Refusals_are_nosub_frames_carrying_a_meteor_error()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        using ClientWebSocket socket = await OpenAsync(harness);
        await SendAsync(socket, """{"msg":"connect","version":"1","support":["1"]}""");
        await ReceiveAsync(socket);
        await ReceiveAsync(socket);

        await SendAsync(socket, $$"""{"msg":"sub","id":"s1","name":"stream-livechat-room","params":["{{chat.RoomId}}",{"useCollection":false,"args":[{"visitorToken":"wrong"}]}]}""");
        await SendAsync(socket, """{"msg":"sub","id":"s2","name":"stream-nothing","params":["x",false]}""");

        Assert.Equal(
            """{"msg":"nosub","id":"s1","error":{"isClientSafe":true,"error":"not-allowed","reason":"Not allowed","message":"Not allowed [not-allowed]","errorType":"Meteor.Error"}}""",
            await ReceiveAsync(socket));
        Assert.Equal(
            """{"msg":"nosub","id":"s2","error":{"isClientSafe":true,"error":404,"reason":"Subscription 'stream-nothing' not found","message":"Subscription 'stream-nothing' not found [404]","errorType":"Meteor.Error"}}""",
            await ReceiveAsync(socket));
    }

    [Fact]
    public async Task The_emulator_pings_a_silent_client_and_closes_it_when_no_answer_comes()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync(options =>
        {
            options.RealtimeHeartbeatInterval = TimeSpan.FromMilliseconds(100);
            options.RealtimeHeartbeatTimeout = TimeSpan.FromMilliseconds(100);
        });
        using ClientWebSocket socket = await OpenAsync(harness);
        await SendAsync(socket, """{"msg":"connect","version":"1","support":["1"]}""");
        await ReceiveAsync(socket);
        await ReceiveAsync(socket);

        Assert.Equal("""{"msg":"ping"}""", await ReceiveAsync(socket));
        using var timeout = new CancellationTokenSource(RealtimeHarness.Timeout);
        Exception? closed = await Record.ExceptionAsync(async () =>
        {
            JsonElement? frame = await FakeDdpServer.ReceiveAsync(socket, timeout.Token);
            Assert.Null(frame); // A close frame, or (below) the socket torn down.
        });

        Assert.True(closed is null or WebSocketException, $"Expected the session to end, got {closed}");
        Assert.False(timeout.IsCancellationRequested);
    }
}
