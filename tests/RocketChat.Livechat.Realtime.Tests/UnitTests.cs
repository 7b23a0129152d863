using System.Text.Json;
using RocketChat.Livechat.Realtime.Ddp;

namespace RocketChat.Livechat.Realtime.Tests;

/// <summary>The pieces whose rules are easier to pin down alone: backoff, deduplication, error mapping.</summary>
public sealed class UnitTests
{
    [Fact]
    public void Backoff_doubles_up_to_the_cap_and_is_jittered_never_a_fixed_schedule()
    {
        var random = new Random(42);
        TimeSpan initial = TimeSpan.FromSeconds(1), max = TimeSpan.FromSeconds(30);

        TimeSpan[] delays = Enumerable.Range(0, 10).Select(attempt => ReconnectBackoff.Delay(attempt, initial, max, random)).ToArray();
        TimeSpan[] sameAttempt = Enumerable.Range(0, 20).Select(_ => ReconnectBackoff.Delay(3, initial, max, random)).ToArray();

        for (int attempt = 0; attempt < delays.Length; attempt++)
        {
            double ceiling = Math.Min(30, Math.Pow(2, attempt));
            Assert.InRange(delays[attempt].TotalSeconds, ceiling / 2, ceiling);
        }

        Assert.True(sameAttempt.Distinct().Count() > 10, "Jitter spreads retries of the same attempt.");
        Assert.All(Enumerable.Range(10, 20), attempt => Assert.True(ReconnectBackoff.Delay(attempt, initial, max, random) <= max));
    }

    [Fact]
    public void Deduplication_delivers_a_message_once_and_its_edit_once_more()
    {
        var deduplicator = new MessageDeduplicator();
        DateTimeOffset ts = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
        var original = new Message { Id = "m1", Timestamp = ts, UpdatedAt = ts };
        var edited = original with { UpdatedAt = ts.AddSeconds(5), Text = "edited" };

        Assert.Equal(DeliveryVerdict.New, deduplicator.Observe(original));
        Assert.Equal(DeliveryVerdict.Duplicate, deduplicator.Observe(original));
        Assert.Equal(DeliveryVerdict.Edited, deduplicator.Observe(edited));
        Assert.Equal(DeliveryVerdict.Duplicate, deduplicator.Observe(edited));
        Assert.Equal(DeliveryVerdict.Duplicate, deduplicator.Observe(original)); // An older version never goes back out.
        Assert.Equal(ts, deduplicator.NewestTimestamp);
    }

    [Theory]
    [InlineData("""{"error":"too-many-requests","reason":"slow down","details":{"timeToReset":7250}}""", typeof(RealtimeRateLimitException), "too-many-requests")]
    [InlineData("""{"error":"totp-invalid","reason":"TOTP Invalid","details":{"method":"email"}}""", typeof(RealtimeTwoFactorException), "totp-invalid")]
    [InlineData("""{"error":"not-allowed","reason":"Not allowed"}""", typeof(RealtimeServerException), "not-allowed")]
    [InlineData("""{"error":500,"reason":"Internal server error"}""", typeof(RealtimeServerException), "500")]
    public void Meteor_errors_become_typed_exceptions_with_the_servers_code(string json, Type expected, string code)
    {
        using JsonDocument error = JsonDocument.Parse(json);

        RealtimeServerException exception = DdpErrors.ToException("op", error.RootElement);

        Assert.IsType(expected, exception);
        Assert.Equal(code, exception.Error);
        if (exception is RealtimeRateLimitException limited)
        {
            Assert.Equal(TimeSpan.FromMilliseconds(7250), limited.TimeToReset);
        }

        if (exception is RealtimeTwoFactorException twoFactor)
        {
            Assert.True(twoFactor.IsCodeInvalid);
            Assert.Equal("email", twoFactor.Method);
        }
    }
}
