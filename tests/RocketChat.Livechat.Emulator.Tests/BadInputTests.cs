using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>
/// Input a careless or hostile client sends: every one gets the JSON answer the server gives (a 400 in the API's error
/// shape, or the value JSON.parse makes of it), never a 500 with an empty body.
/// </summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task A_key_given_twice_keeps_its_last_value_as_json_parse_does()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/visitor", """{"visitor":{"token":"first","name":"Ann","token":"second"}}""");
        ApiResponse sorted = await server.GetAsync("""/api/v1/livechat/rooms?sort={"ts":1,"ts":-1}""", asUser: "manager");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("second", response.Body.GetProperty("visitor").GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, sorted.Status);
    }

    [Fact]
    public async Task A_lone_surrogate_escape_is_stored_as_the_replacement_character()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        ApiResponse sent = await server.PostAsync("/api/v1/livechat/message", $$"""{"token":"{{visitor.Token}}","rid":"{{room.Id}}","msg":"a\ud800b\udc00c\ud83d\ude00"}""");
        ApiResponse named = await server.PostAsync("/api/v1/livechat/visitor", """{"visitor":{"token":"surrogate","name":"\udfff"}}""");

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Equal("a\uFFFDb\uFFFDc\U0001F600", sent.Body.GetProperty("message").GetProperty("msg").GetString());
        Assert.Equal(HttpStatusCode.OK, named.Status);
        Assert.Equal("\uFFFD", named.Body.GetProperty("visitor").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Invalid_utf8_in_a_string_is_decoded_with_replacement_characters_as_node_does()
    {
        await using var server = await EmulatorHarness.StartAsync();
        byte[] body = [.. "{\"visitor\":{\"token\":\"bytes\",\"name\":\"a"u8, 0xFF, 0xFE, .. "b\"}}"u8];

        ApiResponse response = await server.SendAsync(HttpMethod.Post, "/api/v1/livechat/visitor", configure: request =>
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") } });

        byte[] badKey = [.. "{\"visitor\":{\"token\":\"key\",\"x"u8, 0xFF, .. "\":1,\"\\ud800\":2}}"u8];
        ApiResponse key = await server.SendAsync(HttpMethod.Post, "/api/v1/livechat/visitor", configure: request =>
            request.Content = new ByteArrayContent(badKey) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") } });
        ApiResponse query = await server.GetAsync("/api/v1/livechat/rooms?roomName=%FF%FE&sort=%7B%22%5Cud800%22%3A1%7D", asUser: "manager");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.StartsWith("a\uFFFD", response.Body.GetProperty("visitor").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, key.Status);
        Assert.Equal(HttpStatusCode.OK, query.Status);
    }

    [Theory]
    [InlineData("count=-2147483648")]
    [InlineData("count=-1e20")]
    [InlineData("count=1e400")]
    [InlineData("count=-Infinity")]
    [InlineData("count=NaN")]
    [InlineData("offset=99999999999")]
    public async Task Paging_numbers_no_integer_holds_are_a_400(string query)
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse rooms = await server.GetAsync($"/api/v1/livechat/rooms?{query}", asUser: "manager");
        ApiResponse inquiries = await server.GetAsync($"/api/v1/livechat/inquiries.list?{query}", asUser: "manager");

        foreach (ApiResponse response in new[] { rooms, inquiries })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.False(response.Body.GetProperty("success").GetBoolean());
            Assert.Equal("invalid-params", response.Text("errorType"));
        }
    }

    [Theory]
    [InlineData("limit=-2147483648")]
    [InlineData("limit=-1e20")]
    [InlineData("limit=-Infinity")]
    [InlineData("limit=NaN")]
    public async Task History_limits_no_integer_holds_are_a_400(string query)
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        ApiResponse response = await server.GetAsync($"/api/v1/livechat/messages.history/{room.Id}?token={visitor.Token}&{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid-params", response.Text("errorType"));
    }

    [Fact]
    public async Task Paging_at_the_edges_of_the_integer_range_still_answers()
    {
        await using var server = await EmulatorHarness.StartAsync();
        await server.StartChatAsync();

        ApiResponse response = await server.GetAsync("/api/v1/livechat/rooms?count=-2147483647&offset=2147483647", asUser: "manager");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, response.Body.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_message_longer_than_Message_MaxAllowedSize_is_refused_with_the_servers_error()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        ApiResponse atLimit = await server.PostAsync("/api/v1/livechat/message", $$"""{"token":"{{visitor.Token}}","rid":"{{room.Id}}","msg":"{{new string('a', 5000)}}"}""");
        ApiResponse overLimit = await server.PostAsync("/api/v1/livechat/message", $$"""{"token":"{{visitor.Token}}","rid":"{{room.Id}}","msg":"{{new string('a', 5001)}}"}""");

        Assert.Equal(HttpStatusCode.OK, atLimit.Status);
        overLimit.ShouldBe(HttpStatusCode.BadRequest, """
            {
              "success": false,
              "error": "Message size exceeds Message_MaxAllowedSize [error-message-size-exceeded]",
              "errorType": "error-message-size-exceeded",
              "details": { "method": "sendMessage" }
            }
            """);
    }

    [Fact]
    public async Task An_agent_message_longer_than_the_setting_is_refused_too()
    {
        await using var server = await EmulatorHarness.StartAsync(options =>
        {
            options.RoutingMethod = RoutingMethod.AutoSelection;
            options.MessageMaxAllowedSize = 10;
        });
        (_, LivechatRoom room) = await server.StartChatAsync();
        string agent = room.ServedBy!.Username!;

        ApiResponse response = await server.PostAsync("/api/v1/chat.sendMessage", $$"""{"message":{"rid":"{{room.Id}}","msg":"01234567890"} }""", asUser: agent);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("error-message-size-exceeded", response.Text("errorType"));
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_logged_json_500_never_an_empty_body()
    {
        var clock = new FailingTimeProvider();
        var log = new RecordingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(log));
        await using var server = await EmulatorHarness.StartAsync(options =>
        {
            options.TimeProvider = clock;
            options.LoggerFactory = loggerFactory;
        });
        clock.Fail = true;

        ApiResponse response = await server.PostAsync("/api/v1/livechat/visitor", """{"visitor":{"token":"any"}}""");

        response.ShouldBe(HttpStatusCode.InternalServerError, """{ "success": false, "error": "Internal server error" }""");
        Assert.Contains(log.Entries, entry => entry.Level == LogLevel.Error && entry.Exception is InvalidOperationException && entry.Message.Contains("/api/v1/livechat/visitor", StringComparison.Ordinal));
    }

    private sealed class FailingTimeProvider : TimeProvider
    {
        public bool Fail { get; set; }

        public override DateTimeOffset GetUtcNow() => Fail ? throw new InvalidOperationException("The clock broke.") : base.GetUtcNow();
    }
}
