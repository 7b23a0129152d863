using RocketChat.Livechat.Realtime.Tests.Infrastructure;

namespace RocketChat.Livechat.Realtime.Tests;

/// <summary>Heartbeats, dropped connections, cancellation, disposal and the limits, against the emulator.</summary>
public sealed class ConnectionTests
{
    [Fact]
    public async Task The_client_answers_server_pings_so_the_server_keeps_the_session()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync(options =>
        {
            // Pings every 100 ms; a pong may take up to 500 ms on a loaded machine. Twelve answered pings last past
            // that timeout, so without its pongs the session would have been closed before the test ends.
            options.RealtimeHeartbeatInterval = TimeSpan.FromMilliseconds(100);
            options.RealtimeHeartbeatTimeout = TimeSpan.FromMilliseconds(500);
        });
        // The client's own ping comes much later, so only its pongs keep the server from closing the session.
        LivechatRealtimeClient client = await harness.ConnectAsync(options => options.HeartbeatInterval = TimeSpan.FromMinutes(5));
        int answered = 0;
        var twelveAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ServerPingAnswered += (_, _) =>
        {
            if (Interlocked.Increment(ref answered) == 12)
            {
                twelveAnswered.TrySetResult();
            }
        };
        string? session = client.SessionId;

        await twelveAnswered.Task.WaitAsync(RealtimeHarness.Timeout);

        Assert.Equal(0, client.ReconnectCount);
        Assert.Equal(session, client.SessionId);
        Assert.Equal(1, harness.Emulator.RealtimeConnectionCount);
    }

    [Fact]
    public async Task A_connection_dropped_mid_conversation_loses_nothing_and_duplicates_nothing()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId);
        // A slow first retry leaves a real gap: the messages below are sent while the visitor is offline.
        LivechatRealtimeClient visitor = await harness.ConnectAsync(options =>
        {
            options.ReconnectInitialDelay = TimeSpan.FromMilliseconds(400);
            options.ReconnectMaxDelay = TimeSpan.FromMilliseconds(800);
        });
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        visitor.Reconnected += (_, _) => reconnected.TrySetResult();
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);
        var expected = new List<string>();
        async Task SayAsync(string text)
        {
            await harness.AgentSaysAsync(chat.RoomId, text);
            expected.Add(text);
        }

        await SayAsync("before 1");
        await SayAsync("before 2");
        Assert.Equal("before 1", (await events.NextAsync<RoomMessageEvent>()).Message.Text);
        Assert.Equal("before 2", (await events.NextAsync<RoomMessageEvent>()).Message.Text);

        Assert.Equal(1, harness.Emulator.DropRealtimeConnections());
        for (int i = 1; i <= 12; i++)
        {
            await SayAsync($"during gap {i}"); // 12 > the history page size (5): the gap spans pages.
        }

        await reconnected.Task.WaitAsync(RealtimeHarness.Timeout);
        await SayAsync("after reconnecting");

        var received = new List<string> { "before 1", "before 2" };
        while (received[^1] != "after reconnecting")
        {
            received.Add((await events.NextAsync<RoomMessageEvent>(e => e.Kind == RoomMessageKind.Chat)).Message.Text!);
        }

        Assert.Equal(expected, received);
        Assert.Equal(1, visitor.ReconnectCount);

        // Nothing from the gap comes again afterwards.
        await SayAsync("last");
        Assert.Equal("last", (await events.NextAsync<RoomMessageEvent>()).Message.Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // Every message in one millisecond: paging by time must still get past the boundary.
    public async Task An_agents_room_subscription_dropped_mid_conversation_loses_nothing_and_duplicates_nothing(bool frozenClock)
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync(options =>
        {
            if (frozenClock)
            {
                options.TimeProvider = new FrozenClock(DateTimeOffset.UtcNow);
            }
        });
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId, "agent.one");
        await harness.VisitorSaysAsync(chat, "already there"); // History before subscribing: not news.
        // A slow first retry leaves a real gap; the agent's client has no REST credentials, so the gap can only be
        // filled over its own DDP login (loadHistory).
        LivechatRealtimeClient agent = await harness.ConnectAsync(options =>
        {
            options.ReconnectInitialDelay = TimeSpan.FromMilliseconds(400);
            options.ReconnectMaxDelay = TimeSpan.FromMilliseconds(800);
        });
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.Reconnected += (_, _) => reconnected.TrySetResult();
        await agent.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword);
        await using LivechatRoomSubscription room = await agent.SubscribeRoomMessagesAsync(chat.RoomId);
        await using var events = new EventReader<LivechatRoomEvent>(room);
        var expected = new List<string>();
        async Task VisitorSaysAsync(string text)
        {
            await harness.VisitorSaysAsync(chat, text);
            expected.Add(text);
        }

        await VisitorSaysAsync("before 1");
        Assert.Equal("before 1", (await events.NextAsync<RoomMessageEvent>()).Message.Text);

        Assert.Equal(1, harness.Emulator.DropRealtimeConnections());
        for (int i = 1; i <= 12; i++)
        {
            await VisitorSaysAsync($"during gap {i}"); // 12 > the history page size (5): the gap spans pages.
        }

        await reconnected.Task.WaitAsync(RealtimeHarness.Timeout);
        await VisitorSaysAsync("after reconnecting");

        var received = new List<string> { "before 1" };
        while (received[^1] != "after reconnecting")
        {
            received.Add((await events.NextAsync<RoomMessageEvent>(e => e.Kind == RoomMessageKind.Chat)).Message.Text!);
        }

        Assert.Equal(expected, received);
        Assert.Equal(1, agent.ReconnectCount);
        await VisitorSaysAsync("last");
        Assert.Equal("last", (await events.NextAsync<RoomMessageEvent>()).Message.Text);
    }

    [Fact]
    public async Task After_a_reconnection_an_agent_is_logged_in_again_and_its_queue_subscription_resumes()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        LivechatRealtimeClient agent = await harness.ConnectAsync();
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.Reconnected += (_, _) => reconnected.TrySetResult();
        await agent.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword);
        await using InquiryQueueSubscription queue = await agent.SubscribeInquiryQueueAsync(InquiryQueueKey.Public);
        await using var events = new EventReader<InquiryQueueEvent>(queue);

        harness.Emulator.DropRealtimeConnections();
        await reconnected.Task.WaitAsync(RealtimeHarness.Timeout);
        VisitorChat chat = await harness.StartChatAsync();

        InquiryQueueEvent added = await events.NextAsync();
        Assert.Equal(chat.RoomId, added.Inquiry.RoomId);
    }

    [Fact]
    public async Task Disposing_the_client_ends_every_enumeration_normally()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);
        Task<bool> ended = events.EndsAsync();

        await visitor.DisposeAsync();

        Assert.True(await ended.WaitAsync(RealtimeHarness.Timeout));
        Assert.True(room.IsCompleted);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token));
    }

    [Fact]
    public async Task Disposing_a_subscription_ends_its_enumeration_and_the_client_carries_on()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        LivechatRoomSubscription first = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var firstEvents = new EventReader<LivechatRoomEvent>(first);

        await first.DisposeAsync();
        await using LivechatRoomSubscription second = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var secondEvents = new EventReader<LivechatRoomEvent>(second);
        await harness.VisitorSaysAsync(chat, "still here");

        Assert.True(await firstEvents.EndsAsync());
        Assert.Equal("still here", (await secondEvents.NextAsync<RoomMessageEvent>()).Message.Text);
    }

    [Fact]
    public async Task Cancelling_the_reader_stops_the_enumeration_with_OperationCanceledException()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        using var cancellation = new CancellationTokenSource();

        Task reading = Task.Run(async () =>
        {
            await foreach (LivechatRoomEvent _ in room.WithCancellation(cancellation.Token))
            {
            }
        });
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(RealtimeHarness.Timeout));
    }

    [Fact]
    public async Task A_reader_that_falls_behind_the_buffer_gets_a_typed_error_instead_of_unbounded_memory()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId);
        LivechatRealtimeClient visitor = await harness.ConnectAsync(options => options.EventBufferCapacity = 2);
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);

        for (int i = 0; i < 4; i++)
        {
            await harness.AgentSaysAsync(chat.RoomId, $"message {i}");
        }

        // The REST answers come before the stream frames: read nothing until the overflow has ended the subscription,
        // or a reader that starts early makes room and sees a third event.
        using (var overflow = new CancellationTokenSource(RealtimeHarness.Timeout))
        {
            while (!room.IsCompleted)
            {
                await Task.Delay(10, overflow.Token);
            }
        }

        var delivered = new List<LivechatRoomEvent>();
        RealtimeConsumerTooSlowException tooSlow = await Assert.ThrowsAsync<RealtimeConsumerTooSlowException>(async () =>
        {
            using var timeout = new CancellationTokenSource(RealtimeHarness.Timeout);
            await foreach (LivechatRoomEvent e in room.WithCancellation(timeout.Token))
            {
                delivered.Add(e);
            }
        });

        Assert.Equal(2, tooSlow.Capacity);
        Assert.Equal(2, delivered.Count);
    }

    [Fact]
    public async Task The_ddp_rate_limiter_refuses_the_41st_stream_write_with_its_reset_time()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync(options => options.RateLimiterEnabled = true);
        VisitorChat chat = await harness.StartChatAsync();
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        for (int i = 0; i < 40; i++)
        {
            await visitor.SendTypingAsync(chat.RoomId, chat.Username, isTyping: i % 2 == 0, chat.Token);
        }

        RealtimeRateLimitException limited = await Assert.ThrowsAsync<RealtimeRateLimitException>(() => visitor.SendTypingAsync(chat.RoomId, chat.Username, isTyping: true, chat.Token));

        Assert.Equal("too-many-requests", limited.Error);
        Assert.InRange(limited.TimeToReset, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task An_unknown_method_is_a_typed_404()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        LivechatRealtimeClient client = await harness.ConnectAsync();

        RealtimeServerException missing = await Assert.ThrowsAsync<RealtimeServerException>(() => client.CallAsync("no-such-method", _ => { }));

        Assert.Equal("404", missing.Error);
        Assert.Equal("Method 'no-such-method' not found", missing.Reason);
    }

    [Fact]
    public async Task Stopping_the_emulator_ends_open_sessions_at_once_instead_of_waiting_for_them()
    {
        RealtimeHarness harness = await RealtimeHarness.StartAsync();
        await using LivechatRealtimeClient client = LivechatRealtimeClient.Create(
            new RocketChatLivechatOptions { ServerUrl = harness.Emulator.BaseAddress },
            new LivechatRealtimeOptions { ReconnectInitialDelay = TimeSpan.FromSeconds(30), ReconnectMaxDelay = TimeSpan.FromSeconds(30) });
        await client.ConnectAsync();

        // Kestrel's default shutdown timeout is 30 s; a session left open would hold the stop that long.
        await harness.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, harness.Emulator.RealtimeConnectionCount);
    }
}

/// <summary>A clock that never moves: every stored message gets the same timestamp. Timers still run on real time.</summary>
internal sealed class FrozenClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
