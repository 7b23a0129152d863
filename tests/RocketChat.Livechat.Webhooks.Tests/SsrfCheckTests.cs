using System.Text.Json;
using RocketChat.Livechat.Emulator;
using RocketChat.Livechat.Webhooks.Tests.Infrastructure;

namespace RocketChat.Livechat.Webhooks.Tests;

/// <summary>
/// The SSRF check of newer servers: webhooks to private, loopback, link-local and reserved addresses are refused
/// unless SSRF_Allowlist lists the host; webhook.test bypasses it. The emulator's default allow-list is the loopback names.
/// </summary>
public sealed class SsrfCheckTests
{
    private const string Refused = "error-ssrf-validation-failed";

    [Fact]
    public async Task With_an_empty_allowlist_a_loopback_receiver_is_refused_and_never_called()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();
        await using EmulatorSetup server = await EmulatorSetup.StartAsync(options => options.SsrfAllowlist = "");
        await StartWebhookAsync(server, receiver.WebhookUrl.ToString(), timeoutMilliseconds: 50);

        await server.StartChatAsync("Ada");
        await server.Emulator.WaitForWebhooksAsync();

        IReadOnlyList<WebhookDeliveryAttempt> attempts = server.Emulator.WebhookAttempts;
        Assert.Equal([1, 2, 3, 4, 5], attempts.Select(a => a.Attempt));
        Assert.All(attempts, attempt => Assert.Equal((null, Refused), (attempt.StatusCode, attempt.Error)));
        Assert.Empty(receiver.Received.All);
    }

    [Theory]
    [InlineData("http://10.20.30.40:9/hook")]
    [InlineData("http://172.20.0.1:9/hook")]
    [InlineData("http://192.168.1.10:9/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://100.64.0.1:9/hook")]
    [InlineData("http://0.0.0.0:9/hook")]
    [InlineData("http://[fd12:3456::1]:9/hook")]
    [InlineData("http://[fe80::1]:9/hook")]
    [InlineData("http://[::ffff:127.0.0.1]:9/hook")]
    [InlineData("http://localhost:9/hook")]
    public async Task Private_and_reserved_addresses_are_refused_before_any_connection(string url)
    {
        await using EmulatorSetup server = await EmulatorSetup.StartAsync(options => options.SsrfAllowlist = "");
        await StartWebhookAsync(server, url, timeoutMilliseconds: 50);

        await server.StartChatAsync("Ada");
        await server.Emulator.WaitForWebhooksAsync();

        Assert.All(server.Emulator.WebhookAttempts, attempt => Assert.Equal(Refused, attempt.Error));
        Assert.NotEmpty(server.Emulator.WebhookAttempts);
    }

    [Fact]
    public async Task A_range_written_to_the_SSRF_Allowlist_setting_lets_the_receiver_through()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();
        await using EmulatorSetup server = await EmulatorSetup.StartAsync(options => options.SsrfAllowlist = "");
        LivechatClient admin = await StartWebhookAsync(server, receiver.WebhookUrl.ToString());

        await admin.Integrations.SaveSettingAsync("SSRF_Allowlist", new SaveSettingRequest { Value = JsonDocument.Parse("\"crm.internal, 127.0.0.0/8\"").RootElement });
        await server.StartChatAsync("Ada");
        await server.Emulator.WaitForWebhooksAsync();

        (string method, _) = Assert.Single(await receiver.Received.WaitForAsync(1));
        Assert.Equal("OnSessionStartAsync", method);
        Assert.Equal((1, 200), (server.Emulator.WebhookAttempts.Single().Attempt, server.Emulator.WebhookAttempts.Single().StatusCode));
    }

    [Fact]
    public async Task The_default_allowlist_lets_a_loopback_receiver_through()
    {
        Assert.Equal("localhost,127.0.0.1,::1", new EmulatorOptions().SsrfAllowlist);
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();
        await using EmulatorSetup server = await EmulatorSetup.StartAsync();
        await StartWebhookAsync(server, receiver.WebhookUrl.ToString());

        await server.StartChatAsync("Ada");
        await server.Emulator.WaitForWebhooksAsync();

        Assert.Single(await receiver.Received.WaitForAsync(1));
    }

    [Fact]
    public async Task The_test_endpoint_skips_the_check()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();
        await using EmulatorSetup server = await EmulatorSetup.StartAsync(options => options.SsrfAllowlist = "");
        LivechatClient admin = await StartWebhookAsync(server, receiver.WebhookUrl.ToString());

        await admin.Integrations.TestWebhookAsync();

        Assert.Single(await receiver.Received.WaitForAsync(1));
    }

    /// <summary>Points the webhook at <paramref name="url"/> with only the session-start switch; refused deliveries use a short timeout, so their retries (timeout x 4 apart) are quick.</summary>
    private static async Task<LivechatClient> StartWebhookAsync(EmulatorSetup server, string url, int timeoutMilliseconds = 2000)
    {
        LivechatClient admin = await server.ClientAsync("admin");
        await admin.Integrations.SaveWebhookIntegrationAsync(new WebhookIntegrationRequest
        {
            LivechatWebhookUrl = url, LivechatHttpTimeout = timeoutMilliseconds, LivechatWebhookOnStart = true,
        });
        return admin;
    }
}
