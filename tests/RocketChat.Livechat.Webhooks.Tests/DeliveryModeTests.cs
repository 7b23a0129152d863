using Microsoft.AspNetCore.Builder;
using System.Net;
using RocketChat.Livechat.Webhooks.Tests.Infrastructure;

namespace RocketChat.Livechat.Webhooks.Tests;

/// <summary>By default the handler runs after the answer, on a bounded queue; inline handling can reply with crmData.</summary>
public sealed class DeliveryModeTests
{
    [Fact]
    public async Task By_default_the_answer_does_not_wait_for_the_handler()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Received.OnEach = (_, _) => release.Task;

        using HttpResponseMessage response = await receiver.PostAsync(Payloads.Room("Message")).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(receiver.Received.All);
        release.SetResult();
        Assert.Single(await receiver.Received.WaitForAsync(1));
    }

    [Fact]
    public async Task When_the_queue_is_full_the_answer_is_503_so_the_server_retries()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(options => options.QueueCapacity = 1);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Received.OnEach = (_, _) =>
        {
            started.TrySetResult();
            return release.Task;
        };

        using HttpResponseMessage first = await receiver.PostAsync(Payloads.Room("Message", ""","n":1"""));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the worker holds event 1; the queue is empty
        using HttpResponseMessage second = await receiver.PostAsync(Payloads.Room("Message", ""","n":2"""));
        using HttpResponseMessage third = await receiver.PostAsync(Payloads.Room("Message", ""","n":3"""));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
        Assert.Contains(receiver.Logs.Messages, line => line.Contains("queue is full", StringComparison.Ordinal));
        release.SetResult();
        Assert.Equal(2, (await receiver.Received.WaitForAsync(2)).Count);
    }

    [Fact]
    public async Task An_inline_handler_can_reply_with_crm_data()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(options => options.DeliveryMode = LivechatWebhookDeliveryMode.Inline);
        receiver.Received.OnEach = (webhook, _) =>
        {
            webhook.ReplyWithCrmData("""{"contactId":"c-42"}""");
            return Task.CompletedTask;
        };

        using HttpResponseMessage response = await receiver.PostAsync(Payloads.Room("LivechatSessionStart"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"contactId":"c-42"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_background_handler_cannot_reply_and_is_told_why()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();
        var failure = new TaskCompletionSource<Exception?>();
        receiver.Received.OnEach = (webhook, _) =>
        {
            failure.TrySetResult(Record.Exception(() => webhook.ReplyWithCrmData("x")));
            return Task.CompletedTask;
        };

        await receiver.PostAsync(Payloads.Room("Message"));

        Exception? error = await failure.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("Inline", Assert.IsType<InvalidOperationException>(error).Message);
    }

    [Fact]
    public async Task Mapping_without_registering_explains_what_is_missing()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using WebApplication app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapRocketChatLivechatWebhook("/hooks"));
        Assert.Contains("AddRocketChatLivechatWebhooks", error.Message);
    }
}
