using System.Net;
using System.Text;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>
/// Requests as a hand-written HTTP client following the Rocket.Chat REST docs sends them: scalar or bracketed
/// arrays, numbers and booleans as query strings, loosely formatted JSON and form bodies.
/// </summary>
public sealed class PlainHttpClientTests
{
    [Theory]
    [InlineData("agents={0}")]
    [InlineData("agents[]={0}")]
    [InlineData("agents[0]={0}")]
    public async Task Agents_may_be_sent_as_a_scalar_or_an_array(string query)
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        (_, LivechatRoom room) = await server.StartChatAsync();
        string agentOne = await server.UserIdAsync("agent.one");

        ApiResponse response = await server.GetAsync($"/api/v1/livechat/rooms?{string.Format(System.Globalization.CultureInfo.InvariantCulture, query, agentOne)}", asUser: "agent.one");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(room.Id, response.Body.GetProperty("rooms")[0].GetProperty("_id").GetString());
    }

    [Fact]
    public async Task Repeated_keys_tags_scalars_and_string_flags_and_numbers_are_understood()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        (_, LivechatRoom first) = await server.StartChatAsync();
        (_, LivechatRoom second) = await server.StartChatAsync();
        string agentOne = await server.UserIdAsync("agent.one");
        string agentTwo = await server.UserIdAsync("agent.two");
        await server.PostAsync("/api/v1/livechat/room.closeByUser", $$"""{ "rid": "{{first.Id}}", "tags": ["vip"] }""", asUser: "manager");

        ApiResponse both = await server.GetAsync($"/api/v1/livechat/rooms?agents={agentOne}&agents={agentTwo}", asUser: "manager");
        ApiResponse tagged = await server.GetAsync("/api/v1/livechat/rooms?tags=vip", asUser: "manager");
        ApiResponse open = await server.GetAsync("/api/v1/livechat/rooms?open=true&count=1&offset=0", asUser: "manager");
        ApiResponse openAsT = await server.GetAsync("/api/v1/livechat/rooms?open=t", asUser: "manager");
        ApiResponse queuedAsT = await server.GetAsync("/api/v1/livechat/rooms?queued=t", asUser: "manager");
        ApiResponse available = await server.GetAsync("/api/v1/livechat/users/agent?onlyAvailable=true&showIdleAgents=false&count=5", asUser: "manager");

        Assert.Equal(2, both.Body.GetProperty("total").GetInt32());
        Assert.Equal(first.Id, tagged.Body.GetProperty("rooms")[0].GetProperty("_id").GetString());
        Assert.Equal(1, open.Body.GetProperty("count").GetInt32());
        Assert.Equal(second.Id, open.Body.GetProperty("rooms")[0].GetProperty("_id").GetString());
        Assert.Equal(2, openAsT.Body.GetProperty("total").GetInt32()); // open filters only on exactly "true" or "false"
        Assert.Equal(0, queuedAsT.Body.GetProperty("total").GetInt32()); // queued takes "t" for true
        Assert.Equal(2, available.Body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Loosely_formatted_json_and_missing_content_types_are_accepted()
    {
        await using var server = await EmulatorHarness.StartAsync();
        const string body = "\n\t {\n  \"visitor\" :   {\n    \"token\" : \"spaced-token\" ,\n    \"name\" : \"Spacey\"\n  }\n}\n\n";

        ApiResponse json = await server.PostAsync("/api/v1/livechat/visitor", body);
        ApiResponse untyped = await server.SendAsync(HttpMethod.Post, "/api/v1/livechat/visitor", configure: request =>
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"visitor":{"token":"untyped"}}""")));

        Assert.Equal(HttpStatusCode.OK, json.Status);
        Assert.Equal("Spacey", json.Body.GetProperty("visitor").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, untyped.Status);
    }

    [Fact]
    public async Task Form_encoded_bodies_work_like_json()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        ApiResponse response = await server.SendAsync(HttpMethod.Post, "/api/v1/livechat/message", configure: request =>
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = visitor.Token, ["rid"] = room.Id, ["msg"] = "from a form" }));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("from a form", response.Body.GetProperty("message").GetProperty("msg").GetString());
    }

    [Fact]
    public async Task Numbers_sent_for_strings_are_coerced_and_malformed_json_is_refused()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        ApiResponse coerced = await server.PostAsync("/api/v1/livechat/message", $$"""{ "token": "{{visitor.Token}}", "rid": "{{room.Id}}", "msg": 42 }""");
        ApiResponse malformed = await server.PostAsync("/api/v1/livechat/message", """{ "token": """);

        Assert.Equal(HttpStatusCode.OK, coerced.Status);
        Assert.Equal("42", coerced.Body.GetProperty("message").GetProperty("msg").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.False(malformed.Body.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Dates_are_iso_strings_in_utc_with_milliseconds()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        ApiResponse response = await server.GetAsync($"/api/v1/livechat/room?token={visitor.Token}");

        var json = response.Body.GetProperty("room");
        Assert.Equal(room.Id, json.GetProperty("_id").GetString());
        foreach (string field in new[] { "ts", "_updatedAt" })
        {
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", json.GetProperty(field).GetString());
        }
    }
}
