using System.Net;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>X-RateLimit-* headers read one by one, and the reset turned into a wait with the clock given.</summary>
public sealed class RateLimitInfoTests
{
    private static readonly DateTimeOffset s_reset = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void No_rate_limit_header_gives_null()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-Other", "1");

        Assert.Null(RateLimitInfo.FromHeaders(response.Headers));
    }

    [Fact]
    public void Every_header_is_read()
    {
        using HttpResponseMessage response = WithHeaders(("X-RateLimit-Limit", "10"), ("X-RateLimit-Remaining", "3"), ("X-RateLimit-Reset", s_reset.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(new RateLimitInfo(10, 3, s_reset), RateLimitInfo.FromHeaders(response.Headers));
    }

    [Fact]
    public void Only_the_limit_gives_the_limit_alone()
    {
        using HttpResponseMessage response = WithHeaders(("X-RateLimit-Limit", "10"));

        Assert.Equal(new RateLimitInfo(10, null, null), RateLimitInfo.FromHeaders(response.Headers));
    }

    [Fact]
    public void Only_the_remaining_count_gives_it_alone()
    {
        using HttpResponseMessage response = WithHeaders(("X-RateLimit-Remaining", "0"));

        Assert.Equal(new RateLimitInfo(null, 0, null), RateLimitInfo.FromHeaders(response.Headers));
    }

    [Fact]
    public void Only_the_reset_gives_the_reset_alone()
    {
        using HttpResponseMessage response = WithHeaders(("X-RateLimit-Reset", "0"));

        Assert.Equal(new RateLimitInfo(null, null, DateTimeOffset.UnixEpoch), RateLimitInfo.FromHeaders(response.Headers));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("253402300800000")]
    [InlineData("soon")]
    public void A_reset_that_is_not_a_time_is_left_out(string reset)
    {
        using HttpResponseMessage response = WithHeaders(("X-RateLimit-Limit", "5"), ("X-RateLimit-Reset", reset));

        Assert.Equal(new RateLimitInfo(5, null, null), RateLimitInfo.FromHeaders(response.Headers));
    }

    [Fact]
    public void The_largest_reset_is_kept()
    {
        using HttpResponseMessage response = WithHeaders(("X-RateLimit-Reset", "253402300799999"));

        Assert.Equal(DateTimeOffset.MaxValue.ToUnixTimeMilliseconds(), RateLimitInfo.FromHeaders(response.Headers)!.ResetAt!.Value.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Non_numeric_counts_are_left_out()
    {
        using HttpResponseMessage response = WithHeaders(("X-RateLimit-Limit", "ten"), ("X-RateLimit-Remaining", "3"));

        Assert.Equal(new RateLimitInfo(null, 3, null), RateLimitInfo.FromHeaders(response.Headers));
    }

    [Fact]
    public void Retry_after_is_measured_from_the_injected_clock()
    {
        var clock = new FixedClock(s_reset.AddSeconds(-42));

        var error = new RocketChatRateLimitException("op", new RocketChatError(null, null, null, null), new RateLimitInfo(1, 0, s_reset), clock);

        Assert.Equal(TimeSpan.FromSeconds(42), error.RetryAfter);
        Assert.Equal(s_reset, error.ResetAt);
    }

    [Fact]
    public void A_reset_already_past_by_the_injected_clock_waits_zero()
    {
        var clock = new FixedClock(s_reset.AddSeconds(1));

        var error = new RocketChatRateLimitException("op", new RocketChatError(null, null, null, null), new RateLimitInfo(1, 0, s_reset), clock);

        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
    }

    [Fact]
    public void A_reset_exactly_now_waits_zero()
    {
        var error = new RocketChatRateLimitException("op", new RocketChatError(null, null, null, null), new RateLimitInfo(1, 0, s_reset), new FixedClock(s_reset));

        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
    }

    private static HttpResponseMessage WithHeaders(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        foreach ((string name, string value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
