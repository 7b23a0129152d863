using System.Collections.Concurrent;

namespace RocketChat.Livechat.Realtime.Tests.Infrastructure;

/// <summary>
/// Watches a REST client's requests on their way to the emulator: counts them by path, and can hold the ones whose
/// path contains <see cref="HoldPath"/> until their caller cancels (a slow server during a gap fill).
/// </summary>
public sealed class RequestProbe() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    private readonly ConcurrentQueue<string> _paths = new();
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Requests whose path contains this are held until cancelled; null holds none.</summary>
    public string? HoldPath { get; set; }

    /// <summary>Completes when a request was held.</summary>
    public Task Held => _held.Task;

    /// <summary>How many requests had a path containing <paramref name="path"/>.</summary>
    public int Count(string path) => _paths.Count(p => p.Contains(path, StringComparison.Ordinal));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string path = request.RequestUri!.AbsolutePath;
        _paths.Enqueue(path);
        if (HoldPath is { } hold && path.Contains(hold, StringComparison.Ordinal))
        {
            _held.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
