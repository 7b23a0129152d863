using System.Net;
using System.Text.Json;
using RocketChat.Livechat.Webhooks.Tests.Infrastructure;

namespace RocketChat.Livechat.Webhooks.Tests;

/// <summary>The endpoint reads every event type into its typed handler method, keeps what it does not know, and refuses what it cannot read.</summary>
public sealed class ReceiverEndpointTests
{
    [Theory]
    [MemberData(nameof(Payloads.EveryEventType), MemberType = typeof(Payloads))]
    public async Task Every_event_type_reaches_its_typed_handler_method(string body, string expectedMethod)
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();

        using HttpResponseMessage response = await receiver.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        (string method, LivechatWebhookEvent webhook) = Assert.Single(await receiver.Received.WaitForAsync(1));
        Assert.Equal(expectedMethod, method);
        Assert.Equal(JsonDocument.Parse(body).RootElement.GetProperty("type").GetString(), webhook.Type);
        Assert.False(webhook.IsRepeat);
    }

    [Fact]
    public async Task Typed_payloads_carry_the_room_visitor_agent_and_messages()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();

        await receiver.PostAsync(Payloads.Room("LivechatSession", $$""","servedBy":{{Payloads.ServedBy}},"closedAt":"2024-05-06T07:09:00.000Z","closedBy":{"_id":"a1","username":"agent.one"},"closer":"user" """));

        var closed = Assert.IsType<LivechatWebhookEvent<LivechatSessionPayload>>(Assert.Single(await receiver.Received.WaitForAsync(1)).Event);
        Assert.Equal("r1", closed.Payload.Id);
        Assert.Equal(["ada@example.com"], closed.Payload.Visitor.EmailAddresses);
        Assert.Equal(["+44 20 1234 5678"], closed.Payload.Visitor.PhoneNumbers);
        Assert.Equal("agent.one", closed.Payload.ServedBy!.Username);
        Assert.Equal("agent.one", closed.Payload.ClosedBy!.Username);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 9, 0, TimeSpan.Zero), closed.Payload.ClosedAt);
        LivechatWebhookMessage message = Assert.Single(closed.Payload.Messages);
        Assert.Equal("Hello", message.Msg);
        Assert.Equal("v1", message.U!.Id);
    }

    [Fact]
    public async Task The_answer_is_exactly_200_with_no_body()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();

        using HttpResponseMessage response = await receiver.PostAsync(Payloads.Room("Message"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unknown_event_type_is_answered_200_and_handed_over_with_its_raw_json()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();

        using HttpResponseMessage response = await receiver.PostAsync("""{"type":"LivechatSomethingNew","room":{"_id":"r9"},"count":3}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        (string method, LivechatWebhookEvent webhook) = Assert.Single(await receiver.Received.WaitForAsync(1));
        Assert.Equal("OnUnknownEventAsync", method);
        Assert.Equal("LivechatSomethingNew", webhook.Type);
        Assert.Equal(3, webhook.Raw.GetProperty("count").GetInt32());
        Assert.Equal("r9", webhook.Raw.GetProperty("room").GetProperty("_id").GetString());
    }

    [Fact]
    public async Task Unknown_fields_of_a_known_type_are_kept()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();

        await receiver.PostAsync(Payloads.Room("Message", ""","priority":{"weight":2},"source":"widget" """));

        var message = Assert.IsType<LivechatWebhookEvent<LivechatWebhookRoomPayload>>(Assert.Single(await receiver.Received.WaitForAsync(1)).Event);
        Assert.Equal(2, message.Payload.AdditionalProperties!["priority"].GetProperty("weight").GetInt32());
        Assert.Equal("widget", message.Raw.GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("{\"type\":\"Message\",", "not valid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"_id\":\"r1\"}", "no 'type' field")]
    [InlineData("{\"type\":7}", "'type' field is a JSON Number")]
    [InlineData("{\"type\":\"Message\",\"_id\":\"r1\",\"messages\":[]}", "does not match the contract")]
    [InlineData("{\"type\":\"Message\"} {}", "not valid JSON")]
    public async Task A_malformed_body_is_400_with_a_clear_reason_logged_without_the_token(string body, string reason)
    {
        const string secret = "top-secret-token";
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(options => options.SecretToken = secret);

        using HttpResponseMessage response = await receiver.PostAsync(body, secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.Contains(receiver.Logs.Messages, line => line.Contains("malformed", StringComparison.Ordinal) && line.Contains(reason, StringComparison.Ordinal));
        Assert.DoesNotContain(receiver.Logs.Messages, line => line.Contains(secret, StringComparison.Ordinal));
        Assert.Empty(receiver.Received.All);
    }

    [Fact]
    public async Task A_body_far_larger_than_the_first_buffer_arrives_whole()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(options => options.MaxBodyBytes = 4 * 1024 * 1024);
        string body = Payloads.Room("Message", messages: "[" + string.Join(",", Enumerable.Repeat(Payloads.Message, 3000)) + "]");
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(body), 256 * 1024, 4 * 1024 * 1024);

        using HttpResponseMessage response = await receiver.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        (_, LivechatWebhookEvent webhook) = Assert.Single(await receiver.Received.WaitForAsync(1));
        Assert.Equal(3000, Assert.IsType<LivechatWebhookEvent<LivechatWebhookRoomPayload>>(webhook).Payload.Messages!.Count);
    }

    [Theory]
    [InlineData(10L * 1024 * 1024, 10 * 1024 * 1024, 64 * 1024)]
    [InlineData(int.MaxValue, int.MaxValue, 64 * 1024)]
    [InlineData(100_000L, 1_000_000, 64 * 1024)]
    [InlineData(1_000L, 1_000_000, 1_000)]
    [InlineData(1_000L, 500, 500)]
    [InlineData(0L, 1_000_000, 256)]
    [InlineData(-1L, 1_000_000, 4096)]
    public void A_claimed_length_sizes_the_first_buffer_only_up_to_64_KiB(long claimed, int limit, int expected)
    {
        // A sender that claims a large body and then sends nothing must not make the receiver hold that much memory.
        Assert.Equal(expected, LivechatWebhookEndpoint.FirstBufferSize(claimed, limit));
    }

    [Fact]
    public void Without_a_claimed_length_the_first_buffer_is_4_KiB()
    {
        Assert.Equal(4096, LivechatWebhookEndpoint.FirstBufferSize(null, 1_000_000));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(options => options.MaxBodyBytes = 64);

        using HttpResponseMessage response = await receiver.PostAsync(Payloads.Room("Message"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(receiver.Received.All);
    }
}
