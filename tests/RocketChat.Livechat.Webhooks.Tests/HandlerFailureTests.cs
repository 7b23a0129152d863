using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RocketChat.Livechat.Webhooks.Tests.Infrastructure;

namespace RocketChat.Livechat.Webhooks.Tests;

/// <summary>In the background, a failing handler fails its one event, logged with its key; the queue goes on with the next.</summary>
public sealed class HandlerFailureTests
{
    [Fact]
    public async Task A_handler_that_throws_is_logged_and_the_next_event_is_handled()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();
        int calls = 0;
        receiver.Received.OnEach = (_, _) => Interlocked.Increment(ref calls) == 1
            ? throw new InvalidOperationException("the CRM is down")
            : Task.CompletedTask;

        using HttpResponseMessage first = await receiver.PostAsync(Payloads.Room("Message", ""","n":1"""));
        using HttpResponseMessage second = await receiver.PostAsync(Payloads.Room("Message", ""","n":2"""));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(await receiver.Received.WaitForAsync(1));
        Assert.Contains(receiver.Logs.Messages, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("handler failed on a Message event (key ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_handler_whose_constructor_throws_fails_that_event_logged_and_the_worker_goes_on()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(register: services =>
        {
            services.AddSingleton<ConstructorFailures>();
            services.AddRocketChatLivechatWebhooks<FlakyConstructedHandler>();
        });

        using HttpResponseMessage first = await receiver.PostAsync(Payloads.Room("Message", ""","n":1"""));
        using HttpResponseMessage second = await receiver.PostAsync(Payloads.Room("Message", ""","n":2"""));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        (string method, LivechatWebhookEvent handled) = Assert.Single(await receiver.Received.WaitForAsync(1));
        Assert.Equal(2, handled.Raw.GetProperty("n").GetInt32());
        Assert.Contains(receiver.Logs.Messages, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("handler failed on a Message event (key ", StringComparison.Ordinal));
    }

    /// <summary>Counts constructions, so the first one can fail (a dependency not ready yet, say).</summary>
    public sealed class ConstructorFailures
    {
        public int Constructed;
    }

    /// <summary>A handler whose first construction throws; later ones record what they receive.</summary>
    public sealed class FlakyConstructedHandler : ILivechatWebhookHandler
    {
        private readonly ReceivedEvents _received;

        public FlakyConstructedHandler(ConstructorFailures failures, ReceivedEvents received)
        {
            if (Interlocked.Increment(ref failures.Constructed) == 1)
            {
                throw new InvalidOperationException("the CRM connection is not ready");
            }

            _received = received;
        }

        public ValueTask OnMessageAsync(LivechatWebhookEvent<LivechatWebhookRoomPayload> webhook, CancellationToken cancellationToken) =>
            new(_received.Add(nameof(OnMessageAsync), webhook, cancellationToken));
    }
}
