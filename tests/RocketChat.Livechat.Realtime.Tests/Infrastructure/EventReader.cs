namespace RocketChat.Livechat.Realtime.Tests.Infrastructure;

/// <summary>Reads a subscription's events one at a time, every wait bounded by <see cref="RealtimeHarness.Timeout"/> (no sleeps).</summary>
public sealed class EventReader<T> : IAsyncDisposable
{
    private readonly CancellationTokenSource _timeout = new(RealtimeHarness.Timeout);
    private readonly IAsyncEnumerator<T> _events;

    public EventReader(IAsyncEnumerable<T> events)
    {
        _events = events.GetAsyncEnumerator(_timeout.Token);
    }

    /// <summary>The next event; fails the test when the stream ends or nothing comes in time.</summary>
    public async Task<T> NextAsync()
    {
        _timeout.CancelAfter(RealtimeHarness.Timeout);
        Assert.True(await _events.MoveNextAsync(), "The subscription ended before the expected event.");
        return _events.Current;
    }

    /// <summary>The next event of type <typeparamref name="TEvent"/> matching <paramref name="predicate"/>, skipping others.</summary>
    public async Task<TEvent> NextAsync<TEvent>(Func<TEvent, bool>? predicate = null)
        where TEvent : T
    {
        while (true)
        {
            if (await NextAsync() is TEvent match && (predicate is null || predicate(match)))
            {
                return match;
            }
        }
    }

    /// <summary>Whether the enumeration ends (returns false) rather than yielding another event.</summary>
    public async Task<bool> EndsAsync()
    {
        _timeout.CancelAfter(RealtimeHarness.Timeout);
        return !await _events.MoveNextAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _events.DisposeAsync();
        _timeout.Dispose();
    }
}
