using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RocketChat.Contracts.Runtime;
using RocketChat.Contracts.Runtime.Json;
using RocketChat.Livechat.Realtime.Ddp;

namespace RocketChat.Livechat.Realtime;

/// <summary>
/// Rocket.Chat's livechat over its DDP WebSocket (<c>/websocket</c>). One client is one connection that stays up:
/// when it drops or goes silent it reconnects with exponential backoff and jitter, logs in again with the resume
/// token, subscribes again and fills message gaps from REST history. Method calls made while it reconnects wait for
/// the next connection; a call whose connection dies fails with <see cref="RealtimeConnectionLostException"/>.
/// </summary>
public sealed class LivechatRealtimeClient : IAsyncDisposable, IDdpListener
{
    /// <summary>The REST timeout when the options give none (the HttpClient's own default, which this client had before).</summary>
    private static readonly TimeSpan DefaultRestTimeout = TimeSpan.FromSeconds(100);

    private readonly LivechatRealtimeOptions _options;
    private readonly HttpClient? _ownedHttpClient;
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _gate = new();
    private ImmutableArray<IRealtimeSubscription> _subscriptions = [];
    private TaskCompletionSource<DdpConnection> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DdpConnection? _current;
    private Task? _supervisor;
    private string? _resumeToken;
    private string? _connectionVisitorToken;
    private int _reconnects;

    private LivechatRealtimeClient(Uri serverUrl, LivechatRealtimeOptions options, LivechatClient rest, HttpClient? ownedHttpClient)
    {
        _options = options;
        Rest = rest;
        _ownedHttpClient = ownedHttpClient;
        // The socket needs no query or fragment, and the endpoint is printed in errors: neither may carry a secret there.
        var builder = new UriBuilder(serverUrl) { Scheme = serverUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws", Query = string.Empty, Fragment = string.Empty };
        builder.Path = builder.Path.TrimEnd('/') + "/websocket";
        Endpoint = builder.Uri;
    }

    /// <summary>The WebSocket URL, e.g. <c>wss://chat.example.com/websocket</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The REST client used to fill gaps from history (and available for the rest of the visitor's calls).</summary>
    public LivechatClient Rest { get; }

    /// <summary>The logged-in user's id, after a login.</summary>
    public string? UserId { get; private set; }

    /// <summary>
    /// REST as the user logged in over this connection: <see cref="Rest"/>'s server and HttpClient with the login's
    /// user id and resume token (Rocket.Chat takes it as X-Auth-Token). An agent's gap fill lists the queue with it,
    /// so it sees what that user's streams show whatever credentials <see cref="Rest"/> carries. Null before a login.
    /// </summary>
    internal LivechatClient? UserRest { get; private set; }

    /// <summary>How many times the connection was re-established.</summary>
    public int ReconnectCount => Volatile.Read(ref _reconnects);

    /// <summary>The server's DDP session id of the current connection.</summary>
    public string? SessionId => _current?.SessionId;

    /// <summary>Raised (on the receive loop: return quickly) each time the server pinged and the client answered.</summary>
    public event EventHandler? ServerPingAnswered;

    /// <summary>
    /// Raised when a new connection refused the visitor token binding of <see cref="SetUpConnectionAsync"/> (the
    /// subscriptions resume regardless). A handler that throws ends every subscription with its exception.
    /// </summary>
    public event EventHandler<RealtimeServerException>? SetUpConnectionFailed;

    /// <summary>
    /// Raised after a lost connection was replaced and every subscription resumed. A handler that throws ends every
    /// subscription with its exception; the client keeps reconnecting.
    /// </summary>
    public event EventHandler? Reconnected;

    /// <summary>
    /// Creates a client for the server in <paramref name="options"/>. Pass <paramref name="rest"/> to share a REST
    /// client (its HttpClient and credentials); otherwise one is created from the same options and owned here.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="rest"/> talks to another origin (scheme, host, port) than
    /// <paramref name="options"/>' server: a realtime login's token, reused over REST, would go to that other host.</exception>
    public static LivechatRealtimeClient Create(RocketChatLivechatOptions options, LivechatRealtimeOptions? realtime = null, LivechatClient? rest = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        LivechatRealtimeOptions settings = (realtime ?? new LivechatRealtimeOptions()).Copy();
        settings.Validate();
        if (rest is not null)
        {
            // A login over this socket is reused as X-Auth-Token over rest (gap fills): it must be the same server,
            // or the token would go to another host.
            if (Uri.Compare(rest.Connection.ServerUri, options.ServerUrl, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                throw new ArgumentException(
                    $"The REST client's server ({rest.Connection.ServerUri.GetLeftPart(UriPartial.Authority)}) is not the realtime server ({options.ServerUrl!.GetLeftPart(UriPartial.Authority)}): a realtime login's token would be sent to another host.",
                    nameof(rest));
            }

            return new LivechatRealtimeClient(options.ServerUrl!, settings, rest, ownedHttpClient: null);
        }

        // RocketChatHttpHandler follows no redirect: a plain HttpClient would carry X-User-Id and X-Auth-Token to
        // whatever origin a redirect names before the connection could refuse the answer.
        var httpClient = new HttpClient(RocketChatHttpHandler.Create()) { Timeout = options.Timeout ?? DefaultRestTimeout };
        return new LivechatRealtimeClient(options.ServerUrl!, settings, LivechatClient.Create(options, httpClient), httpClient);
    }

    /// <summary>
    /// Opens the connection and completes the DDP handshake. The first connection's failure is thrown
    /// (<see cref="RealtimeConnectionLostException"/> when unreachable, <see cref="RealtimeProtocolException"/> on
    /// <c>failed</c>); later losses are repaired in the background.
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        if (_supervisor is not null)
        {
            await GetConnectionAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        DdpConnection connection = await DdpConnection.OpenAsync(Endpoint, _options, this, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (_supervisor is not null)
            {
                _ = connection.DisposeAsync().AsTask();
                return;
            }

            _current = connection;
            _ready.TrySetResult(connection);
            _supervisor = Task.Run(() => SuperviseAsync(connection));
        }
    }

    /// <summary>
    /// Logs in with a username (or an email, when it contains '@') and password; the password travels only as its
    /// SHA-256 digest. Throws <see cref="RealtimeTwoFactorException"/> when a code is needed or wrong, and
    /// <see cref="RealtimeServerException"/> (error 403) for bad credentials.
    /// </summary>
    public async Task<RealtimeLogin> LoginWithPasswordAsync(string user, string password, string? twoFactorCode = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentException.ThrowIfNullOrEmpty(password);
        string digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
        void WritePasswordLogin(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("user");
            writer.WriteString(user.Contains('@', StringComparison.Ordinal) ? "email" : "username", user);
            writer.WriteEndObject();
            writer.WriteStartObject("password");
            writer.WriteString("digest", digest);
            writer.WriteString("algorithm", "sha-256");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return await LoginAsync(
            writer =>
            {
                if (twoFactorCode is null)
                {
                    WritePasswordLogin(writer);
                    return;
                }

                writer.WriteStartObject();
                writer.WriteStartObject("totp");
                writer.WritePropertyName("login");
                WritePasswordLogin(writer);
                writer.WriteString("code", twoFactorCode);
                writer.WriteEndObject();
                writer.WriteEndObject();
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Logs in with an existing auth token (Meteor's resume login).</summary>
    public Task<RealtimeLogin> LoginWithTokenAsync(string authToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        return LoginAsync(writer => WriteResume(writer, authToken), cancellationToken);
    }

    /// <summary>
    /// Binds the visitor token to the connection (<c>livechat:setUpConnection</c>), as the widget does after
    /// connecting: the server then marks the visitor offline when the connection ends. The call is repeated on every
    /// new connection after a reconnection, so the visitor's presence follows the live connection. Throws
    /// <see cref="RealtimeServerException"/> when the server refuses it.
    /// </summary>
    public async Task SetUpConnectionAsync(string visitorToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(visitorToken);
        await CallAsync(RealtimeStreams.SetUpConnectionMethod, writer => WriteSetUpConnection(writer, visitorToken), cancellationToken).ConfigureAwait(false);
        _connectionVisitorToken = visitorToken;
    }

    /// <summary>
    /// A visitor watches its room: messages (new and edited), deletions, typing, agent and queue changes. Returns once
    /// the server accepted every stream; throws <see cref="RealtimeServerException"/> (<c>not-allowed</c>) when the
    /// token does not match the room (or the room is closed, on newer servers).
    /// </summary>
    public Task<LivechatRoomSubscription> SubscribeVisitorRoomAsync(string roomId, string visitorToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(roomId);
        ArgumentException.ThrowIfNullOrEmpty(visitorToken);
        return AddAsync(new LivechatRoomSubscription(this, Rest, roomId, visitorToken, _options), cancellationToken);
    }

    /// <summary>A logged-in agent watches the messages of a room it may read (it serves it, or may view livechat rooms).</summary>
    public Task<LivechatRoomSubscription> SubscribeRoomMessagesAsync(string roomId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(roomId);
        return AddAsync(new LivechatRoomSubscription(this, Rest, roomId, visitorToken: null, _options), cancellationToken);
    }

    /// <summary>
    /// A logged-in agent watches the inquiry queue; needs <c>view-l-room</c>, else <c>not-allowed</c>. The queue is
    /// also listed over REST as the logged-in user (<c>livechat/inquiries.queuedForUser</c>) when subscribing and
    /// after each reconnection, so a chat queued or taken while the connection was down is not missed (see
    /// <see cref="InquiryQueueSubscription"/>); a refused listing is thrown as the REST client's typed exception.
    /// </summary>
    public Task<InquiryQueueSubscription> SubscribeInquiryQueueAsync(InquiryQueueKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return AddAsync(new InquiryQueueSubscription(this, key, _options), cancellationToken);
    }

    /// <summary>A logged-in agent watches one inquiry (taken by someone, closed); needs <c>view-l-room</c>, else <c>not-allowed</c>.</summary>
    public Task<InquirySubscription> SubscribeInquiryAsync(string inquiryId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(inquiryId);
        return AddAsync(new InquirySubscription(this, inquiryId, _options), cancellationToken);
    }

    /// <summary>The logged-in user watches its room subscriptions (chats routed to it, closed, transferred).</summary>
    public Task<SubscriptionChangesSubscription> SubscribeSubscriptionChangesAsync(CancellationToken cancellationToken = default)
    {
        string userId = UserId ?? throw new InvalidOperationException("Log in before watching the user's subscriptions.");
        return AddAsync(new SubscriptionChangesSubscription(this, userId, _options), cancellationToken);
    }

    /// <summary>
    /// Tells the room that <paramref name="username"/> is typing or stopped (<c>user-activity</c> on
    /// <c>stream-notify-room</c>). A visitor passes its token; a logged-in agent passes null and its own username.
    /// The server drops a write it does not allow without an error, as Rocket.Chat does.
    /// </summary>
    public async Task SendTypingAsync(string roomId, string username, bool isTyping, string? visitorToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(roomId);
        ArgumentException.ThrowIfNullOrEmpty(username);
        var arguments = new SendUserActivityArguments
        {
            EventName = LivechatRealtimeStreams.NotifyRoom.EventName(roomId),
            Username = username,
            Activities = isTyping ? [RealtimeStreams.TypingActivity] : [],
            Visitor = visitorToken is null ? null : new SendUserActivityArgumentsVisitor { Token = visitorToken },
        };
        await CallAsync(
            LivechatRealtimeStreams.NotifyRoom.Method,
            writer => LivechatRealtimeStreams.NotifyRoom.WriteSendUserActivity(writer, arguments),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Calls any DDP method; <paramref name="writeParams"/> writes the elements of its <c>params</c> array. Returns
    /// the <c>result</c> (null when none) or throws the server's error typed.
    /// </summary>
    public async Task<JsonElement?> CallAsync(string method, Action<Utf8JsonWriter> writeParams, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(writeParams);
        DdpConnection connection = await GetConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.CallAsync(method, writeParams, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends every subscription (their enumerations complete), closes the socket and stops reconnecting.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        foreach (IRealtimeSubscription subscription in _subscriptions)
        {
            subscription.Complete(null);
        }

        _ready.TrySetException(new ObjectDisposedException(nameof(LivechatRealtimeClient)));
        _ = _ready.Task.Exception; // Observed: nobody may be waiting.
        DdpConnection? connection = _current;
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        if (_supervisor is { } supervisor)
        {
            await supervisor.ConfigureAwait(false);
        }

        // A reconnection that completed while disposing left a newer connection behind.
        if (_current is { } latest && !ReferenceEquals(latest, connection))
        {
            await latest.DisposeAsync().ConfigureAwait(false);
        }

        _ownedHttpClient?.Dispose();

        _disposed.Dispose();
    }

    void IDdpListener.OnStreamEvent(string collection, string eventName, JsonElement args)
    {
        foreach (IRealtimeSubscription subscription in _subscriptions)
        {
            if (subscription.Handles(collection, eventName))
            {
                subscription.OnStreamEvent(collection, eventName, args);
            }
        }
    }

    void IDdpListener.OnSubscriptionStopped(string subscriptionId, RealtimeServerException error)
    {
        foreach (IRealtimeSubscription subscription in _subscriptions)
        {
            if (subscription.Owns(subscriptionId))
            {
                subscription.Complete(error);
            }
        }
    }

    void IDdpListener.OnServerPingAnswered() => ServerPingAnswered?.Invoke(this, EventArgs.Empty);

    internal void Forget(IRealtimeSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Remove(subscription);
        }
    }

    private static void WriteSetUpConnection(Utf8JsonWriter writer, string visitorToken)
    {
        writer.WriteStartObject();
        writer.WriteString("token", visitorToken);
        writer.WriteEndObject();
    }

    private static void WriteResume(Utf8JsonWriter writer, string token)
    {
        writer.WriteStartObject();
        writer.WriteString("resume", token);
        writer.WriteEndObject();
    }

    private async Task<RealtimeLogin> LoginAsync(Action<Utf8JsonWriter> writeParams, CancellationToken cancellationToken)
    {
        JsonElement? result = await CallAsync(LivechatRealtimeStreams.Login.Method, writeParams, cancellationToken).ConfigureAwait(false);
        RealtimeLogin login = ReadLogin(result);
        _resumeToken = login.Token;
        UserId = login.UserId;
        UserRest = new LivechatClient(Rest.Connection.WithCredentials(new StaticCredentialProvider(new RocketChatCredentials(login.UserId, login.Token))));
        return login;
    }

    private static RealtimeLogin ReadLogin(JsonElement? result)
    {
        if (result is not { ValueKind: JsonValueKind.Object } value)
        {
            throw new RealtimeProtocolException(LivechatRealtimeStreams.Login.Method, "the login result lacks 'id' or 'token'.");
        }

        LoginResult login;
        try
        {
            login = LivechatRealtimeStreams.Login.ReadLoginResult(value);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new RealtimeProtocolException(LivechatRealtimeStreams.Login.Method, $"the login result lacks 'id' or 'token' or does not match the contract: {ex.Message}", innerException: ex);
        }

        return new RealtimeLogin(login.Id, login.Token, login.TokenExpires);
    }

    private async Task<T> AddAsync<T>(T subscription, CancellationToken cancellationToken)
        where T : IRealtimeSubscription, IAsyncDisposable
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        lock (_gate)
        {
            _subscriptions = _subscriptions.Add(subscription);
        }

        try
        {
            while (true)
            {
                DdpConnection connection = await GetConnectionAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await subscription.AttachAsync(connection, cancellationToken).ConfigureAwait(false);
                    return subscription;
                }
                catch (RealtimeConnectionLostException) when (!_disposed.IsCancellationRequested)
                {
                    // The connection died while subscribing: the next one takes this subscription along.
                }
            }
        }
        catch
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<DdpConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        if (_supervisor is null)
        {
            throw new InvalidOperationException("Call ConnectAsync first.");
        }

        Task<DdpConnection> ready;
        lock (_gate)
        {
            ready = _ready.Task;
        }

        return await ready.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for the connection to end, then replaces it, for as long as the client lives.</summary>
    private async Task SuperviseAsync(DdpConnection connection)
    {
        CancellationToken stopping = _disposed.Token;
        int attempt = 0;
        while (true)
        {
            long openedAt = Environment.TickCount64;
            await connection.Closed.ConfigureAwait(false);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            // The backoff starts over only after a connection that lasted: a server that accepts and drops at once
            // (a restarting node behind a balancer) would otherwise be hit every ReconnectInitialDelay, each time with
            // a login, every subscription and a REST gap fill.
            if (Environment.TickCount64 - openedAt >= (long)_options.ReconnectMaxDelay.TotalMilliseconds)
            {
                attempt = 0;
            }

            lock (_gate)
            {
                if (_ready.Task.IsCompleted)
                {
                    _ready = new TaskCompletionSource<DdpConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            (DdpConnection? next, attempt) = await ReconnectAsync(attempt, stopping).ConfigureAwait(false);
            if (next is null)
            {
                return;
            }

            connection = next;
        }
    }

    /// <summary>Opens a new connection, retrying from <paramref name="firstAttempt"/>; returns it (null when giving up) and the next attempt's number.</summary>
    private async Task<(DdpConnection? Connection, int NextAttempt)> ReconnectAsync(int firstAttempt, CancellationToken stopping)
    {
        for (int attempt = firstAttempt; ; attempt = Math.Min(attempt + 1, 30))
        {
            try
            {
                await Task.Delay(ReconnectBackoff.Delay(attempt, _options.ReconnectInitialDelay, _options.ReconnectMaxDelay, Random.Shared), stopping).ConfigureAwait(false);
                DdpConnection connection = await DdpConnection.OpenAsync(Endpoint, _options, this, stopping).ConfigureAwait(false);
                _current = connection;
                if (await ResumeAsync(connection, stopping).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref _reconnects);
                    lock (_gate)
                    {
                        _ready.TrySetResult(connection);
                    }

                    RaiseOnSupervisor(() => Reconnected?.Invoke(this, EventArgs.Empty));
                }

                return (connection, Math.Min(attempt + 1, 30));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return (null, attempt);
            }
            catch (ObjectDisposedException) when (stopping.IsCancellationRequested)
            {
                return (null, attempt);
            }
            catch (RealtimeConnectionLostException)
            {
                // Still unreachable: wait longer and try again.
            }
            catch (RealtimeProtocolException ex)
            {
                // The server no longer speaks our protocol: retrying cannot help. Calls waiting for the next
                // connection, and every later one, get this error instead of waiting for a connection that never comes.
                FailEverything(ex);
                lock (_gate)
                {
                    _ready.TrySetException(ex);
                    _ = _ready.Task.Exception;
                }

                return (null, attempt);
            }
        }
    }

    /// <summary>Logs in again, binds the visitor token again, and re-subscribes everything; false when the connection died meanwhile (the supervisor retries).</summary>
    private async Task<bool> ResumeAsync(DdpConnection connection, CancellationToken stopping)
    {
        try
        {
            if (_resumeToken is { } token)
            {
                try
                {
                    await connection.CallAsync(LivechatRealtimeStreams.Login.Method, writer => WriteResume(writer, token), stopping).ConfigureAwait(false);
                }
                catch (RealtimeServerException ex)
                {
                    // The token expired or was revoked: the subscriptions that rest on the login end with the refusal,
                    // and later reconnections do not present the token again. A visitor's streams carry their own
                    // token, so they resume below.
                    _resumeToken = null;
                    foreach (IRealtimeSubscription subscription in _subscriptions.Where(s => s.NeedsLogin))
                    {
                        subscription.Complete(ex);
                    }
                }
            }

            if (_connectionVisitorToken is { } visitorToken)
            {
                try
                {
                    await connection.CallAsync(RealtimeStreams.SetUpConnectionMethod, writer => WriteSetUpConnection(writer, visitorToken), stopping).ConfigureAwait(false);
                }
                catch (RealtimeServerException ex)
                {
                    // The binding only drives presence: the subscriptions below still resume without it, and the
                    // refusal is reported rather than dropped.
                    RaiseOnSupervisor(() => SetUpConnectionFailed?.Invoke(this, ex));
                }
            }

            foreach (IRealtimeSubscription subscription in _subscriptions)
            {
                try
                {
                    await subscription.AttachAsync(connection, stopping).ConfigureAwait(false);
                }
                catch (RealtimeServerException ex)
                {
                    subscription.Complete(ex);
                }
                catch (Exception ex) when (ex is not RealtimeConnectionLostException and not RealtimeTimeoutException and not OperationCanceledException)
                {
                    // Filling the gap over REST failed (or anything else went wrong for this one subscription): end it
                    // with the reason rather than deliver a gap, and carry on with the others.
                    subscription.Complete(ex);
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is RealtimeConnectionLostException or RealtimeTimeoutException)
        {
            // A timeout has failed the connection already: the supervisor resumes on the next one.
            return false;
        }
    }

    /// <summary>
    /// Raises one of the application's events on the supervisor. A handler that throws must not end reconnection for
    /// good (every later drop would go unrepaired, unseen): its exception ends every subscription instead, whose
    /// readers then see it, and the client carries on.
    /// </summary>
    private void RaiseOnSupervisor(Action raise)
    {
        try
        {
            raise();
        }
        catch (Exception ex)
        {
            FailEverything(ex);
        }
    }

    private void FailEverything(Exception error)
    {
        foreach (IRealtimeSubscription subscription in _subscriptions)
        {
            subscription.Complete(error);
        }
    }
}
