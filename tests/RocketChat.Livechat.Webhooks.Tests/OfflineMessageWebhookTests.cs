using System.Text.Json;
using RocketChat.Livechat.Webhooks.Tests.Infrastructure;

namespace RocketChat.Livechat.Webhooks.Tests;

/// <summary>The offline form sends LivechatOfflineMessage, with only the form's fields, when its switch is on.</summary>
public sealed class OfflineMessageWebhookTests
{
    private static readonly OfflineMessageRequest s_form = new() { Name = "Maria", Email = "maria@example.com", Message = "Call me back", Department = "Billing" };

    [Fact]
    public async Task The_offline_form_is_delivered_with_only_type_sentAt_visitor_and_message()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();
        await using EmulatorSetup server = await EmulatorSetup.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");
        await admin.Integrations.SaveWebhookIntegrationAsync(new WebhookIntegrationRequest { LivechatWebhookUrl = receiver.WebhookUrl.ToString(), LivechatWebhookOnOfflineMsg = true });

        await server.Anonymous.Messages.SendOfflineMessageAsync(s_form);
        await server.Emulator.WaitForWebhooksAsync();

        (string method, LivechatWebhookEvent received) = Assert.Single(await receiver.Received.WaitForAsync(1));
        Assert.Equal("OnOfflineMessageAsync", method);
        var offline = Assert.IsType<LivechatWebhookEvent<LivechatOfflineMessagePayload>>(received);
        Assert.Equal(("Maria", "maria@example.com", "Call me back"), (offline.Payload.Visitor.Name, offline.Payload.Visitor.Email, offline.Payload.Message));
        Assert.Equal(["type", "sentAt", "visitor", "message"], received.Raw.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["name", "email"], received.Raw.GetProperty("visitor").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.String, received.Raw.GetProperty("sentAt").ValueKind);
        Assert.NotNull(offline.Payload.SentAt);
    }

    [Fact]
    public async Task Nothing_is_sent_while_the_offline_switch_is_off()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();
        await using EmulatorSetup server = await EmulatorSetup.StartAsync();
        await server.ConfigureWebhookAsync(receiver.WebhookUrl, "s3cret");

        await server.Anonymous.Messages.SendOfflineMessageAsync(s_form);
        await server.Emulator.WaitForWebhooksAsync();

        Assert.Empty(server.Emulator.WebhookAttempts);
        Assert.Empty(receiver.Received.All);
    }
}
