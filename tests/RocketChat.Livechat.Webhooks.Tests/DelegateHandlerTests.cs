using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RocketChat.Livechat.Webhooks.Tests.Infrastructure;

namespace RocketChat.Livechat.Webhooks.Tests;

/// <summary>Per-event delegates instead of a handler class.</summary>
public sealed class DelegateHandlerTests
{
    [Fact]
    public async Task A_set_delegate_gets_its_typed_event_and_an_unset_one_is_answered_and_ignored()
    {
        var started = new TaskCompletionSource<LivechatSessionStartPayload>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(register: services =>
            services.AddRocketChatLivechatWebhooks(
                on => on.OnSessionStart = (webhook, _) =>
                {
                    started.TrySetResult(webhook.Payload);
                    return ValueTask.CompletedTask;
                },
                options => options.SecretToken = "s"));

        using HttpResponseMessage ignored = await receiver.PostAsync(Payloads.Room("Message"), "s");
        using HttpResponseMessage handled = await receiver.PostAsync(Payloads.Room("LivechatSessionStart", ""","departmentId":"d1" """), "s");

        Assert.Equal(HttpStatusCode.OK, ignored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, handled.StatusCode);
        LivechatSessionStartPayload payload = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("d1", payload.DepartmentId);
        Assert.Equal(["ada@example.com"], payload.Visitor.EmailAddresses);
    }

    [Fact]
    public async Task Inline_delegates_can_reply_with_crm_data()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(register: services =>
            services.AddRocketChatLivechatWebhooks(
                on => on.OnSessionClosed = (webhook, _) =>
                {
                    webhook.ReplyWithCrmData("ticket-7");
                    return ValueTask.CompletedTask;
                },
                options => options.DeliveryMode = LivechatWebhookDeliveryMode.Inline));

        using HttpResponseMessage response = await receiver.PostAsync(Payloads.Room("LivechatSession"));

        Assert.Equal("ticket-7", await response.Content.ReadAsStringAsync());
    }
}
