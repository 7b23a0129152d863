using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests;

/// <summary>Numbers and text a server should never send still end in the documented typed exceptions.</summary>
public sealed class OutOfRangeValueTests : IAsyncLifetime
{
    private readonly FaultServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private LivechatClient Client => LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = _server.BaseAddress });

    [Theory]
    [InlineData("99999999999999999")]
    [InlineData("-1")]
    [InlineData("-99999999999999999")]
    [InlineData("9223372036854775807")]
    [InlineData("-9223372036854775808")]
    [InlineData("253402300800000")]
    public async Task An_unreadable_rate_limit_reset_leaves_the_reset_unknown(string reset)
    {
        _server.Reply(Faults.Json("""{"success":false,"error":"Error, too many requests. [error-too-many-requests]"}""", 429,
            ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", reset)));

        var ex = await Assert.ThrowsAsync<RocketChatRateLimitException>(() => Client.Visitors.GetVisitorAsync("tok"));

        Assert.Null(ex.ResetAt);
        Assert.Equal(TimeSpan.Zero, ex.RetryAfter);
        Assert.Equal(5, ex.RateLimit!.Limit);
    }

    [Fact]
    public async Task The_last_representable_reset_is_still_read()
    {
        _server.Reply(Faults.Json("{}", 429, ("X-RateLimit-Reset", "253402300799999")));

        var ex = await Assert.ThrowsAsync<RocketChatRateLimitException>(() => Client.Visitors.GetVisitorAsync("tok"));

        Assert.Equal(DateTimeOffset.MaxValue.ToUnixTimeMilliseconds(), ex.ResetAt!.Value.ToUnixTimeMilliseconds());
    }

    [Theory]
    [InlineData("99999999999999999")]
    [InlineData("-99999999999999999")]
    [InlineData("9223372036854775807")]
    [InlineData("1e300")]
    [InlineData("1.5")]
    [InlineData("""{"$date":99999999999999999}""")]
    [InlineData("""{"$date":-9223372036854775808}""")]
    [InlineData("""{"$date":1e30}""")]
    public async Task A_message_time_out_of_range_is_a_response_exception(string ts)
    {
        _server.Reply(Faults.Json($$$"""{"message":{"_id":"m1","rid":"r1","msg":"hi","ts":{{{ts}}},"u":{"_id":"v1","username":"guest-1"}},"success":true}"""));

        var ex = await Assert.ThrowsAsync<RocketChatResponseException>(() =>
            Client.Messages.SendMessageAsync(new SendMessageRequest { Token = "tok", RoomId = "r1", Text = "hi" }));

        Assert.Contains("date", ex.Message);
    }

    [Fact]
    public async Task A_message_time_in_epoch_milliseconds_within_range_is_read()
    {
        _server.Reply(Faults.Json("""{"message":{"_id":"m1","rid":"r1","msg":"hi","ts":{"$date":1700000000000},"u":{"_id":"v1","username":"guest-1"}},"success":true}"""));

        SendMessageResponse response = await Client.Messages.SendMessageAsync(new SendMessageRequest { Token = "tok", RoomId = "r1", Text = "hi" });

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), response.Message.Timestamp);
    }

    [Fact]
    public async Task Invalid_UTF8_inside_an_error_body_is_an_api_exception_with_the_raw_text()
    {
        byte[] body = [.. "{\"success\":false,\"error\":\"bad "u8, 0xC3, 0x28, 0xFF, .. " [error-x]\"}"u8];
        _server.Reply(Faults.Bytes(body, 400));

        var ex = await Assert.ThrowsAsync<RocketChatApiException>(() => Client.Visitors.GetVisitorAsync("tok"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains("bad", ex.Error);
    }

    [Fact]
    public async Task Invalid_UTF8_inside_a_success_body_is_a_response_exception()
    {
        byte[] body = [.. "{\"visitor\":{\"_id\":\"v"u8, 0xC3, 0x28, .. "\",\"token\":\"t\"},\"success\":true}"u8];
        _server.Reply(Faults.Bytes(body));

        await Assert.ThrowsAsync<RocketChatResponseException>(() => Client.Visitors.GetVisitorAsync("tok"));
    }

    [Fact]
    public async Task A_count_beyond_64_bits_is_a_response_exception()
    {
        // Unformatted integers are long (a 13-digit epoch-ms must fit), so only a value past long.MaxValue is out of range.
        _server.Reply(Faults.Json("""{"inquiries":[],"count":99999999999999999999,"offset":0,"total":0,"success":true}"""));
        LivechatClient client = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = _server.BaseAddress, UserId = "u", AuthToken = "t" });

        await Assert.ThrowsAsync<RocketChatResponseException>(() => client.Inquiries.ListInquiriesAsync());
    }
}
