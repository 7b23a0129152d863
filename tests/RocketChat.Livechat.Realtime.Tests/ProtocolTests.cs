using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Realtime.Tests.Infrastructure;

namespace RocketChat.Livechat.Realtime.Tests;

/// <summary>The client's side of DDP against a scripted server: handshake, pings, the watchdog, errors, per-id answers.</summary>
public sealed class ProtocolTests
{
    private static Task<LivechatRealtimeClient> ConnectAsync(FakeDdpServer server, Action<LivechatRealtimeOptions>? configure = null)
    {
        var options = new LivechatRealtimeOptions { ReconnectInitialDelay = TimeSpan.FromMilliseconds(20), ReconnectMaxDelay = TimeSpan.FromMilliseconds(100), ConnectTimeout = TimeSpan.FromSeconds(5) };
        configure?.Invoke(options);
        LivechatRealtimeClient client = LivechatRealtimeClient.Create(new RocketChatLivechatOptions { ServerUrl = server.BaseAddress }, options);
        return RealtimeHarness.ConnectOrDisposeAsync(client);
    }

    [Fact]
    public async Task The_client_offers_versions_1_pre2_pre1_and_a_failed_answer_is_a_typed_protocol_error()
    {
        var connect = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, _, ct) =>
        {
            connect.TrySetResult(await FakeDdpServer.ReceiveMessageAsync(socket, "connect", ct));
            await FakeDdpServer.SendAsync(socket, """{"msg":"failed","version":"pre3"}""", ct);
            await FakeDdpServer.DrainAsync(socket, null, ct);
        });

        RealtimeProtocolException failed = await Assert.ThrowsAsync<RealtimeProtocolException>(() => ConnectAsync(server));

        Assert.Equal("pre3", failed.ServerVersion);
        JsonElement sent = await connect.Task.WaitAsync(RealtimeHarness.Timeout);
        Assert.Equal("""{"msg":"connect","version":"1","support":["1","pre2","pre1"]}""", sent.GetRawText());
    }

    [Fact]
    public async Task The_greeting_without_msg_is_ignored_and_server_pings_are_ponged_echoing_the_id()
    {
        var pongs = new TaskCompletionSource<(JsonElement WithId, JsonElement WithoutId)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, _, ct) =>
        {
            await FakeDdpServer.SendAsync(socket, """{"server_id":"0"}""", ct);
            await FakeDdpServer.HandshakeAsync(socket, ct);
            await FakeDdpServer.SendAsync(socket, """{"msg":"ping","id":"abc"}""", ct);
            JsonElement first = await FakeDdpServer.ReceiveMessageAsync(socket, "pong", ct);
            await FakeDdpServer.SendAsync(socket, """{"msg":"ping"}""", ct);
            JsonElement second = await FakeDdpServer.ReceiveMessageAsync(socket, "pong", ct);
            pongs.TrySetResult((first, second));
            await FakeDdpServer.DrainAsync(socket, null, ct);
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server);

        (JsonElement withId, JsonElement withoutId) = await pongs.Task.WaitAsync(RealtimeHarness.Timeout);

        Assert.Equal("fake-session", client.SessionId);
        Assert.Equal("""{"msg":"pong","id":"abc"}""", withId.GetRawText());
        Assert.Equal("""{"msg":"pong"}""", withoutId.GetRawText());
    }

    [Fact]
    public async Task A_server_that_goes_silent_is_pinged_then_declared_dead_and_replaced()
    {
        var pinged = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, number, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            if (number == 1)
            {
                // Reads but never answers: the client's ping goes unanswered.
                await FakeDdpServer.DrainAsync(socket, frame =>
                {
                    if (frame.GetProperty("msg").GetString() == "ping")
                    {
                        pinged.TrySetResult(frame);
                    }
                }, ct);
                return;
            }

            await FakeDdpServer.DrainAsync(socket, frame =>
            {
                if (frame.GetProperty("msg").GetString() == "ping")
                {
                    _ = FakeDdpServer.SendAsync(socket, $$"""{"msg":"pong","id":"{{frame.GetProperty("id").GetString()}}"}""", ct);
                }
            }, ct);
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server, options =>
        {
            options.HeartbeatInterval = TimeSpan.FromMilliseconds(100);
            options.HeartbeatTimeout = TimeSpan.FromMilliseconds(150);
        });
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Reconnected += (_, _) => reconnected.TrySetResult();

        JsonElement ping = await pinged.Task.WaitAsync(RealtimeHarness.Timeout);
        await reconnected.Task.WaitAsync(RealtimeHarness.Timeout);

        Assert.True(ping.TryGetProperty("id", out _), "The client's ping carries an id.");
        Assert.Equal(2, server.Connections);
        Assert.Equal(1, client.ReconnectCount);
    }

    [Fact]
    public async Task Login_sends_the_sha256_digest_and_2fa_errors_are_typed_then_the_code_is_sent_wrapped_in_totp()
    {
        string digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("s3cret")));
        var logins = new List<JsonElement>();
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, _, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            JsonElement first = await FakeDdpServer.ReceiveMessageAsync(socket, "method", ct);
            logins.Add(first);
            await FakeDdpServer.SendAsync(socket, $$$"""{"msg":"result","id":"{{{first.GetProperty("id").GetString()}}}","error":{"isClientSafe":true,"error":"totp-required","reason":"TOTP Required","details":{"method":"totp","availableMethods":["totp","email"]},"errorType":"Meteor.Error"}}""", ct);
            JsonElement second = await FakeDdpServer.ReceiveMessageAsync(socket, "method", ct);
            logins.Add(second);
            await FakeDdpServer.SendAsync(socket, $$$"""{"msg":"result","id":"{{{second.GetProperty("id").GetString()}}}","result":{"id":"user-1","token":"resume-token","tokenExpires":{"$date":1767225600000},"type":"password"}}""", ct);
            await FakeDdpServer.DrainAsync(socket, null, ct);
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server);

        RealtimeTwoFactorException required = await Assert.ThrowsAsync<RealtimeTwoFactorException>(() => client.LoginWithPasswordAsync("agent", "s3cret"));
        RealtimeLogin login = await client.LoginWithPasswordAsync("agent", "s3cret", twoFactorCode: "123456");

        Assert.False(required.IsCodeInvalid);
        Assert.Equal("totp", required.Method);
        Assert.Equal(["totp", "email"], required.AvailableMethods);
        Assert.Equal(
            $$$"""[{"user":{"username":"agent"},"password":{"digest":"{{{digest}}}","algorithm":"sha-256"}}]""",
            logins[0].GetProperty("params").GetRawText());
        Assert.Equal(
            $$$"""[{"totp":{"login":{"user":{"username":"agent"},"password":{"digest":"{{{digest}}}","algorithm":"sha-256"}},"code":"123456"}}]""",
            logins[1].GetProperty("params").GetRawText());
        Assert.Equal(new RealtimeLogin("user-1", "resume-token", DateTimeOffset.FromUnixTimeMilliseconds(1767225600000)), login);
        Assert.Equal("user-1", client.UserId);
    }

    [Fact]
    public async Task Answers_are_matched_to_calls_by_id_even_out_of_order_and_stream_events_with_id_id_do_not_interfere()
    {
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, _, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            JsonElement first = await FakeDdpServer.ReceiveMessageAsync(socket, "method", ct);
            JsonElement second = await FakeDdpServer.ReceiveMessageAsync(socket, "method", ct);
            await FakeDdpServer.SendAsync(socket, """{"msg":"changed","collection":"stream-room-messages","id":"id","fields":{"eventName":"r1","args":[]}}""", ct);
            await FakeDdpServer.SendAsync(socket, $$"""{"msg":"result","id":"{{second.GetProperty("id").GetString()}}","result":"{{second.GetProperty("method").GetString()}}"}""", ct);
            await FakeDdpServer.SendAsync(socket, $$"""{"msg":"updated","methods":["{{second.GetProperty("id").GetString()}}"]}""", ct);
            await FakeDdpServer.SendAsync(socket, $$"""{"msg":"result","id":"{{first.GetProperty("id").GetString()}}","result":"{{first.GetProperty("method").GetString()}}"}""", ct);
            await FakeDdpServer.DrainAsync(socket, null, ct);
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server);

        Task<JsonElement?> alpha = client.CallAsync("alpha", _ => { });
        Task<JsonElement?> beta = client.CallAsync("beta", _ => { });

        Assert.Equal("alpha", (await alpha.WaitAsync(RealtimeHarness.Timeout))?.GetString());
        Assert.Equal("beta", (await beta.WaitAsync(RealtimeHarness.Timeout))?.GetString());
    }

    [Fact]
    public async Task Typing_is_written_in_the_contracts_positions_with_the_visitor_token_last_and_none_for_an_agent()
    {
        var calls = new List<JsonElement>();
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, _, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            for (int i = 0; i < 2; i++)
            {
                JsonElement call = await FakeDdpServer.ReceiveMessageAsync(socket, "method", ct);
                calls.Add(call);
                await FakeDdpServer.SendAsync(socket, $$"""{"msg":"result","id":"{{call.GetProperty("id").GetString()}}"}""", ct);
            }

            await FakeDdpServer.DrainAsync(socket, null, ct);
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server);

        await client.SendTypingAsync("room-1", "maria", isTyping: true, visitorToken: "visitor-token").WaitAsync(RealtimeHarness.Timeout);
        await client.SendTypingAsync("room-1", "agent.one", isTyping: false).WaitAsync(RealtimeHarness.Timeout);

        // The method and positions of the contract's sendUserActivity message: [eventName, username, activities, {token}?].
        Assert.All(calls, call => Assert.Equal("stream-notify-room", call.GetProperty("method").GetString()));
        Assert.Equal("""["room-1/user-activity","maria",["user-typing"],{"token":"visitor-token"}]""", calls[0].GetProperty("params").GetRawText());
        Assert.Equal("""["room-1/user-activity","agent.one",[]]""", calls[1].GetProperty("params").GetRawText());
    }

    [Fact]
    public async Task Room_streams_come_from_the_contract_and_an_event_that_does_not_fit_it_ends_the_subscription_typed()
    {
        var subs = new List<JsonElement>();
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, _, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            // An agent's room subscription first reads the room's latest messages (loadHistory): an empty room.
            JsonElement history = await FakeDdpServer.ReceiveMessageAsync(socket, "method", ct);
            await FakeDdpServer.SendAsync(socket, $$$"""{"msg":"result","id":"{{{history.GetProperty("id").GetString()}}}","result":{"messages":[]}}""", ct);
            for (int i = 0; i < 3; i++)
            {
                JsonElement sub = await FakeDdpServer.ReceiveMessageAsync(socket, "sub", ct);
                subs.Add(sub);
                await FakeDdpServer.SendAsync(socket, $$"""{"msg":"ready","subs":["{{sub.GetProperty("id").GetString()}}"]}""", ct);
            }

            // Typing whose username (argument 1 of the contract's userActivity message) is a number.
            // Then it catches up on what came during the subscription (loadHistory again): nothing.
            history = await FakeDdpServer.ReceiveMessageAsync(socket, "method", ct);
            await FakeDdpServer.SendAsync(socket, $$$"""{"msg":"result","id":"{{{history.GetProperty("id").GetString()}}}","result":{"messages":[]}}""", ct);
            await FakeDdpServer.SendAsync(socket, """{"msg":"changed","collection":"stream-notify-room","id":"id","fields":{"eventName":"room-1/user-activity","args":[42,["user-typing"]]}}""", ct);
            await FakeDdpServer.DrainAsync(socket, null, ct);
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server);
        await using LivechatRoomSubscription room = await client.SubscribeRoomMessagesAsync("room-1").WaitAsync(RealtimeHarness.Timeout);

        Assert.Equal(
            ["stream-room-messages room-1", "stream-notify-room room-1/user-activity", "stream-notify-room room-1/deleteMessage"],
            subs.Select(sub => sub.GetProperty("name").GetString() + " " + sub.GetProperty("params")[0].GetString()));
        RealtimeProtocolException error = await Assert.ThrowsAsync<RealtimeProtocolException>(() => room.Completion.WaitAsync(RealtimeHarness.Timeout));
        Assert.Contains("stream-notify-room", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public async Task A_queueData_whose_data_does_not_fit_the_contracts_LivechatRoomQueueData_ends_the_visitor_room_typed_instead_of_losing_the_wait()
    {
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(
            async (socket, _, ct) =>
            {
                await FakeDdpServer.HandshakeAsync(socket, ct);
                for (int i = 0; i < 4; i++)
                {
                    JsonElement sub = await FakeDdpServer.ReceiveMessageAsync(socket, "sub", ct);
                    await FakeDdpServer.SendAsync(socket, $$"""{"msg":"ready","subs":["{{sub.GetProperty("id").GetString()}}"]}""", ct);
                }

                // The estimated wait as a string where the contract has a number: read by hand it came out as "no estimate".
                await FakeDdpServer.SendAsync(
                    socket,
                    """{"msg":"changed","collection":"stream-livechat-room","id":"id","fields":{"eventName":"room-1","args":[{"type":"queueData","data":{"spot":2,"estimatedWaitTimeSeconds":"soon"}}]}}""",
                    ct);
                await FakeDdpServer.DrainAsync(socket, null, ct);
            },
            // The visitor's REST state around subscribing: no agent (livechat/config) and an empty room (messages.history).
            context => context.Request.Path.Value!.EndsWith("/livechat/config", StringComparison.Ordinal)
                ? context.Response.WriteAsJsonAsync(new GetLivechatConfigResponse { Config = new LivechatConfig { IsEnabled = true }, Success = true }, LivechatJsonContext.Default.GetLivechatConfigResponse)
                : context.Response.WriteAsJsonAsync(new GetMessageHistoryResponse { Messages = [], Success = true }, LivechatJsonContext.Default.GetMessageHistoryResponse));
        await using LivechatRealtimeClient client = await ConnectAsync(server);
        await using LivechatRoomSubscription room = await client.SubscribeVisitorRoomAsync("room-1", "visitor-token").WaitAsync(RealtimeHarness.Timeout);

        RealtimeProtocolException error = await Assert.ThrowsAsync<RealtimeProtocolException>(() => room.Completion.WaitAsync(RealtimeHarness.Timeout));
        Assert.Contains("stream-livechat-room", error.Message, StringComparison.Ordinal);
        Assert.Contains("queue position", error.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task A_call_whose_connection_dies_fails_with_connection_lost_instead_of_hanging()
    {
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, number, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            if (number == 1)
            {
                await FakeDdpServer.ReceiveMessageAsync(socket, "method", ct);
                socket.Abort();
                return;
            }

            await FakeDdpServer.DrainAsync(socket, null, ct);
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server);

        await Assert.ThrowsAsync<RealtimeConnectionLostException>(() => client.CallAsync("never-answered", _ => { }).WaitAsync(RealtimeHarness.Timeout));
    }
}
