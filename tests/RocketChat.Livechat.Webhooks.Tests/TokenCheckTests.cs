using System.Net;
using RocketChat.Livechat.Webhooks.Tests.Infrastructure;

namespace RocketChat.Livechat.Webhooks.Tests;

/// <summary>X-RocketChat-Livechat-Token: refused when missing or wrong once a secret is set, compared in constant time.</summary>
public sealed class TokenCheckTests
{
    private const string Secret = "s3cret-token";

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "missing")]
    [InlineData("", HttpStatusCode.Unauthorized, "wrong")]
    [InlineData("s3cret-tokeX", HttpStatusCode.Unauthorized, "wrong")]
    [InlineData(Secret, HttpStatusCode.OK, null)]
    public async Task With_a_secret_only_the_right_token_is_accepted(string? token, HttpStatusCode expected, string? problem)
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(options => options.SecretToken = Secret);

        using HttpResponseMessage response = await receiver.PostAsync(Payloads.Room("Message"), token);

        Assert.Equal(expected, response.StatusCode);
        if (problem is not null)
        {
            Assert.Contains(problem, await response.Content.ReadAsStringAsync());
            Assert.Contains(receiver.Logs.Messages, line => line.Contains($"the token is {problem}", StringComparison.Ordinal));
            Assert.DoesNotContain(receiver.Logs.Messages, line => line.Contains(Secret, StringComparison.Ordinal));
            Assert.Empty(receiver.Received.All);
        }
        else
        {
            Assert.Single(await receiver.Received.WaitForAsync(1));
        }
    }

    [Fact]
    public async Task Without_a_secret_any_request_is_accepted()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();

        using HttpResponseMessage response = await receiver.PostAsync(Payloads.Room("Message"), token: "anything");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("s3cret")]               // a prefix: a compare over the shorter length would accept it
    [InlineData("s3cret-token-and-more")] // the secret plus a suffix
    [InlineData("S3CRET-TOKEN")]          // case matters
    [InlineData("s3cret-tokeñ")]          // same length in characters, not in UTF-8 bytes
    public void Near_misses_are_refused(string presented)
    {
        var verifier = new WebhookTokenVerifier(Secret);

        Assert.Equal(WebhookTokenCheck.Wrong, verifier.Check(presented));
        Assert.Equal(WebhookTokenCheck.Accepted, verifier.Check(Secret));
        Assert.Equal(WebhookTokenCheck.Missing, verifier.Check(null));
    }

    [Fact]
    public void The_comparison_runs_over_fixed_length_digests_so_the_secret_length_does_not_show()
    {
        // Both sides are reduced to SHA-256 digests before CryptographicOperations.FixedTimeEquals, which returns
        // early only on a length mismatch: digests always match in length, so every wrong token takes the full compare.
        var verifier = new WebhookTokenVerifier(Secret);
        foreach (string presented in new[] { "x", new string('x', Secret.Length), new string('x', 10_000) })
        {
            Assert.Equal(WebhookTokenCheck.Wrong, verifier.Check(presented));
        }

        Assert.True(new WebhookTokenVerifier(null).IsOpen);
        Assert.True(new WebhookTokenVerifier(string.Empty).IsOpen);
        Assert.False(verifier.IsOpen);
    }
}
