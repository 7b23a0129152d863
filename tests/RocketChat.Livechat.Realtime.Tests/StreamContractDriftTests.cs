using System.Net.WebSockets;
using System.Text.Json;
using RocketChat.Contracts.Testing;
using RocketChat.Livechat.Realtime.Tests.Infrastructure;

namespace RocketChat.Livechat.Realtime.Tests;

/// <summary>
/// The stream payloads the emulator writes through the contract's generated writers, read back on a raw WebSocket by
/// the client's generated readers: every member is one the contract declares (the emulator tests' ContractDriftTests
/// check, applied to the streams, which that project cannot read without the client), and the wire keeps the server's
/// form: EJSON dates, <c>{type, ...inquiry}</c> as one object.
/// </summary>
public sealed class StreamContractDriftTests
{
    [Fact]
    public async Task The_emulators_subscription_and_queue_events_hold_only_members_the_contract_declares_with_ejson_dates()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        using ClientWebSocket socket = await LoggedInSocketAsync(harness, "agent.one");
        string userId = (await harness.Emulator.LoginAsync("agent.one", RealtimeHarness.StaffPassword)).UserId;
        await SubscribeAsync(socket, "s1", "stream-notify-user", $"{userId}/subscriptions-changed");
        await SubscribeAsync(socket, "s2", "stream-livechat-inquiry-queue-observer", "public");

        VisitorChat chat = await harness.StartChatAsync();
        JsonElement added = (await NextEventsAsync(socket, 1))["public"];
        await harness.TakeAsync(chat.RoomId, "agent.one");
        Dictionary<string, JsonElement> onTake = await NextEventsAsync(socket, 2);
        JsonElement inserted = onTake[$"{userId}/subscriptions-changed"];
        JsonElement taken = onTake["public"];

        InquiryQueueUpdate addedUpdate = LivechatRealtimeStreams.InquiryQueue.ReadInquiryQueueEvent(added).Update;
        InquiryQueueUpdate takenUpdate = LivechatRealtimeStreams.InquiryQueue.ReadInquiryQueueEvent(taken).Update;
        SubscriptionChangedArguments subscription = LivechatRealtimeStreams.SubscriptionsChanged.ReadSubscriptionChanged(inserted);
        UndeclaredMembers.AssertNone([
            ("inquiry queue (added)", addedUpdate),
            ("inquiry queue (changed, taken)", takenUpdate),
            ("subscriptions-changed (inserted)", subscription),
        ]);

        Assert.Equal((InquiryQueueUpdateType.Added, InquiryQueueUpdateType.Changed), (addedUpdate.Type, takenUpdate.Type));
        Assert.Equal(SubscriptionChangeAction.Inserted, subscription.Action);
        // The server's {type, ...inquiry}: type first, then the inquiry's members, dates as EJSON.
        JsonElement inquiry = added[0];
        Assert.Equal("type", inquiry.EnumerateObject().First().Name);
        Assert.Equal(addedUpdate.Inquiry.Timestamp!.Value.ToUnixTimeMilliseconds(), inquiry.GetProperty("ts").GetProperty("$date").GetInt64());
        Assert.Equal(JsonValueKind.Number, taken[0].GetProperty("takenAt").GetProperty("$date").ValueKind);
        Assert.Equal("inserted", inserted[0].GetString());
        JsonElement document = inserted[1];
        Assert.Equal(subscription.Subscription.Ts!.Value.ToUnixTimeMilliseconds(), document.GetProperty("ts").GetProperty("$date").GetInt64());
        Assert.Equal(JsonValueKind.Number, document.GetProperty("_updatedAt").GetProperty("$date").ValueKind);
        Assert.Equal(chat.RoomId, document.GetProperty("rid").GetString());
    }

    private static async Task<ClientWebSocket> LoggedInSocketAsync(RealtimeHarness harness, string username)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(new Uri(harness.Emulator.BaseAddress.ToString().Replace("http", "ws", StringComparison.Ordinal)), "websocket"), CancellationToken.None);
        await SendAsync(socket, """{"msg":"connect","version":"1","support":["1"]}""");
        await ReceiveAsync(socket); // server_id
        await ReceiveAsync(socket); // connected
        string digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(RealtimeHarness.StaffPassword)));
        await SendAsync(socket, $$$"""{"msg":"method","method":"login","params":[{"user":{"username":"{{{username}}}"},"password":{"digest":"{{{digest}}}","algorithm":"sha-256"}}],"id":"login"}""");
        Assert.Contains("\"result\"", await ReceiveAsync(socket), StringComparison.Ordinal);
        await ReceiveAsync(socket); // updated
        return socket;
    }

    private static async Task SubscribeAsync(WebSocket socket, string id, string publication, string eventName)
    {
        await SendAsync(socket, $$"""{"msg":"sub","id":"{{id}}","name":"{{publication}}","params":["{{eventName}}",{"useCollection":false,"args":[]}]}""");
        Assert.Equal($$"""{"msg":"ready","subs":["{{id}}"]}""", await ReceiveAsync(socket));
    }

    /// <summary>The <c>args</c> of the next <paramref name="count"/> <c>changed</c> frames, by eventName.</summary>
    private static async Task<Dictionary<string, JsonElement>> NextEventsAsync(WebSocket socket, int count)
    {
        var events = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        while (events.Count < count)
        {
            using JsonDocument frame = JsonDocument.Parse(await ReceiveAsync(socket));
            if (frame.RootElement.GetProperty("msg").GetString() == "changed")
            {
                JsonElement fields = frame.RootElement.GetProperty("fields");
                events.Add(fields.GetProperty("eventName").GetString()!, fields.GetProperty("args").Clone());
            }
        }

        return events;
    }

    private static async Task<string> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(RealtimeHarness.Timeout);
        JsonElement frame = await FakeDdpServer.ReceiveAsync(socket, timeout.Token) ?? throw new InvalidOperationException("closed");
        return frame.GetRawText();
    }

    private static Task SendAsync(WebSocket socket, string json) => FakeDdpServer.SendAsync(socket, json, CancellationToken.None);
}
