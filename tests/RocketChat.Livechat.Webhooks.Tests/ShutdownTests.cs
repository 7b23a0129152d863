using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RocketChat.Livechat.Webhooks.Tests.Infrastructure;

namespace RocketChat.Livechat.Webhooks.Tests;

/// <summary>
/// Events answered 200 and still queued when the application stops were acknowledged, so the server never sends them
/// again: the worker handles them before stopping, and logs each one it runs out of time for.
/// </summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_handles_the_events_already_queued_before_the_worker_ends()
    {
        ReceiverHost receiver = await ReceiverHost.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Received.OnEach = (_, cancellationToken) =>
        {
            started.TrySetResult();
            return release.Task.WaitAsync(cancellationToken); // a handler that honours cancellation
        };
        for (int n = 1; n <= 3; n++)
        {
            using HttpResponseMessage response = await receiver.PostAsync(Payloads.Room("Message", $$""","n":{{n}}"""));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Task stopping = receiver.DisposeAsync().AsTask();
        await Task.Delay(100);
        release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(3, receiver.Received.All.Count);
        Assert.DoesNotContain(receiver.Logs.Messages, line => line.Contains("stopped before", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_left_when_the_shutdown_timeout_ends_are_each_logged_with_their_key()
    {
        ReceiverHost receiver = await ReceiverHost.StartAsync(register: services =>
        {
            services.AddRocketChatLivechatWebhooks<RecordingHandler>();
            services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromMilliseconds(500));
        });
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Received.OnEach = async (_, cancellationToken) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken); // a handler that only ends when cancelled
        };
        for (int n = 1; n <= 3; n++)
        {
            using HttpResponseMessage response = await receiver.PostAsync(Payloads.Room("Message", $$""","n":{{n}}"""));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await receiver.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        // The two still queued are logged by the time the host stops; the one in flight once its handler gives up.
        string[] Abandoned() => receiver.Logs.Messages.Where(line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("stopped before", StringComparison.Ordinal)).ToArray();
        Assert.True(Abandoned().Length >= 2, string.Join(Environment.NewLine, receiver.Logs.Messages));
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Abandoned().Length < 3)
        {
            await Task.Delay(20, wait.Token);
        }

        string[] abandoned = Abandoned();
        Assert.Equal(3, abandoned.Length);
        Assert.All(abandoned, line => Assert.Contains("Message event (key ", line, StringComparison.Ordinal));
        Assert.Equal(3, abandoned.Distinct().Count());
    }
}
