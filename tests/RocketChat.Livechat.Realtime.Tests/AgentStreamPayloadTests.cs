using System.Net.WebSockets;
using System.Text.Json;
using RocketChat.Livechat.Realtime.Tests.Infrastructure;

namespace RocketChat.Livechat.Realtime.Tests;

/// <summary>
/// The agent's two streams whose payloads the contract's generated readers read (subscriptions-changed and the
/// inquiry queue), frame by frame from a scripted server: what fits the contract arrives typed with nothing dropped,
/// what does not is a <see cref="RealtimeProtocolException"/> that ends the subscription.
/// </summary>
public sealed class AgentStreamPayloadTests
{
    private const long Created = 1714557600000; // 2024-05-01T10:00:00Z
    private const long Seen = 1714557660000;

    private static readonly string Subscription =
        $$"""{"_id":"sub-1","rid":"room-1","t":"l","name":"guest-7","fname":"Maria","u":{"_id":"user-1","username":"agent.one"},"ts":{"$date":{{Created}}},"ls":{"$date":{{Seen}}},"lr":{"$date":{{Seen}}},"_updatedAt":{"$date":{{Seen}}},"open":true,"alert":true,"unread":1,"userMentions":1,"groupMentions":0,"department":"dep-1","v":{"_id":"visitor-1","username":"guest-7","token":"vt-1","status":"online"},"desktopNotifications":"all"}""";

    private static readonly string Inquiry =
        $$"""{"type":"changed","_id":"inq-1","rid":"room-1","name":"Maria","ts":{"$date":{{Created}}},"message":"hello","status":"taken","t":"l","v":{"_id":"visitor-1","username":"guest-7","token":"vt-1","status":"online"},"department":"dep-1","_updatedAt":{"$date":{{Seen}}},"takenAt":{"$date":{{Seen}}},"priorityWeight":99999,"estimatedWaitingTimeQueue":9999999}""";

    /// <summary>A server that logs the client in as user-1, confirms one subscription and sends <paramref name="args"/> on it.</summary>
    private static Task<FakeDdpServer> ServeOneEventAsync(string collection, string eventName, string args, List<JsonElement> subs) =>
        FakeDdpServer.StartAsync(async (socket, _, ct) =>
        {
            await FakeDdpServer.HandshakeAsync(socket, ct);
            JsonElement login = await FakeDdpServer.ReceiveMessageAsync(socket, "method", ct);
            await FakeDdpServer.SendAsync(socket, $$$"""{"msg":"result","id":"{{{login.GetProperty("id").GetString()}}}","result":{"id":"user-1","token":"resume-token","type":"resume"}}""", ct);
            JsonElement sub = await FakeDdpServer.ReceiveMessageAsync(socket, "sub", ct);
            subs.Add(sub);
            await FakeDdpServer.SendAsync(socket, $$"""{"msg":"ready","subs":["{{sub.GetProperty("id").GetString()}}"]}""", ct);
            await FakeDdpServer.SendAsync(socket, $$$"""{"msg":"changed","collection":"{{{collection}}}","id":"id","fields":{"eventName":"{{{eventName}}}","args":{{{args}}}}}""", ct);
            await FakeDdpServer.DrainAsync(socket, null, ct);
        });

    private static (IAsyncDisposable Subscription, Task Completion) Watch<TEvent>(RealtimeSubscription<TEvent> subscription) => (subscription, subscription.Completion);

    private static async Task<LivechatRealtimeClient> LoggedInAsync(FakeDdpServer server)
    {
        LivechatRealtimeClient client = LivechatRealtimeClient.Create(
            new RocketChatLivechatOptions { ServerUrl = server.BaseAddress },
            new LivechatRealtimeOptions { ConnectTimeout = TimeSpan.FromSeconds(5) });
        await client.ConnectAsync().WaitAsync(RealtimeHarness.Timeout);
        await client.LoginWithTokenAsync("resume-token").WaitAsync(RealtimeHarness.Timeout);
        return client;
    }

    [Fact]
    public async Task A_subscriptions_changed_event_arrives_with_the_typed_action_and_subscription_nothing_dropped()
    {
        List<JsonElement> subs = [];
        await using FakeDdpServer server = await ServeOneEventAsync("stream-notify-user", "user-1/subscriptions-changed", $"[\"inserted\",{Subscription}]", subs);
        await using LivechatRealtimeClient agent = await LoggedInAsync(server);
        await using SubscriptionChangesSubscription subscriptions = await agent.SubscribeSubscriptionChangesAsync().WaitAsync(RealtimeHarness.Timeout);
        await using var events = new EventReader<SubscriptionChangedEvent>(subscriptions);

        SubscriptionChangedEvent inserted = await events.NextAsync();

        Assert.Equal("""["user-1/subscriptions-changed",{"useCollection":false,"args":[]}]""", subs[0].GetProperty("params").GetRawText());
        Assert.Equal(SubscriptionChangeAction.Inserted, inserted.Action);
        Assert.True(inserted.IsInserted);
        Assert.False(inserted.IsRemoved);
        Assert.Equal("room-1", inserted.RoomId);
        Assert.Equal("l", inserted.RoomType);
        OmnichannelSubscription subscription = inserted.Subscription;
        Assert.Equal("sub-1", subscription.Id);
        Assert.Equal("Maria", subscription.Fname);
        Assert.Equal("agent.one", subscription.User!.Username);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(Created), subscription.Ts);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(Seen), subscription.Ls);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(Seen), subscription.UpdatedAt);
        Assert.Equal((true, true, 1L, "dep-1"), (subscription.Open, subscription.Alert, subscription.Unread, subscription.Department));
        Assert.Equal("vt-1", subscription.Visitor!.Token);
        // What the contract does not name is kept, not dropped.
        Assert.Equal("all", Assert.Single(subscription.AdditionalProperties!, p => p.Key == "desktopNotifications").Value.GetString());
    }

    [Fact]
    public async Task An_inquiry_queue_event_arrives_as_the_typed_change_and_the_inquiry_of_the_same_object()
    {
        List<JsonElement> subs = [];
        await using FakeDdpServer server = await ServeOneEventAsync("stream-livechat-inquiry-queue-observer", "department/dep-1", $"[{Inquiry}]", subs);
        await using LivechatRealtimeClient agent = await LoggedInAsync(server);
        await using InquiryQueueSubscription queue = await agent.SubscribeInquiryQueueAsync(InquiryQueueKey.Department("dep-1")).WaitAsync(RealtimeHarness.Timeout);
        await using var events = new EventReader<InquiryQueueEvent>(queue);

        InquiryQueueEvent changed = await events.NextAsync();

        Assert.Equal("stream-livechat-inquiry-queue-observer", subs[0].GetProperty("name").GetString());
        Assert.Equal(InquiryQueueChange.Changed, changed.Change);
        Assert.Equal(("inq-1", "room-1", InquiryStatus.Taken), (changed.Inquiry.Id, changed.Inquiry.RoomId, changed.Inquiry.Status));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(Seen), changed.Inquiry.TakenAt);
        Assert.Equal("vt-1", changed.Inquiry.Visitor!.Token);
        // 'type' is the event's, read beside the inquiry: not an unknown member of it.
        Assert.Null(changed.Inquiry.AdditionalProperties);
    }

    public static TheoryData<string, string, string, string> WrongShapes => new()
    {
        // name, collection, eventName, args
        { "subscription that is no object", "stream-notify-user", "user-1/subscriptions-changed", """["inserted","room-1"]""" },
        { "subscription without rid", "stream-notify-user", "user-1/subscriptions-changed", """["inserted",{"_id":"sub-1","t":"l"}]""" },
        { "action without subscription", "stream-notify-user", "user-1/subscriptions-changed", """["inserted"]""" },
        { "action that is no string", "stream-notify-user", "user-1/subscriptions-changed", $"[1,{Subscription}]" },
        { "inquiry type the contract does not list", "stream-livechat-inquiry-queue-observer", "public", """[{"type":"bogus","_id":"inq-1"}]""" },
        { "inquiry without type", "stream-livechat-inquiry-queue-observer", "public", """[{"_id":"inq-1","status":"queued"}]""" },
        { "inquiry without _id", "stream-livechat-inquiry-queue-observer", "public", """[{"type":"added","rid":"room-1"}]""" },
        { "inquiry that is no object", "stream-livechat-inquiry-queue-observer", "public", """["added"]""" },
        { "inquiry event without arguments", "stream-livechat-inquiry-queue-observer", "public", "[]" },
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task A_payload_of_the_wrong_shape_ends_the_subscription_with_a_protocol_exception(string name, string collection, string eventName, string args)
    {
        await using FakeDdpServer server = await ServeOneEventAsync(collection, eventName, args, []);
        await using LivechatRealtimeClient agent = await LoggedInAsync(server);
        (IAsyncDisposable subscription, Task completion) = collection == "stream-notify-user"
            ? Watch(await agent.SubscribeSubscriptionChangesAsync().WaitAsync(RealtimeHarness.Timeout))
            : Watch(await agent.SubscribeInquiryQueueAsync(InquiryQueueKey.Public).WaitAsync(RealtimeHarness.Timeout));
        await using IAsyncDisposable _ = subscription;

        RealtimeProtocolException error = await Assert.ThrowsAsync<RealtimeProtocolException>(() => completion.WaitAsync(RealtimeHarness.Timeout));

        Assert.Contains(collection, error.Message, StringComparison.Ordinal);
        Assert.True(name.Length > 0);
    }
}
