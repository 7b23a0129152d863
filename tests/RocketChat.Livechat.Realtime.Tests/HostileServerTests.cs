using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Realtime.Tests.Infrastructure;

namespace RocketChat.Livechat.Realtime.Tests;

/// <summary>
/// Servers nobody here wrote the answers of: frames with missing or oversized parts, a server that stops speaking DDP
/// after a reconnection, a redirecting REST endpoint. Each ends in a typed error or a replaced connection, never a
/// dead receive loop, a hang, unbounded memory or a credential sent elsewhere.
/// </summary>
public sealed class HostileServerTests
{
    private static Task<LivechatRealtimeClient> ConnectAsync(FakeDdpServer server, Action<LivechatRealtimeOptions>? configure = null, RocketChatLivechatOptions? rest = null)
    {
        var options = new LivechatRealtimeOptions { ReconnectInitialDelay = TimeSpan.FromMilliseconds(20), ReconnectMaxDelay = TimeSpan.FromMilliseconds(100), ConnectTimeout = TimeSpan.FromSeconds(5) };
        configure?.Invoke(options);
        LivechatRealtimeClient client = LivechatRealtimeClient.Create(rest ?? new RocketChatLivechatOptions { ServerUrl = server.BaseAddress }, options);
        return RealtimeHarness.ConnectOrDisposeAsync(client);
    }

    [Theory]
    [InlineData("""{"msg":"result"}""")]
    [InlineData("""{"msg":"ready"}""")]
    [InlineData("""{"msg":"nosub"}""")]
    [InlineData("""{"msg":"ready","subs":[7]}""")]
    public async Task A_frame_missing_its_parts_replaces_the_connection_and_fails_the_call_typed_instead_of_killing_the_reader(string hostileFrame)
    {
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, number, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            if (number == 1)
            {
                await FakeDdpServer.ReceiveMessageAsync(socket, "method", ct);
                await FakeDdpServer.SendAsync(socket, hostileFrame, ct);
            }

            await FakeDdpServer.DrainAsync(socket, null, ct);
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server, options => options.HeartbeatInterval = TimeSpan.FromMinutes(5));
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Reconnected += (_, _) => reconnected.TrySetResult();

        Exception failure = await Record.ExceptionAsync(() => client.CallAsync("anything", _ => { }).WaitAsync(RealtimeHarness.Timeout));
        await reconnected.Task.WaitAsync(RealtimeHarness.Timeout);

        RealtimeConnectionLostException lost = Assert.IsType<RealtimeConnectionLostException>(failure);
        Assert.IsType<RealtimeProtocolException>(lost.InnerException);
        Assert.Equal(2, server.Connections);
    }

    [Theory]
    [InlineData(1e300, long.MaxValue)]
    [InlineData(-5, 0)]
    public void A_rate_limit_with_an_absurd_reset_time_is_still_a_typed_rate_limit(double timeToReset, long expectedTicks)
    {
        string reset = timeToReset.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        using JsonDocument error = JsonDocument.Parse("{\"error\":\"too-many-requests\",\"reason\":\"slow down\",\"details\":{\"timeToReset\":" + reset + "}}");

        var limited = Assert.IsType<RealtimeRateLimitException>(RocketChat.Livechat.Realtime.Ddp.DdpErrors.ToException("op", error.RootElement));

        Assert.Equal(expectedTicks, limited.TimeToReset.Ticks);
    }

    [Fact]
    public async Task An_endless_frame_is_cut_off_at_the_size_limit_and_the_connection_replaced()
    {
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, number, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            if (number == 1)
            {
                await FakeDdpServer.ReceiveMessageAsync(socket, "method", ct);
                byte[] chunk = Encoding.UTF8.GetBytes("[" + new string(' ', 16 * 1024));
                for (int i = 0; i < 1024 && !ct.IsCancellationRequested; i++)
                {
                    // 16 MB at most, never ending the message: without a limit the client buffers all of it.
                    await socket.SendAsync(chunk, WebSocketMessageType.Text, endOfMessage: false, ct);
                }
            }

            await FakeDdpServer.DrainAsync(socket, null, ct);
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server, options =>
        {
            options.HeartbeatInterval = TimeSpan.FromMinutes(5);
            options.MaxMessageBytes = 64 * 1024;
        });
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Reconnected += (_, _) => reconnected.TrySetResult();

        Exception failure = await Record.ExceptionAsync(() => client.CallAsync("anything", _ => { }).WaitAsync(RealtimeHarness.Timeout));
        await reconnected.Task.WaitAsync(RealtimeHarness.Timeout);

        RealtimeConnectionLostException lost = Assert.IsType<RealtimeConnectionLostException>(failure);
        RealtimeProtocolException tooLarge = Assert.IsType<RealtimeProtocolException>(lost.InnerException);
        Assert.Contains("65536", tooLarge.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_stops_speaking_ddp_after_a_reconnection_fails_later_calls_typed_instead_of_leaving_them_waiting()
    {
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, number, ct) =>
        {
            if (number == 1)
            {
                await FakeDdpServer.HandshakeAsync(socket, ct);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", ct);
                return;
            }

            await FakeDdpServer.ReceiveMessageAsync(socket, "connect", ct);
            await FakeDdpServer.SendAsync(socket, """{"msg":"failed","version":"2"}""", ct);
            await FakeDdpServer.DrainAsync(socket, null, ct);
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server);
        using var giveUp = new CancellationTokenSource(RealtimeHarness.Timeout);
        while (server.Connections < 2)
        {
            await Task.Delay(20, giveUp.Token);
        }

        await Task.Delay(200, giveUp.Token); // the supervisor reads the failed answer and gives up

        RealtimeProtocolException failed = await Assert.ThrowsAsync<RealtimeProtocolException>(() => client.CallAsync("anything", _ => { }, giveUp.Token));
        Assert.Equal("2", failed.ServerVersion);
        await Assert.ThrowsAsync<RealtimeProtocolException>(() => client.ConnectAsync(giveUp.Token));
    }

    [Fact]
    public void A_login_does_not_print_its_token()
    {
        var login = new RealtimeLogin("u1", "resume-secret-123", DateTimeOffset.UnixEpoch);

        string printed = login.ToString();

        Assert.DoesNotContain("resume-secret-123", printed, StringComparison.Ordinal);
        Assert.Contains("u1", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rest_redirect_to_another_origin_gets_no_credentials()
    {
        var elsewhere = new ConcurrentQueue<string?>();
        await using FakeDdpServer attacker = await FakeDdpServer.StartAsync((_, _, _) => Task.CompletedTask, context =>
        {
            elsewhere.Enqueue(context.Request.Headers["X-Auth-Token"].ToString());
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("""{"inquiry":null,"success":true}""");
        });
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, _, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            await FakeDdpServer.DrainAsync(socket, null, ct);
        }, context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = new Uri(attacker.BaseAddress, context.Request.Path + context.Request.QueryString).AbsoluteUri;
            return Task.CompletedTask;
        });
        await using LivechatRealtimeClient client = await ConnectAsync(
            server, rest: new RocketChatLivechatOptions { ServerUrl = server.BaseAddress, UserId = "u1", AuthToken = "personal-secret-token" });

        Exception failure = await Record.ExceptionAsync(() => client.Rest.Inquiries.GetInquiryAsync("r1", CancellationToken.None).WaitAsync(RealtimeHarness.Timeout));

        Assert.IsType<RocketChatRedirectException>(failure);
        Assert.DoesNotContain(elsewhere, token => token == "personal-secret-token");
        Assert.Empty(elsewhere);
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("-30")]
    public async Task A_queue_wait_no_TimeSpan_can_hold_ends_the_visitor_room_typed_and_leaves_the_connection_alone(string seconds)
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

                await FakeDdpServer.SendAsync(
                    socket,
                    $$$"""{"msg":"changed","collection":"stream-livechat-room","id":"id","fields":{"eventName":"room-1","args":[{"type":"queueData","data":{"spot":2,"estimatedWaitTimeSeconds":{{{seconds}}}}}]}}""",
                    ct);
                await FakeDdpServer.DrainAsync(socket, null, ct);
            },
            context => context.Request.Path.Value!.EndsWith("/livechat/config", StringComparison.Ordinal)
                ? context.Response.WriteAsJsonAsync(new GetLivechatConfigResponse { Config = new LivechatConfig { IsEnabled = true }, Success = true }, LivechatJsonContext.Default.GetLivechatConfigResponse)
                : context.Response.WriteAsJsonAsync(new GetMessageHistoryResponse { Messages = [], Success = true }, LivechatJsonContext.Default.GetMessageHistoryResponse));
        await using LivechatRealtimeClient client = await ConnectAsync(server);
        await using LivechatRoomSubscription room = await client.SubscribeVisitorRoomAsync("room-1", "visitor-token").WaitAsync(RealtimeHarness.Timeout);

        RealtimeProtocolException error = await Assert.ThrowsAsync<RealtimeProtocolException>(() => room.Completion.WaitAsync(RealtimeHarness.Timeout));

        Assert.Contains("stream-livechat-room", error.Message, StringComparison.Ordinal);
        Assert.Contains("wait", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Connections);
        Assert.Equal(0, client.ReconnectCount);
    }

    [Fact]
    public async Task A_server_that_drops_every_connection_at_once_is_retried_with_growing_delays_not_a_storm()
    {
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, _, ct) =>
        {
            // Accepts, completes the handshake, and drops: a node that restarts behind a balancer.
            await FakeDdpServer.HandshakeAsync(socket, ct);
            await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "going away", ct);
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server, options =>
        {
            options.ReconnectInitialDelay = TimeSpan.FromMilliseconds(20);
            options.ReconnectMaxDelay = TimeSpan.FromSeconds(5);
        });

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        // Backoff 10-20, 20-40, 40-80, 80-160, 160-320, 320-640 ms...: at most 7 reconnections fit in 1.5 s. Starting
        // over after each handshake, every 10-20 ms, they would number in the dozens.
        int connections = server.Connections;
        Assert.InRange(connections, 3, 9);
    }

    [Fact]
    public async Task A_throwing_ServerPingAnswered_handler_fails_the_connection_visibly_instead_of_killing_the_reader()
    {
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, number, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            if (number == 1)
            {
                await FakeDdpServer.ReceiveMessageAsync(socket, "method", ct);
                await FakeDdpServer.SendAsync(socket, """{"msg":"ping","id":"p1"}""", ct);
            }

            await FakeDdpServer.DrainAsync(socket, null, ct);
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server, options => options.HeartbeatInterval = TimeSpan.FromMinutes(5));
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Reconnected += (_, _) => reconnected.TrySetResult();
        int pings = 0;
        client.ServerPingAnswered += (_, _) =>
        {
            if (Interlocked.Increment(ref pings) == 1)
            {
                throw new NullReferenceException("the application's handler is broken");
            }
        };

        Exception failure = await Record.ExceptionAsync(() => client.CallAsync("anything", _ => { }).WaitAsync(RealtimeHarness.Timeout));
        await reconnected.Task.WaitAsync(RealtimeHarness.Timeout);

        RealtimeConnectionLostException lost = Assert.IsType<RealtimeConnectionLostException>(failure);
        Assert.IsType<NullReferenceException>(lost.InnerException?.InnerException);
    }

    [Fact]
    public async Task A_throwing_Reconnected_handler_ends_the_subscriptions_with_its_exception_and_reconnection_carries_on()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        var secondReconnection = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int reconnections = 0;
        visitor.Reconnected += (_, _) =>
        {
            if (Interlocked.Increment(ref reconnections) == 1)
            {
                throw new InvalidOperationException("the application's Reconnected handler is broken");
            }

            secondReconnection.TrySetResult();
        };

        Assert.Equal(1, harness.Emulator.DropRealtimeConnections());
        InvalidOperationException seen = await Assert.ThrowsAsync<InvalidOperationException>(() => room.Completion.WaitAsync(RealtimeHarness.Timeout));
        Assert.Contains("Reconnected handler", seen.Message, StringComparison.Ordinal);

        Assert.Equal(1, harness.Emulator.DropRealtimeConnections());
        await secondReconnection.Task.WaitAsync(RealtimeHarness.Timeout);
        Assert.Equal(2, visitor.ReconnectCount);
    }

    [Theory]
    [InlineData("https://chat.example.com/", "https://other.example.net/")]
    [InlineData("https://chat.example.com/", "http://chat.example.com/")]
    [InlineData("https://chat.example.com/", "https://chat.example.com:8443/")]
    public void A_rest_client_for_another_origin_is_refused_so_a_realtime_login_never_goes_there(string realtime, string rest)
    {
        LivechatClient other = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = new Uri(rest), UserId = "u1", AuthToken = "rest-secret" });

        ArgumentException refused = Assert.Throws<ArgumentException>(() => LivechatRealtimeClient.Create(new RocketChatLivechatOptions { ServerUrl = new Uri(realtime) }, rest: other));

        Assert.Equal("rest", refused.ParamName);
        Assert.DoesNotContain("rest-secret", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rest_client_for_the_same_origin_under_a_sub_path_is_accepted()
    {
        LivechatClient same = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = new Uri("https://CHAT.example.com/chat/") });

        await using LivechatRealtimeClient client = LivechatRealtimeClient.Create(new RocketChatLivechatOptions { ServerUrl = new Uri("https://chat.example.com/chat") }, rest: same);

        Assert.Equal("wss://chat.example.com/chat/websocket", client.Endpoint.AbsoluteUri);
    }

    [Fact]
    public async Task The_socket_url_drops_a_query_and_fragment_of_the_server_url_so_no_error_prints_them()
    {
        await using LivechatRealtimeClient client = LivechatRealtimeClient.Create(
            new RocketChatLivechatOptions { ServerUrl = new Uri("http://127.0.0.1:9/chat/?key=query-secret#fragment-secret") },
            new LivechatRealtimeOptions { ConnectTimeout = TimeSpan.FromSeconds(5) });

        RealtimeConnectionLostException unreachable = await Assert.ThrowsAsync<RealtimeConnectionLostException>(() => client.ConnectAsync().WaitAsync(RealtimeHarness.Timeout));

        Assert.Equal("ws://127.0.0.1:9/chat/websocket", client.Endpoint.AbsoluteUri);
        Assert.Contains("ws://127.0.0.1:9/chat/websocket", unreachable.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", unreachable.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_sent_during_a_gap_with_an_older_ts_than_one_already_seen_is_still_delivered()
    {
        // Two server instances whose clocks differ: "ahead" came live from the one 60 s fast; "missed" was sent during
        // the gap through the other, so its ts is older than the newest ts the client has seen.
        DateTimeOffset now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
        Message Say(string id, DateTimeOffset ts) => new() { Id = id, RoomId = "room-1", Text = id, Timestamp = ts, UpdatedAt = ts, User = new MessageUser { Id = "a1", Username = "agent" } };
        Message before = Say("before", now), ahead = Say("ahead", now.AddSeconds(60)), missed = Say("missed", now.AddSeconds(10));
        int connections = 0;
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(
            async (socket, number, ct) =>
            {
                Interlocked.Exchange(ref connections, number);
                await FakeDdpServer.HandshakeAsync(socket, ct);
                for (int i = 0; i < 4; i++)
                {
                    JsonElement sub = await FakeDdpServer.ReceiveMessageAsync(socket, "sub", ct);
                    await FakeDdpServer.SendAsync(socket, $$"""{"msg":"ready","subs":["{{sub.GetProperty("id").GetString()}}"]}""", ct);
                }

                if (number == 1)
                {
                    string live = JsonSerializer.Serialize(ahead, LivechatJsonContext.Default.Message);
                    await FakeDdpServer.SendAsync(socket, $$$"""{"msg":"changed","collection":"stream-room-messages","id":"id","fields":{"eventName":"room-1","args":[{{{live}}}]}}""", ct);
                    await FakeDdpServer.ReceiveMessageAsync(socket, "method", ct); // the test's signal that "ahead" arrived
                    await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "restarting", ct);
                    return;
                }

                await FakeDdpServer.DrainAsync(socket, null, ct);
            },
            context => context.Request.Path.Value!.EndsWith("/livechat/config", StringComparison.Ordinal)
                ? context.Response.WriteAsJsonAsync(new GetLivechatConfigResponse { Config = new LivechatConfig { IsEnabled = true }, Success = true }, LivechatJsonContext.Default.GetLivechatConfigResponse)
                : context.Response.WriteAsJsonAsync(
                    new GetMessageHistoryResponse { Messages = Volatile.Read(ref connections) < 2 ? [before] : [ahead, missed, before], Success = true },
                    LivechatJsonContext.Default.GetMessageHistoryResponse));
        await using LivechatRealtimeClient client = await ConnectAsync(server);
        await using LivechatRoomSubscription room = await client.SubscribeVisitorRoomAsync("room-1", "visitor-token").WaitAsync(RealtimeHarness.Timeout);
        await using var events = new EventReader<LivechatRoomEvent>(room);

        Assert.Equal("ahead", (await events.NextAsync<RoomMessageEvent>()).Message.Id);
        _ = client.CallAsync("signal", _ => { });

        RoomMessageEvent afterGap = await events.NextAsync<RoomMessageEvent>();
        Assert.Equal("missed", afterGap.Message.Id);
        Assert.False(afterGap.IsEdit);
    }

    [Fact]
    public async Task An_agents_gap_fill_also_delivers_a_message_whose_ts_is_older_than_one_already_seen()
    {
        DateTimeOffset now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
        Message Say(string id, DateTimeOffset ts) => new() { Id = id, RoomId = "room-1", Text = id, Timestamp = ts, UpdatedAt = ts, User = new MessageUser { Id = "v1", Username = "guest" } };
        Message before = Say("before", now), ahead = Say("ahead", now.AddSeconds(60)), missed = Say("missed", now.AddSeconds(10));
        string History(params Message[] newestFirst) => "{\"messages\":[" + string.Join(",", newestFirst.Select(m => JsonSerializer.Serialize(m, LivechatJsonContext.Default.Message))) + "]}";
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, number, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            string history = number == 1 ? History(before) : History(ahead, missed, before);
            var closing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await FakeDdpServer.DrainAsync(socket, frame =>
            {
                string id = frame.TryGetProperty("id", out JsonElement idElement) ? idElement.GetString()! : string.Empty;
                switch (frame.GetProperty("msg").GetString())
                {
                    case "sub":
                        _ = FakeDdpServer.SendAsync(socket, $$"""{"msg":"ready","subs":["{{id}}"]}""", ct);
                        if (number == 1 && frame.GetProperty("name").GetString() == "stream-room-messages")
                        {
                            string live = JsonSerializer.Serialize(ahead, LivechatJsonContext.Default.Message);
                            _ = FakeDdpServer.SendAsync(socket, $$$"""{"msg":"changed","collection":"stream-room-messages","id":"id","fields":{"eventName":"room-1","args":[{{{live}}}]}}""", ct);
                        }

                        break;
                    case "method" when frame.GetProperty("method").GetString() == "loadHistory":
                        _ = FakeDdpServer.SendAsync(socket, $$"""{"msg":"result","id":"{{id}}","result":{{history}}}""", ct);
                        break;
                    case "method" when number == 1:
                        _ = socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "restarting", ct); // the test's signal
                        break;
                }
            }, ct);
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server);
        await using LivechatRoomSubscription room = await client.SubscribeRoomMessagesAsync("room-1").WaitAsync(RealtimeHarness.Timeout);
        await using var events = new EventReader<LivechatRoomEvent>(room);

        Assert.Equal("ahead", (await events.NextAsync<RoomMessageEvent>()).Message.Id);
        _ = client.CallAsync("signal", _ => { });

        Assert.Equal("missed", (await events.NextAsync<RoomMessageEvent>()).Message.Id);
    }

    [Fact]
    public async Task A_resume_token_the_server_revoked_ends_only_the_subscriptions_that_rest_on_the_login()
    {
        TaskCompletionSource[] drops = [new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)];
        var streamsByConnection = new ConcurrentDictionary<int, ConcurrentQueue<string>>();
        var logins = new ConcurrentQueue<int>();
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(
            async (socket, number, ct) =>
            {
                await FakeDdpServer.HandshakeAsync(socket, ct);
                Task drained = FakeDdpServer.AnswerAsync(
                    socket,
                    method =>
                    {
                        if (method != "login")
                        {
                            return FakeDdpServer.EmptyHistory;
                        }

                        logins.Enqueue(number);
                        return number == 1
                            ? FakeDdpServer.ResumedLogin
                            : "\"error\":{\"isClientSafe\":true,\"error\":403,\"reason\":\"You've been logged out by the server. Please log in again.\",\"errorType\":\"Meteor.Error\"}";
                    },
                    name =>
                    {
                        streamsByConnection.GetOrAdd(number, _ => new ConcurrentQueue<string>()).Enqueue(name);
                        return true;
                    },
                    ct);
                if (number <= drops.Length)
                {
                    await drops[number - 1].Task.WaitAsync(ct);
                    await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "restarting", ct);
                }

                await drained;
            },
            context => context.Request.Path.Value!.EndsWith("/livechat/config", StringComparison.Ordinal)
                ? context.Response.WriteAsJsonAsync(new GetLivechatConfigResponse { Config = new LivechatConfig { IsEnabled = true }, Success = true }, LivechatJsonContext.Default.GetLivechatConfigResponse)
                : context.Response.WriteAsJsonAsync(new GetMessageHistoryResponse { Messages = [], Success = true }, LivechatJsonContext.Default.GetMessageHistoryResponse));
        await using LivechatRealtimeClient client = await ConnectAsync(server);
        await client.LoginWithTokenAsync("resume-token").WaitAsync(RealtimeHarness.Timeout);
        await using LivechatRoomSubscription agentRoom = await client.SubscribeRoomMessagesAsync("room-9").WaitAsync(RealtimeHarness.Timeout);
        await using LivechatRoomSubscription visitorRoom = await client.SubscribeVisitorRoomAsync("room-1", "visitor-token").WaitAsync(RealtimeHarness.Timeout);

        drops[0].SetResult();

        RealtimeServerException refused = await Assert.ThrowsAsync<RealtimeServerException>(() => agentRoom.Completion.WaitAsync(RealtimeHarness.Timeout));
        Assert.Equal("403", refused.Error);
        using var giveUp = new CancellationTokenSource(RealtimeHarness.Timeout);
        while (!streamsByConnection.TryGetValue(2, out ConcurrentQueue<string>? resumed) || resumed.Count < 4)
        {
            await Task.Delay(20, giveUp.Token);
        }

        Assert.Equal(["stream-livechat-room", "stream-notify-room", "stream-notify-room", "stream-room-messages"], streamsByConnection[2].Order(StringComparer.Ordinal));
        Assert.False(visitorRoom.IsCompleted);

        // The revoked token is not presented again on the next connection.
        drops[1].SetResult();
        while (server.Connections < 3 || !streamsByConnection.TryGetValue(3, out ConcurrentQueue<string>? again) || again.Count < 4)
        {
            await Task.Delay(20, giveUp.Token);
        }

        Assert.Equal([1, 2], logins);
        Assert.False(visitorRoom.IsCompleted);
    }

    [Fact]
    public async Task A_live_subscription_the_server_stops_without_a_reason_ends_with_an_error_not_as_if_disposed()
    {
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, number, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            await FakeDdpServer.DrainAsync(socket, frame =>
            {
                string msg = frame.GetProperty("msg").GetString()!;
                string id = frame.TryGetProperty("id", out JsonElement idElement) ? idElement.GetString()! : string.Empty;
                if (msg == "sub")
                {
                    _ = FakeDdpServer.SendAsync(socket, $$"""{"msg":"ready","subs":["{{id}}"]}""", ct);
                }
                else if (msg == "method" && frame.GetProperty("method").GetString() == "loadHistory")
                {
                    _ = FakeDdpServer.SendAsync(socket, $$$"""{"msg":"result","id":"{{{id}}}","result":{"messages":[]}}""", ct);
                }
                else if (msg == "method")
                {
                    // The test's signal: the server ends the first stream of the room without saying why.
                    _ = FakeDdpServer.SendAsync(socket, """{"msg":"nosub","id":"2"}""", ct);
                }
            }, ct);
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server);
        await using LivechatRoomSubscription room = await client.SubscribeRoomMessagesAsync("room-1").WaitAsync(RealtimeHarness.Timeout);

        _ = client.CallAsync("signal", _ => { });

        RealtimeServerException stopped = await Assert.ThrowsAsync<RealtimeServerException>(() => room.Completion.WaitAsync(RealtimeHarness.Timeout));
        Assert.Equal("nosub", stopped.Error);
    }

    [Fact]
    public async Task A_subscribe_cancelled_midway_stops_on_the_server_every_stream_it_asked_for()
    {
        var unsubscribed = new ConcurrentQueue<string>();
        var subscribed = new ConcurrentQueue<string>();
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, number, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            await FakeDdpServer.DrainAsync(socket, frame =>
            {
                string id = frame.TryGetProperty("id", out JsonElement idElement) ? idElement.GetString()! : string.Empty;
                switch (frame.GetProperty("msg").GetString())
                {
                    case "method":
                        _ = FakeDdpServer.SendAsync(socket, $$$"""{"msg":"result","id":"{{{id}}}","result":{"messages":[]}}""", ct);
                        break;
                    case "sub":
                        // The first stream is accepted; the second is never answered (a server under load).
                        subscribed.Enqueue(id);
                        if (subscribed.Count == 1)
                        {
                            _ = FakeDdpServer.SendAsync(socket, $$"""{"msg":"ready","subs":["{{id}}"]}""", ct);
                        }

                        break;
                    case "unsub":
                        unsubscribed.Enqueue(id);
                        break;
                }
            }, ct);
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SubscribeRoomMessagesAsync("room-1", giveUp.Token));

        using var wait = new CancellationTokenSource(RealtimeHarness.Timeout);
        while (unsubscribed.Count < 2)
        {
            await Task.Delay(20, wait.Token);
        }

        Assert.Equal(subscribed.Order(StringComparer.Ordinal), unsubscribed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_server_that_stops_reading_is_declared_dead_even_while_a_send_is_stuck_behind_it()
    {
        // Released at the end: a server that does not read never notices the client going, and would hold its shutdown.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, number, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            if (number == 1)
            {
                await release.Task.WaitAsync(ct); // reads nothing more and says nothing: the buffers fill up
                return;
            }

            await FakeDdpServer.DrainAsync(socket, null, ct);
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server, options =>
        {
            options.HeartbeatInterval = TimeSpan.FromMilliseconds(200);
            options.HeartbeatTimeout = TimeSpan.FromMilliseconds(300);
        });
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Reconnected += (_, _) => reconnected.TrySetResult();
        string large = new('x', 48 * 1024 * 1024); // more than the loopback socket buffers and the server's pipe hold

        Exception failure = await Record.ExceptionAsync(() => client.CallAsync("upload", writer => writer.WriteStringValue(large)).WaitAsync(RealtimeHarness.Timeout));
        await reconnected.Task.WaitAsync(RealtimeHarness.Timeout);

        Assert.IsType<RealtimeConnectionLostException>(failure);
        release.SetResult();
    }

    [Fact]
    public async Task Disposing_a_subscription_on_a_connection_that_takes_no_more_frames_neither_throws_nor_waits_per_stream()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, number, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            int histories = 0;
            while (true)
            {
                JsonElement frame = await FakeDdpServer.ReceiveAsync(socket, ct) ?? throw new OperationCanceledException();
                string id = frame.TryGetProperty("id", out JsonElement idElement) ? idElement.GetString()! : string.Empty;
                switch (frame.GetProperty("msg").GetString())
                {
                    case "sub":
                        await FakeDdpServer.SendAsync(socket, $$"""{"msg":"ready","subs":["{{id}}"]}""", ct);
                        break;
                    case "method" when frame.GetProperty("method").GetString() == "loadHistory":
                        await FakeDdpServer.SendAsync(socket, $$$"""{"msg":"result","id":"{{{id}}}","result":{"messages":[]}}""", ct);
                        if (++histories == 2)
                        {
                            // The subscription is set up (baseline, then catch-up): from here on the server reads
                            // nothing, and the client's sends get stuck.
                            await release.Task.WaitAsync(ct);
                            return;
                        }

                        break;
                }
            }
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server, options => options.HeartbeatInterval = TimeSpan.FromMinutes(5));
        LivechatRoomSubscription room = await client.SubscribeRoomMessagesAsync("room-1").WaitAsync(RealtimeHarness.Timeout);
        string large = new('x', 48 * 1024 * 1024);
        Task stuck = client.CallAsync("upload", writer => writer.WriteStringValue(large));
        await Task.Delay(500);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Exception? failure = await Record.ExceptionAsync(() => room.DisposeAsync().AsTask().WaitAsync(RealtimeHarness.Timeout));

        Assert.Null(failure);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Disposing took {watch.Elapsed}.");
        Assert.False(stuck.IsCompleted, "The upload is still stuck, so the unsubscribe could not have been sent.");
        release.SetResult();
    }
}
