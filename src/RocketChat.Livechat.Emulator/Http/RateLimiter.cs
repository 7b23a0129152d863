namespace RocketChat.Livechat.Emulator.Http;

/// <summary>
/// Meteor's RateLimiter as Rocket.Chat's REST layer uses it: one rule per route and method, counting calls per
/// client address. A rule's window starts when it is first used or reset, and all its counters reset together
/// once the window has passed.
/// </summary>
internal sealed class RateLimiter(TimeProvider clock, TimeSpan window)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Rule> _rules = new(StringComparer.Ordinal);

    /// <summary>Counts one call of <paramref name="client"/> on <paramref name="rule"/> and says whether it may proceed.</summary>
    public RateLimitDecision Hit(string rule, string client, int limit)
    {
        DateTimeOffset now = clock.GetUtcNow();
        lock (_gate)
        {
            if (!_rules.TryGetValue(rule, out Rule? state))
            {
                state = new Rule { WindowStart = now };
                _rules[rule] = state;
            }

            if (now - state.WindowStart > window)
            {
                state.Counts.Clear();
                state.WindowStart = now;
            }

            int calls = state.Counts.GetValueOrDefault(client) + 1;
            state.Counts[client] = calls;
            DateTimeOffset resetAt = state.WindowStart + window;
            return new RateLimitDecision(calls <= limit, limit, Math.Max(0, limit - calls), resetAt, resetAt - now);
        }
    }

    private sealed class Rule
    {
        public DateTimeOffset WindowStart { get; set; }

        public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>The outcome of one rate-limited call, as the X-RateLimit-* headers report it.</summary>
internal readonly record struct RateLimitDecision(bool IsAllowed, int Limit, int Remaining, DateTimeOffset ResetAt, TimeSpan TimeToReset);
