using System.Globalization;
using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>The API rate limiter: per route, method and client address, with X-RateLimit-* headers (reference §3).</summary>
public sealed class RateLimitTests
{
    private static Task<EmulatorHarness> StartLimitedAsync(ManualTimeProvider clock) =>
        EmulatorHarness.StartAsync(options =>
        {
            options.RateLimiterEnabled = true;
            options.TimeProvider = clock;
            options.Users.Add(new EmulatorUser("robot", EmulatorHarness.StaffPassword, "Robot", "bot"));
        });

    [Fact]
    public async Task Visitor_registration_allows_five_calls_a_minute_and_reports_the_window()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartLimitedAsync(clock);
        long resetAt = clock.GetUtcNow().AddMinutes(1).ToUnixTimeMilliseconds();

        var remaining = new List<string?>();
        for (int i = 0; i < 5; i++)
        {
            ApiResponse allowed = await server.PostAsync("/api/v1/livechat/visitor", $$"""{ "visitor": { "token": "t{{i}}" } }""");
            Assert.Equal(HttpStatusCode.OK, allowed.Status);
            Assert.Equal("5", allowed.Header("X-RateLimit-Limit"));
            Assert.Equal(resetAt.ToString(CultureInfo.InvariantCulture), allowed.Header("X-RateLimit-Reset"));
            remaining.Add(allowed.Header("X-RateLimit-Remaining"));
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        ApiResponse limited = await server.PostAsync("/api/v1/livechat/visitor", """{ "visitor": { "token": "t5" } }""");

        Assert.Equal(["4", "3", "2", "1", "0"], remaining);
        limited.ShouldBe(HttpStatusCode.TooManyRequests, """
            { "success": false, "error": "Error, too many requests. Please slow down. You must wait 30 seconds before trying this endpoint again. [error-too-many-requests]" }
            """);
        Assert.Equal("0", limited.Header("X-RateLimit-Remaining"));
        Assert.Equal(resetAt.ToString(CultureInfo.InvariantCulture), limited.Header("X-RateLimit-Reset"));
        Assert.Null(limited.Header("Retry-After"));
    }

    [Fact]
    public async Task The_window_resets_after_a_minute()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartLimitedAsync(clock);
        Visitor visitor = await server.RegisterVisitorAsync();
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await server.GetAsync($"/api/v1/livechat/room?token={visitor.Token}")).Status);
        }

        ApiResponse sixth = await server.GetAsync($"/api/v1/livechat/room?token={visitor.Token}");
        clock.Advance(TimeSpan.FromSeconds(61));
        ApiResponse afterWindow = await server.GetAsync($"/api/v1/livechat/room?token={visitor.Token}");

        Assert.Equal(HttpStatusCode.OK, (await server.GetAsync($"/api/v1/livechat/visitor/{visitor.Token}")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.Status);
        Assert.Equal(HttpStatusCode.OK, afterWindow.Status);
        Assert.Equal("4", afterWindow.Header("X-RateLimit-Remaining"));
        Assert.Equal(clock.GetUtcNow().AddMinutes(1).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), afterWindow.Header("X-RateLimit-Reset"));
    }

    [Fact]
    public async Task Other_routes_allow_ten_calls_and_count_separately_per_route_and_client()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartLimitedAsync(clock);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await server.GetAsync("/api/v1/livechat/visitor/unknown")).Status);
        }

        ApiResponse eleventh = await server.GetAsync("/api/v1/livechat/visitor/unknown");
        ApiResponse otherMethod = await server.SendAsync(HttpMethod.Delete, "/api/v1/livechat/visitor/unknown");
        ApiResponse otherClient = await server.SendAsync(HttpMethod.Get, "/api/v1/livechat/visitor/unknown",
            configure: request => request.Headers.Add("X-Real-IP", "203.0.113.7"));

        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.Status);
        Assert.Equal("10", eleventh.Header("X-RateLimit-Limit"));
        Assert.Equal(HttpStatusCode.BadRequest, otherMethod.Status);
        Assert.Equal("9", otherMethod.Header("X-RateLimit-Remaining"));
        Assert.Equal(HttpStatusCode.BadRequest, otherClient.Status);
    }

    [Fact]
    public async Task Admins_and_bots_bypass_the_limit_but_other_staff_do_not()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartLimitedAsync(clock);

        for (int i = 0; i < 12; i++)
        {
            ApiResponse admin = await server.GetAsync("/api/v1/livechat/inquiries.list", asUser: "admin");
            ApiResponse bot = await server.GetAsync("/api/v1/livechat/users/agent?count=1", asUser: "robot");
            Assert.Equal(HttpStatusCode.OK, admin.Status);
            Assert.Null(admin.Header("X-RateLimit-Limit"));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, bot.Status);
            Assert.Null(bot.Header("X-RateLimit-Limit"));
        }

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 11; i++)
        {
            statuses.Add((await server.GetAsync("/api/v1/livechat/inquiries.list", asUser: "manager")).Status);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 10).Append(HttpStatusCode.TooManyRequests), statuses);
    }

    [Fact]
    public async Task Generated_client_raises_RocketChatRateLimitException_with_the_reset_time()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartLimitedAsync(clock);
        DateTimeOffset expectedReset = clock.GetUtcNow().AddMinutes(1);
        for (int i = 0; i < 10; i++)
        {
            await server.GetAsync("/api/v1/livechat/visitor/unknown");
        }

        var error = await Assert.ThrowsAsync<RocketChatRateLimitException>(() => server.Anonymous.Visitors.GetVisitorAsync("unknown"));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(expectedReset, error.ResetAt);
        Assert.InRange(error.RetryAfter, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(61));
        Assert.Equal(10, error.RateLimit?.Limit);
        Assert.Equal(0, error.RateLimit?.Remaining);
        Assert.Null(error.ErrorType);
        Assert.Equal("error-too-many-requests", error.ErrorCode);
    }

    [Fact]
    public async Task Configured_limits_and_window_are_used()
    {
        var clock = new ManualTimeProvider();
        await using var server = await EmulatorHarness.StartAsync(options =>
        {
            options.RateLimiterEnabled = true;
            options.TimeProvider = clock;
            options.DefaultRateLimit = 2;
            options.RateLimitWindow = TimeSpan.FromSeconds(10);
        });

        await server.GetAsync("/api/v1/livechat/visitor/unknown");
        await server.GetAsync("/api/v1/livechat/visitor/unknown");
        ApiResponse third = await server.GetAsync("/api/v1/livechat/visitor/unknown");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Contains("You must wait 10 seconds", third.Text("error"));
    }

    [Fact]
    public async Task Server_info_is_not_rate_limited()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartLimitedAsync(clock);

        for (int i = 0; i < 12; i++)
        {
            ApiResponse info = await server.GetAsync("/api/info");
            Assert.Equal(HttpStatusCode.OK, info.Status);
            Assert.Null(info.Header("X-RateLimit-Remaining"));
        }
    }

    [Fact]
    public async Task Calls_without_credentials_on_authenticated_routes_fail_before_the_limiter()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartLimitedAsync(clock);

        ApiResponse response = await server.GetAsync("/api/v1/livechat/rooms");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Null(response.Header("X-RateLimit-Limit"));
    }
}
