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
    public async Task LoadHistory_needs_a_login_and_answers_the_messages_newest_first_before_end()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId, "agent.one");
        Message first = await harness.VisitorSaysAsync(chat, "first");
        Message second = await harness.VisitorSaysAsync(chat, "second");
        using ClientWebSocket socket = await OpenAsync(harness);
        await SendAsync(socket, """{"msg":"connect","version":"1","support":["1"]}""");
        await ReceiveAsync(socket);
        await ReceiveAsync(socket);

        await SendAsync(socket, $$"""{"msg":"method","method":"loadHistory","params":["{{chat.RoomId}}",null,2],"id":"1"}""");
        Assert.Equal(
            """{"msg":"result","id":"1","error":{"isClientSafe":true,"error":"error-invalid-user","reason":"Invalid user","message":"Invalid user [error-invalid-user]","errorType":"Meteor.Error","details":{"method":"loadHistory"}}}""",
            await ReceiveAsync(socket));
        await ReceiveAsync(socket); // updated

        string digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(RealtimeHarness.StaffPassword)));
        await SendAsync(socket, $$$"""{"msg":"method","method":"login","params":[{"user":{"username":"agent.two"},"password":{"digest":"{{{digest}}}","algorithm":"sha-256"}}],"id":"2"}""");
        await ReceiveAsync(socket);
        await ReceiveAsync(socket);
        await SendAsync(socket, $$"""{"msg":"method","method":"loadHistory","params":["{{chat.RoomId}}",null,2],"id":"3"}""");
        Assert.Equal("""{"msg":"result","id":"3","result":false}""", await ReceiveAsync(socket)); // agent.two does not serve the room.
        await ReceiveAsync(socket);

        await SendAsync(socket, $$$"""{"msg":"method","method":"login","params":[{"user":{"username":"agent.one"},"password":{"digest":"{{{digest}}}","algorithm":"sha-256"}}],"id":"4"}""");
        await ReceiveAsync(socket);
        await ReceiveAsync(socket);
        await SendAsync(socket, $$"""{"msg":"method","method":"loadHistory","params":["{{chat.RoomId}}",null,2],"id":"5"}""");
        using JsonDocument newest = JsonDocument.Parse(await ReceiveAsync(socket));
        await ReceiveAsync(socket);
        await SendAsync(socket, $$"""{"msg":"method","method":"loadHistory","params":["{{chat.RoomId}}",{"$date":{{second.Timestamp!.Value.ToUnixTimeMilliseconds()}}},1],"id":"6"}""");
        using JsonDocument before = JsonDocument.Parse(await ReceiveAsync(socket));

        JsonElement newestResult = newest.RootElement.GetProperty("result");
        Assert.Equal([second.Id, first.Id], newestResult.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("_id").GetString()));
        Assert.Equal(second.Timestamp!.Value.ToUnixTimeMilliseconds(), newestResult.GetProperty("messages")[0].GetProperty("ts").GetProperty("$date").GetInt64());
        Assert.Equal(0, newestResult.GetProperty("unreadNotLoaded").GetInt32());
        string[] beforeSecond = before.RootElement.GetProperty("result").GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("_id").GetString()!).ToArray();
        Assert.DoesNotContain(second.Id, beforeSecond);
        Assert.Single(beforeSecond);
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
            // Long enough to read the ping on a loaded machine: a reset socket loses the frames not read yet.
            options.RealtimeHeartbeatTimeout = TimeSpan.FromSeconds(1);
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
