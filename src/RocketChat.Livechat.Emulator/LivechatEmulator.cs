using Microsoft.AspNetCore.Builder;
using RocketChat.Livechat.Emulator.Hosting;
using RocketChat.Livechat.Emulator.Realtime;
using RocketChat.Livechat.Emulator.Services;
using RocketChat.Livechat.Emulator.State;
using RocketChat.Livechat.Emulator.Webhooks;

namespace RocketChat.Livechat.Emulator;

/// <summary>
/// An in-memory Rocket.Chat server speaking the livechat REST API over HTTP on 127.0.0.1, for tests and local
/// development. It answers like Rocket.Chat 8.x: same routes, bodies, error shapes, permissions and rate limits.
/// All state lives in memory and is lost when the emulator stops.
/// </summary>
public sealed class LivechatEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AccountService _accounts;
    private readonly WebhookSender _webhooks;
    private readonly RealtimeServer _realtime;
    private readonly EmulatorState _state;
    private int _stopped;

    private LivechatEmulator(WebApplication app, EmulatorState state, EmulatorEndpoints endpoints, Uri baseAddress)
    {
        _app = app;
        _state = state;
        _accounts = endpoints.Accounts;
        _webhooks = endpoints.WebhookSender;
        _realtime = endpoints.Realtime;
        BaseAddress = baseAddress;
    }

    /// <summary>The server URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts an emulator; it listens once the returned task completes.</summary>
    public static async Task<LivechatEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        EmulatorOptions settings = Snapshot(options ?? new EmulatorOptions());
        var state = new EmulatorState(settings);
        var endpoints = new EmulatorEndpoints(state);
        endpoints.Accounts.Seed();
        WebApplication app = EmulatorApplication.Build(settings, endpoints);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return new LivechatEmulator(app, state, endpoints, EmulatorApplication.BoundAddress(app));
        }
        catch
        {
            await endpoints.WebhookSender.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs an emulator until <paramref name="cancellationToken"/> is cancelled, as a command-line host would.</summary>
    public static async Task RunAsync(EmulatorOptions options, Action<Uri>? onStarted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using LivechatEmulator emulator = await StartAsync(options, cancellationToken).ConfigureAwait(false);
        onStarted?.Invoke(emulator.BaseAddress);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancellation is the normal way to stop.
        }
    }

    /// <summary>
    /// Logs a user in without HTTP (so it costs no rate-limit budget) and without a second factor, and returns the
    /// pair to send as X-User-Id / X-Auth-Token. Throws <see cref="InvalidOperationException"/> for a wrong username
    /// or password.
    /// </summary>
    public Task<(string UserId, string AuthToken)> LoginAsync(string username, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(password);
        LoginResult result = _accounts.LoginWithPassword(username, email: null, password, passwordIsSha256: false)
            ?? throw new InvalidOperationException($"The emulator has no user '{username}' with that password.");
        return Task.FromResult((result.User.Id, result.AuthToken));
    }

    /// <summary>
    /// The emails the server "sent" so far, oldest first, like a development mail catcher: two-factor codes of users
    /// with <see cref="EmulatorUser.EmailTwoFactor"/>. Each is also logged at Information level.
    /// </summary>
    public IReadOnlyList<EmulatorEmail> SentEmails
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.SentEmails];
            }
        }
    }

    /// <summary>How many realtime (DDP <c>/websocket</c>) connections are open.</summary>
    public int RealtimeConnectionCount => _realtime.SessionCount;

    /// <summary>
    /// Drops every realtime connection at once without a close handshake, as a network failure would, and returns how
    /// many there were. For testing that clients reconnect and lose nothing.
    /// </summary>
    public int DropRealtimeConnections() => _realtime.DropConnections();

    /// <summary>
    /// While true, new realtime connections are refused (HTTP 503 on <c>/websocket</c>) as if the server were out of
    /// reach; REST keeps working. With <see cref="DropRealtimeConnections"/>, a test decides how long a client stays
    /// offline and what happens meanwhile, however slow the machine.
    /// </summary>
    public bool RefuseRealtimeConnections
    {
        get => _realtime.IsRefusingConnections;
        set => _realtime.IsRefusingConnections = value;
    }
    /// <summary>Every POST made to Livechat_webhookUrl so far, retries included, in the order they finished.</summary>
    public IReadOnlyList<WebhookDeliveryAttempt> WebhookAttempts => _webhooks.Attempts;

    /// <summary>Completes when no webhook delivery is in flight or waiting to retry.</summary>
    public Task WaitForWebhooksAsync(CancellationToken cancellationToken = default) => _webhooks.WaitForIdleAsync(cancellationToken);

    /// <summary>Stops listening. Safe to call more than once.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            // WebSocket sessions last until closed: end them, or stopping would wait for Kestrel's shutdown timeout.
            _realtime.DropConnections();
            await _app.StopAsync().ConfigureAwait(false);
            await _webhooks.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Copies and checks the options, so changing them after start has no effect.</summary>
    private static EmulatorOptions Snapshot(EmulatorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.DefaultRateLimit, nameof(options.DefaultRateLimit));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.VisitorRateLimit, nameof(options.VisitorRateLimit));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RateLimitWindow, TimeSpan.Zero, nameof(options.RateLimitWindow));
        ArgumentException.ThrowIfNullOrEmpty(options.AdminUsername, nameof(options.AdminUsername));
        ArgumentNullException.ThrowIfNull(options.AdminPassword, nameof(options.AdminPassword));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RealtimeHeartbeatInterval, TimeSpan.Zero, nameof(options.RealtimeHeartbeatInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RealtimeHeartbeatTimeout, TimeSpan.Zero, nameof(options.RealtimeHeartbeatTimeout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MessageMaxAllowedSize, nameof(options.MessageMaxAllowedSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxRequestBodySize, nameof(options.MaxRequestBodySize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TwoFactorRememberFor, TimeSpan.Zero, nameof(options.TwoFactorRememberFor));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.TwoFactorRememberFor, TimeSpan.FromSeconds(int.MaxValue), nameof(options.TwoFactorRememberFor));

        var copy = new EmulatorOptions
        {
            Port = options.Port,
            AdminUsername = options.AdminUsername,
            AdminPassword = options.AdminPassword,
            RoutingMethod = options.RoutingMethod,
            AcceptChatsWithNoAgents = options.AcceptChatsWithNoAgents,
            RateLimiterEnabled = options.RateLimiterEnabled,
            DefaultRateLimit = options.DefaultRateLimit,
            VisitorRateLimit = options.VisitorRateLimit,
            RateLimitWindow = options.RateLimitWindow,
            TimeProvider = options.TimeProvider,
            MaxFileSize = options.MaxFileSize,
            MediaTypeWhiteList = options.MediaTypeWhiteList ?? string.Empty,
            MediaTypeBlackList = options.MediaTypeBlackList ?? string.Empty,
            RealtimeHeartbeatInterval = options.RealtimeHeartbeatInterval,
            RealtimeHeartbeatTimeout = options.RealtimeHeartbeatTimeout,
            MessageMaxAllowedSize = options.MessageMaxAllowedSize,
            MaxRequestBodySize = options.MaxRequestBodySize,
            SsrfAllowlist = options.SsrfAllowlist ?? string.Empty,
            EnforceTwoFactorPasswordFallback = options.EnforceTwoFactorPasswordFallback,
            TwoFactorRememberFor = options.TwoFactorRememberFor,
            LoggerFactory = options.LoggerFactory,
        };
        var usernames = new HashSet<string>(StringComparer.Ordinal) { options.AdminUsername };
        foreach (EmulatorUser user in options.Users)
        {
            ArgumentNullException.ThrowIfNull(user);
            ArgumentException.ThrowIfNullOrEmpty(user.Username, nameof(options.Users));
            if (user.TotpSecret is not null && !Totp.IsValidSecret(user.TotpSecret))
            {
                throw new ArgumentException($"The TOTP secret of '{user.Username}' is not base32.", nameof(options));
            }
            if (!usernames.Add(user.Username))
            {
                throw new ArgumentException($"The username '{user.Username}' is seeded twice.", nameof(options));
            }

            copy.Users.Add(user);
        }

        var fieldIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (EmulatorCustomField field in options.CustomFields)
        {
            ArgumentNullException.ThrowIfNull(field);
            ArgumentException.ThrowIfNullOrEmpty(field.Id, nameof(options.CustomFields));
            if (!fieldIds.Add(field.Id))
            {
                throw new ArgumentException($"The custom field '{field.Id}' is defined twice.", nameof(options));
            }

            copy.CustomFields.Add(field);
        }

        return copy;
    }
}
