using System.Net;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>Places where the emulator answered differently from the server's route code (issue 8, point 12).</summary>
public sealed class ServerFidelityTests
{
    [Theory]
    [InlineData("open=true", true, false)]
    [InlineData("open=false", false, true)]
    [InlineData("open=True", true, true)]
    [InlineData("open=1", true, true)]
    [InlineData("open=0", true, true)]
    [InlineData("open=yes", true, true)]
    [InlineData("", true, true)]
    public async Task The_open_filter_applies_only_to_exactly_true_or_false(string query, bool expectOpen, bool expectClosed)
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom open) = await server.StartChatAsync();
        (_, LivechatRoom closed) = await server.StartChatAsync();
        await server.PostAsync("/api/v1/livechat/room.closeByUser", $$"""{ "rid": "{{closed.Id}}" }""", asUser: "manager");

        ApiResponse response = await server.GetAsync($"/api/v1/livechat/rooms?{query}", asUser: "manager");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        List<string?> ids = response.Body.GetProperty("rooms").EnumerateArray().Select(room => room.GetProperty("_id").GetString()).ToList();
        Assert.Equal(expectOpen, ids.Contains(open.Id));
        Assert.Equal(expectClosed, ids.Contains(closed.Id));
    }

    [Fact]
    public async Task Staff_headers_do_not_exempt_the_public_visitor_routes_from_the_rate_limiter()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RateLimiterEnabled = true);

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 7; i++)
        {
            statuses.Add((await server.SendAsync(HttpMethod.Post, "/api/v1/livechat/visitor", $$"""{ "visitor": { "token": "admin-{{i}}" } }""", asUser: "admin")).Status);
        }

        Assert.Equal(5, statuses.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(2, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Staff_with_the_bypass_permission_still_skip_the_limiter_on_authenticated_routes()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RateLimiterEnabled = true);

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 12; i++)
        {
            statuses.Add((await server.GetAsync("/api/v1/livechat/rooms", asUser: "admin")).Status);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Theory]
    [InlineData("GET", "/api/v1/no.such.route")]
    [InlineData("POST", "/api/v1/livechat/nothing-here")]
    [InlineData("PUT", "/api/v1/livechat/visitor")]
    [InlineData("GET", "/api/v2/anything")]
    public async Task An_unknown_route_answers_the_rest_layers_404(string method, string path)
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.SendAsync(new HttpMethod(method), path, method == "GET" ? null : "{}");

        response.ShouldBe(HttpStatusCode.NotFound, """{ "status": "error", "message": "API endpoint does not exist" }""");
    }
}
