using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RocketChat.Livechat.Webhooks.Tests.Infrastructure;

namespace RocketChat.Livechat.Webhooks.Tests;

/// <summary>The headers the emulator sends, seen by a bare endpoint: the token only when set for events, always for the test.</summary>
public sealed class EmulatorWebhookHeaderTests
{
    [Fact]
    public async Task Events_carry_the_token_only_when_the_secret_is_set_and_the_test_always_carries_it()
    {
        var seen = new ConcurrentQueue<(string Type, string? Token, string ContentType, string Accept)>();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        await using WebApplication bare = builder.Build();
        bare.MapPost("/hook", async context =>
        {
            using var body = await System.Text.Json.JsonDocument.ParseAsync(context.Request.Body);
            string? token = context.Request.Headers.TryGetValue("X-RocketChat-Livechat-Token", out var values) ? values.ToString() : null;
            seen.Enqueue((body.RootElement.GetProperty("type").GetString()!, token, context.Request.ContentType ?? string.Empty, context.Request.Headers.Accept.ToString()));
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        await bare.StartAsync();
        var url = new Uri(bare.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/hook");
        await using EmulatorSetup server = await EmulatorSetup.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");

        await admin.Integrations.SaveWebhookIntegrationAsync(new WebhookIntegrationRequest { LivechatWebhookUrl = url.ToString(), LivechatSecretToken = string.Empty, LivechatWebhookOnStart = true });
        await server.StartChatAsync("Ada");
        await server.Emulator.WaitForWebhooksAsync();
        await admin.Integrations.TestWebhookAsync();
        await admin.Integrations.SaveWebhookIntegrationAsync(new WebhookIntegrationRequest { LivechatSecretToken = "s3cret" });
        await server.StartChatAsync("Bob");
        await server.Emulator.WaitForWebhooksAsync();

        Assert.Equal(
            [
                ("LivechatSessionStart", (string?)null, "application/json", ""),
                ("LivechatSession", "", "application/json", "application/json"),
                ("LivechatSessionStart", "s3cret", "application/json", ""),
            ],
            seen.ToArray());
    }
}
