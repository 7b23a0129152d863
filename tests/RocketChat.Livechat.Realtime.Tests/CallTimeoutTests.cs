using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using RocketChat.Livechat.Realtime.Tests.Infrastructure;

namespace RocketChat.Livechat.Realtime.Tests;

/// <summary>
/// A server that keeps its connection alive (it answers every ping) but leaves a call or a subscription unanswered:
/// the wait ends at <see cref="LivechatRealtimeOptions.CallTimeout"/> with a typed error and the stuck session is
/// replaced, instead of the caller (or the reconnection that resumes subscriptions) waiting for ever.
/// </summary>
public sealed class CallTimeoutTests
{
    // Long enough for an answer on a loaded test machine, short enough to keep the tests quick.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Answers pings, and methods only when <paramref name="answerMethods"/>; never answers a subscription.</summary>
    private static Task<FakeDdpServer> StartStuckServerAsync(bool answerMethods) =>
        FakeDdpServer.StartAsync(async (socket, number, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            await FakeDdpServer.AnswerAsync(socket, _ => answerMethods ? FakeDdpServer.EmptyHistory : null, _ => false, ct);
        });

    private static Task<LivechatRealtimeClient> ConnectAsync(FakeDdpServer server)
    {
        var options = new LivechatRealtimeOptions
        {
            CallTimeout = CallTimeout,
            HeartbeatInterval = TimeSpan.FromMilliseconds(100),
            HeartbeatTimeout = TimeSpan.FromSeconds(10),
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        return RealtimeHarness.ConnectOrDisposeAsync(LivechatRealtimeClient.Create(new RocketChatLivechatOptions { ServerUrl = server.BaseAddress }, options));
    }

    private static async Task WaitForConnectionsAsync(FakeDdpServer server, int count)
    {
        using var giveUp = new CancellationTokenSource(RealtimeHarness.Timeout);
        while (server.Connections < count)
        {
            await Task.Delay(20, giveUp.Token);
        }
    }

    [Fact]
    public async Task An_unanswered_call_ends_at_the_call_timeout_typed_and_the_stuck_session_is_replaced()
    {
        await using FakeDdpServer server = await StartStuckServerAsync(answerMethods: false);
        await using LivechatRealtimeClient client = await ConnectAsync(server);
        var clock = Stopwatch.StartNew();

        RealtimeTimeoutException timeout = await Assert.ThrowsAsync<RealtimeTimeoutException>(
            () => client.CallAsync("stuckMethod", _ => { }).WaitAsync(RealtimeHarness.Timeout));

        // Timers may fire a few milliseconds early against a Stopwatch (their clock ticks coarser).
        Assert.InRange(clock.Elapsed, CallTimeout - TimeSpan.FromMilliseconds(100), RealtimeHarness.Timeout);
        Assert.Equal($"Rocket.Chat stuckMethod: no answer within {CallTimeout}; the connection was replaced.", timeout.Message);
        Assert.Equal(CallTimeout, timeout.Timeout);
        await WaitForConnectionsAsync(server, 2);
    }

    [Fact]
    public async Task An_unanswered_subscription_ends_at_the_call_timeout_typed_and_the_stuck_session_is_replaced()
    {
        await using FakeDdpServer server = await StartStuckServerAsync(answerMethods: true);
        await using LivechatRealtimeClient client = await ConnectAsync(server);

        RealtimeTimeoutException timeout = await Assert.ThrowsAsync<RealtimeTimeoutException>(
            () => client.SubscribeRoomMessagesAsync("room-1").WaitAsync(RealtimeHarness.Timeout));

        Assert.Equal("stream-room-messages", timeout.Operation);
        await WaitForConnectionsAsync(server, 2);
    }

    [Fact]
    public async Task Other_calls_waiting_on_the_stuck_session_end_as_connection_lost()
    {
        await using FakeDdpServer server = await StartStuckServerAsync(answerMethods: false);
        await using LivechatRealtimeClient client = await ConnectAsync(server);

        Task first = client.CallAsync("stuckMethod", _ => { });
        await Task.Delay(CallTimeout / 3);
        Task second = client.CallAsync("queuedMethod", _ => { });

        await Assert.ThrowsAsync<RealtimeTimeoutException>(() => first.WaitAsync(RealtimeHarness.Timeout));
        RealtimeConnectionLostException lost = await Assert.ThrowsAsync<RealtimeConnectionLostException>(() => second.WaitAsync(RealtimeHarness.Timeout));
        Assert.Contains($"no answer to stuckMethod within {CallTimeout}.", lost.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resume_login_left_unanswered_after_a_reconnection_is_retried_on_a_new_connection()
    {
        var drop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriptionsByConnection = new ConcurrentDictionary<int, int>();
        await using FakeDdpServer server = await FakeDdpServer.StartAsync(async (socket, number, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            Task drained = FakeDdpServer.AnswerAsync(
                socket,
                // The second connection's session is stuck: it never answers the resume login.
                method => method != "login" ? FakeDdpServer.EmptyHistory : number == 2 ? null : FakeDdpServer.ResumedLogin,
                _ =>
                {
                    subscriptionsByConnection.AddOrUpdate(number, 1, (_, count) => count + 1);
                    return true;
                },
                ct);
            if (number == 1)
            {
                await drop.Task.WaitAsync(ct);
                await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "restarting", ct);
            }

            await drained;
        });
        await using LivechatRealtimeClient client = await ConnectAsync(server);
        await client.LoginWithTokenAsync("resume-token").WaitAsync(RealtimeHarness.Timeout);
        await using LivechatRoomSubscription room = await client.SubscribeRoomMessagesAsync("room-1").WaitAsync(RealtimeHarness.Timeout);

        drop.SetResult();
        await WaitForConnectionsAsync(server, 3);
        using var giveUp = new CancellationTokenSource(RealtimeHarness.Timeout);
        while (!subscriptionsByConnection.ContainsKey(3))
        {
            await Task.Delay(20, giveUp.Token);
        }

        Assert.False(subscriptionsByConnection.ContainsKey(2));
        Assert.False(room.IsCompleted);
    }

    [Fact]
    public async Task A_call_answered_in_time_is_not_affected_by_the_timeout()
    {
        await using FakeDdpServer server = await StartStuckServerAsync(answerMethods: true);
        await using LivechatRealtimeClient client = await ConnectAsync(server);

        JsonElement? result = await client.CallAsync("quickMethod", _ => { }).WaitAsync(RealtimeHarness.Timeout);

        Assert.Equal("""{"messages":[]}""", result!.Value.GetRawText());
        await Task.Delay(CallTimeout * 2);
        Assert.Equal(1, server.Connections);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_call_timeout_that_is_not_positive_is_refused_by_name(int milliseconds)
    {
        var options = new LivechatRealtimeOptions { CallTimeout = TimeSpan.FromMilliseconds(milliseconds) };

        ArgumentOutOfRangeException refused = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(nameof(LivechatRealtimeOptions.CallTimeout), refused.ParamName);
    }

    public static TheoryData<string, Action<LivechatRealtimeOptions>> DurationsBeyondTimers => new()
    {
        { nameof(LivechatRealtimeOptions.CallTimeout), o => o.CallTimeout = TimeSpan.MaxValue },
        { nameof(LivechatRealtimeOptions.HeartbeatInterval), o => o.HeartbeatInterval = TimeSpan.FromDays(30) },
        { nameof(LivechatRealtimeOptions.HeartbeatTimeout), o => o.HeartbeatTimeout = TimeSpan.MaxValue },
        { nameof(LivechatRealtimeOptions.ConnectTimeout), o => o.ConnectTimeout = LivechatRealtimeOptions.MaxDuration + TimeSpan.FromMilliseconds(1) },
        { nameof(LivechatRealtimeOptions.ReconnectInitialDelay), o => o.ReconnectInitialDelay = TimeSpan.FromDays(100) },
        { nameof(LivechatRealtimeOptions.ReconnectMaxDelay), o => o.ReconnectMaxDelay = TimeSpan.MaxValue },
    };

    [Theory]
    [MemberData(nameof(DurationsBeyondTimers))]
    public void A_duration_no_timer_can_hold_is_refused_by_name_up_front(string name, Action<LivechatRealtimeOptions> set)
    {
        var options = new LivechatRealtimeOptions();
        set(options);

        ArgumentOutOfRangeException refused = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(name, refused.ParamName);
    }

    [Fact]
    public void The_longest_duration_is_accepted_everywhere()
    {
        TimeSpan longest = LivechatRealtimeOptions.MaxDuration;
        new LivechatRealtimeOptions
        {
            CallTimeout = longest, HeartbeatInterval = longest, HeartbeatTimeout = longest, ConnectTimeout = longest,
            ReconnectInitialDelay = longest, ReconnectMaxDelay = longest,
        }.Validate();
    }

    [Fact]
    public void An_infinite_call_timeout_is_accepted()
    {
        new LivechatRealtimeOptions { CallTimeout = Timeout.InfiniteTimeSpan }.Validate();
    }
}
