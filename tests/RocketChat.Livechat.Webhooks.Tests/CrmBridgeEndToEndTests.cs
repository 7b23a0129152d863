using CrmBridge;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RocketChat.Livechat.Webhooks.Tests.Infrastructure;

namespace RocketChat.Livechat.Webhooks.Tests;

/// <summary>The sample CRM bridge against the emulator over loopback: a whole conversation lands in its transcript, each event once.</summary>
public sealed class CrmBridgeEndToEndTests
{
    [Fact]
    public async Task Start_messages_take_and_close_are_each_delivered_once_into_the_transcript()
    {
        const string secret = "bridge-secret";
        await using WebApplication bridge = CrmBridgeApp.Build(
            ["--hostBuilder:reloadConfigOnChange=false", "--Logging:LogLevel:Default=Warning"], options => options.SecretToken = secret, loopbackPort: 0);
        await bridge.StartAsync();
        var bridgeUrl = new Uri(bridge.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + CrmBridgeApp.WebhookPath);
        await using EmulatorSetup server = await EmulatorSetup.StartAsync();
        await server.ConfigureWebhookAsync(bridgeUrl, secret);

        // Like the server, the emulator posts each event on its own, so two events close together may arrive in
        // either order; waiting for the deliveries after each step makes the transcript's order the test's order.
        (string token, string roomId) = await server.StartChatAsync("Ada");
        await server.Emulator.WaitForWebhooksAsync();
        await server.VisitorSaysAsync(token, roomId, "My order has not arrived");
        await server.Emulator.WaitForWebhooksAsync();
        await server.TakeAsync("agent.one", roomId);
        await server.Emulator.WaitForWebhooksAsync();
        await server.AgentSaysAsync("agent.one", roomId, "Let me check that for you");
        await server.Emulator.WaitForWebhooksAsync();
        await server.VisitorSaysAsync(token, roomId, "Thanks");
        await server.Emulator.WaitForWebhooksAsync();
        await server.CloseAsync("agent.one", roomId);
        await server.Emulator.WaitForWebhooksAsync();

        TranscriptStore transcripts = bridge.Services.GetRequiredService<TranscriptStore>();
        IReadOnlyList<TranscriptEntry> transcript = await WaitForAsync(() => transcripts.Get(roomId), entries => entries.Any(e => e.Kind == "closed"));

        Assert.Equal(
            ["started Ada", "message guest-1: My order has not arrived", "taken agent.one", "message agent.one: Let me check that for you", "message guest-1: Thanks", "closed agent.one"],
            transcript.Select(e => $"{e.Kind} {e.Text}"));

        // Each event was posted once and answered 200 at the first attempt: no retry, no repeat.
        Assert.Equal(
            ["LivechatSession", "LivechatSessionQueued", "LivechatSessionStart", "LivechatSessionTaken", "Message", "Message", "Message", "Message"],
            server.Emulator.WebhookAttempts.Select(a => a.Type).Order());
        Assert.All(server.Emulator.WebhookAttempts, attempt => Assert.Equal((1, 200, false), (attempt.Attempt, attempt.StatusCode ?? 0, attempt.WillRetry)));
        Assert.Equal(8, server.Emulator.WebhookAttempts.Select(a => a.DeliveryId).Distinct().Count());

        using var http = new HttpClient { BaseAddress = bridgeUrl };
        string page = await http.GetStringAsync($"/transcripts/{roomId}");
        Assert.Contains("taken agent.one", page);
    }

    private static async Task<T> WaitForAsync<T>(Func<T> read, Func<T, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            T value = read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
