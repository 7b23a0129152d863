using System.Net;
using System.Security.Cryptography;
using System.Text;
using RocketChat.Livechat.Webhooks.Tests.Infrastructure;

namespace RocketChat.Livechat.Webhooks.Tests;

/// <summary>The server retries with identical bodies: the idempotency key (SHA-256 of the body) recognises a repeat.</summary>
public sealed class IdempotencyTests
{
    [Fact]
    public async Task A_repeated_body_has_the_same_key_and_is_marked_as_a_repeat()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();
        string body = Payloads.Room("Message");

        await receiver.PostAsync(body);
        await receiver.PostAsync(body);
        await receiver.PostAsync(Payloads.Room("Message", ""","other":1"""));

        var events = (await receiver.Received.WaitForAsync(3)).Select(e => e.Event).ToList();
        string expectedKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(expectedKey, events[0].IdempotencyKey);
        Assert.Equal(expectedKey, events[1].IdempotencyKey);
        Assert.False(events[0].IsRepeat);
        Assert.True(events[1].IsRepeat);
        Assert.NotEqual(expectedKey, events[2].IdempotencyKey);
        Assert.False(events[2].IsRepeat);
    }

    [Fact]
    public async Task With_SkipRepeats_a_repeat_is_answered_200_and_not_handled_again()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(options => options.SkipRepeats = true);
        string body = Payloads.Room("Message");

        using HttpResponseMessage first = await receiver.PostAsync(body);
        await receiver.Received.WaitForAsync(1);
        using HttpResponseMessage second = await receiver.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await Task.Delay(200);
        Assert.Single(receiver.Received.All);
    }

    [Fact]
    public async Task Only_a_bounded_number_of_recent_keys_is_remembered()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(options => options.RecentKeyCapacity = 2);

        await receiver.PostAsync(Payloads.Room("Message", ""","n":1"""));
        await receiver.PostAsync(Payloads.Room("Message", ""","n":2"""));
        await receiver.PostAsync(Payloads.Room("Message", ""","n":3"""));
        await receiver.PostAsync(Payloads.Room("Message", ""","n":1"""));
        await receiver.PostAsync(Payloads.Room("Message", ""","n":3"""));

        var events = (await receiver.Received.WaitForAsync(5)).Select(e => e.Event.IsRepeat).ToList();
        Assert.Equal([false, false, false, false, true], events);
    }

    [Fact]
    public async Task An_inline_handler_failure_answers_500_and_the_retry_is_not_taken_for_a_repeat()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(options => options.DeliveryMode = LivechatWebhookDeliveryMode.Inline);
        int calls = 0;
        var seen = new List<(string Key, bool IsRepeat)>();
        receiver.Received.OnEach = (webhook, _) =>
        {
            lock (seen)
            {
                seen.Add((webhook.IdempotencyKey, webhook.IsRepeat));
            }

            return Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("CRM down") : Task.CompletedTask;
        };
        string body = Payloads.Room("Message");

        using HttpResponseMessage failed = await receiver.PostAsync(body);
        using HttpResponseMessage retried = await receiver.PostAsync(body);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(2, seen.Count);
        Assert.Equal(seen[0].Key, seen[1].Key);
        Assert.False(seen[1].IsRepeat);
        Assert.Contains(receiver.Logs.Messages, line => line.Contains("answered 500", StringComparison.Ordinal));
    }
}
