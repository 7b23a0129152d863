using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Services;
using RocketChat.Livechat.Emulator.State;
using RocketChat.Livechat.Emulator.TwoFactor;

namespace RocketChat.Livechat.Emulator.Realtime;

/// <summary>
/// The DDP endpoint <c>/websocket</c>: the <c>connect</c> handshake (and <c>failed</c>), pings, subscriptions to the
/// livechat streams under the server's read rules, the <c>login</c> and <c>stream-notify-room</c> methods, and the
/// DDP rate limiter. State changes reach subscribers through <see cref="StreamPublisher"/>.
/// </summary>
internal sealed class RealtimeServer
{
    /// <summary>The DDP versions the server speaks, preferred first (ddp-common's SUPPORTED_DDP_VERSIONS).</summary>
    private static readonly string[] s_versions = ["1", "pre2", "pre1"];

    private static readonly HashSet<string> s_publications = new(StringComparer.Ordinal)
    {
        StreamNames.RoomMessages, StreamNames.LivechatRoom, StreamNames.NotifyRoom, StreamNames.NotifyUser, StreamNames.InquiryQueue,
    };

    /// <summary>Meteor's default login token lifetime (<c>loginExpirationInDays</c>).</summary>
    private static readonly TimeSpan s_tokenLifetime = TimeSpan.FromDays(90);

    private readonly EmulatorState _state;
    private readonly AccountService _accounts;
    private readonly VisitorService _visitors;
    private readonly StreamRegistry _registry = new();
    private readonly ConcurrentDictionary<DdpSession, byte> _sessions = new();
    private bool _refusingConnections;

    public RealtimeServer(EmulatorState state, AccountService accounts)
    {
        _state = state;
        _accounts = accounts;
        _visitors = new VisitorService(state);
        state.Events.Add(new StreamPublisher(_registry, state.Settings));
    }

    /// <summary>How many DDP sessions are open.</summary>
    public int SessionCount => _sessions.Count;

    public void Map(IEndpointRouteBuilder app) => app.MapGet("/websocket", (RequestDelegate)HandleAsync);

    /// <summary>While true, new sockets are refused with 503, as a server out of reach would be.</summary>
    public bool IsRefusingConnections
    {
        get => Volatile.Read(ref _refusingConnections);
        set => Volatile.Write(ref _refusingConnections, value);
    }

    /// <summary>Drops every open socket without a close handshake; returns how many.</summary>
    public int DropConnections()
    {
        int dropped = 0;
        foreach (DdpSession session in _sessions.Keys)
        {
            session.Abort();
            dropped++;
        }

        return dropped;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (IsRefusingConnections)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        EmulatorOptions options = _state.Options;
        var session = new DdpSession(socket, MeteorIds.NewId())
        {
            RateLimiter = options.RateLimiterEnabled ? new DdpRateLimiter(options.TimeProvider) : null,
        };
        _sessions[session] = 0;
        try
        {
            session.Enqueue(DdpServerFrames.ServerId());
            await session.RunAsync(OnFrameAsync, options.RealtimeHeartbeatInterval, options.RealtimeHeartbeatTimeout, context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            _sessions.TryRemove(session, out _);
            lock (_state.Gate)
            {
                foreach ((string stream, string eventName) in session.Subscriptions.Values)
                {
                    _registry.Remove(stream, eventName, session);
                }
            }

            if (session.LivechatToken is { } token)
            {
                _visitors.NotifyGuestStatusChanged(token, VisitorStatus.Offline); // connection.onClose
            }
        }
    }

    private ValueTask OnFrameAsync(DdpSession session, ReadOnlyMemory<byte> frame)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame);
        }
        catch (JsonException)
        {
            session.Enqueue(DdpServerFrames.Error("Parse error"));
            return ValueTask.CompletedTask;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            string? msg = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("msg", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            if (!session.IsConnected)
            {
                if (msg == "connect")
                {
                    Connect(session, root);
                }
                else
                {
                    session.Enqueue(DdpServerFrames.Error("Must connect first"));
                }

                return ValueTask.CompletedTask;
            }

            switch (msg)
            {
                case "ping":
                    session.Enqueue(DdpServerFrames.Pong(root.TryGetProperty("id", out JsonElement id) ? id.GetString() : null));
                    break;
                case "pong":
                    break;
                case "sub":
                    Subscribe(session, root);
                    break;
                case "unsub":
                    Unsubscribe(session, root);
                    break;
                case "method":
                    Call(session, root);
                    break;
                case "connect":
                    session.Enqueue(DdpServerFrames.Error("Already connected"));
                    break;
                default:
                    session.Enqueue(DdpServerFrames.Error("Bad request"));
                    break;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Meteor's handshake: the best common version is the client's first supported one the server knows; anything else gets <c>failed</c>.</summary>
    private static void Connect(DdpSession session, JsonElement root)
    {
        string? version = root.TryGetProperty("version", out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        string[]? support = root.TryGetProperty("support", out JsonElement s) && s.ValueKind == JsonValueKind.Array && s.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String)
            ? s.EnumerateArray().Select(item => item.GetString()!).ToArray()
            : null;
        string best = support?.FirstOrDefault(candidate => s_versions.Contains(candidate, StringComparer.Ordinal)) ?? s_versions[0];
        if (version is null || support is null || !support.Contains(version, StringComparer.Ordinal) || version != best)
        {
            session.Enqueue(DdpServerFrames.Failed(best));
            session.CloseAfterFlush();
            return;
        }

        session.IsConnected = true;
        session.Enqueue(DdpServerFrames.Connected(session.Id));
    }

    private void Subscribe(DdpSession session, JsonElement root)
    {
        string? id = StringProperty(root, "id");
        string? name = StringProperty(root, "name");
        if (id is null || name is null)
        {
            session.Enqueue(DdpServerFrames.Error("Malformed subscription"));
            return;
        }

        if (session.Subscriptions.ContainsKey(id))
        {
            return; // A repeated sub id is ignored (idempotent on reconnect).
        }

        if (session.RateLimiter?.Hit(name) is { } reset)
        {
            session.Enqueue(DdpServerFrames.NoSub(id, DdpRateLimiter.Error(reset)));
            return;
        }

        if (!s_publications.Contains(name))
        {
            session.Enqueue(DdpServerFrames.NoSub(id, MeteorError.NotFound($"Subscription '{name}' not found")));
            return;
        }

        JsonElement parameters = root.TryGetProperty("params", out JsonElement p) && p.ValueKind == JsonValueKind.Array ? p : default;
        string? eventName = parameters.ValueKind == JsonValueKind.Array && parameters.GetArrayLength() > 0 && parameters[0].ValueKind == JsonValueKind.String ? parameters[0].GetString() : null;
        if (string.IsNullOrEmpty(eventName))
        {
            session.Enqueue(DdpServerFrames.NoSub(id, new MeteorError("invalid-event-name", "Invalid event name")));
            return;
        }

        JsonElement? extraData = ExtraData(parameters);
        lock (_state.Gate)
        {
            UserRecord? user = session.UserId is { } userId ? _state.Users.GetValueOrDefault(userId) : null;
            if (!StreamReadRules.CanRead(_state, name, eventName, user, extraData))
            {
                session.Enqueue(DdpServerFrames.NoSub(id, MeteorError.NotAllowed()));
                return;
            }

            // Registered and answered under the state lock: every event after 'ready' reaches the subscriber.
            session.Subscriptions[id] = (name, eventName);
            _registry.Add(name, eventName, session);
            session.Enqueue(DdpServerFrames.Ready(id));
        }
    }

    private void Unsubscribe(DdpSession session, JsonElement root)
    {
        string? id = StringProperty(root, "id");
        if (id is null)
        {
            return;
        }

        lock (_state.Gate)
        {
            if (!session.Subscriptions.Remove(id, out (string Stream, string EventName) subscription))
            {
                return; // ddp-streamer ignores an unknown id.
            }

            _registry.Remove(subscription.Stream, subscription.EventName, session);
        }

        session.Enqueue(DdpServerFrames.NoSub(id, error: null));
    }

    private void Call(DdpSession session, JsonElement root)
    {
        string? id = StringProperty(root, "id");
        string? method = StringProperty(root, "method");
        if (id is null || method is null)
        {
            session.Enqueue(DdpServerFrames.Error("Malformed method invocation"));
            return;
        }

        JsonElement parameters = root.TryGetProperty("params", out JsonElement p) && p.ValueKind == JsonValueKind.Array ? p : default;
        byte[] answer = session.RateLimiter?.Hit(method) is { } reset
            ? DdpServerFrames.ResultError(id, DdpRateLimiter.Error(reset))
            : method switch
            {
                StreamNames.LoginMethod => Login(session, id, parameters),
                StreamNames.NotifyRoom => NotifyRoom(session, id, parameters),
                StreamNames.SetUpConnectionMethod => SetUpConnection(session, id, parameters),
                StreamNames.LoadHistoryMethod => LoadHistory(session, id, parameters),
                _ => DdpServerFrames.ResultError(id, MeteorError.NotFound($"Method '{method}' not found")),
            };
        session.Enqueue(answer);
        session.Enqueue(DdpServerFrames.Updated(id));
    }

    /// <summary>
    /// Resume (<c>{resume}</c>) or password (<c>{user, password:{digest, algorithm}}</c>) login, either one possibly
    /// inside the <c>totp</c> handler's <c>{totp:{login, code}}</c> (which only handles requests with a code). A
    /// password login of a user with two-factor authentication then needs the code: <c>totp-required</c> or
    /// <c>totp-invalid</c> otherwise, as a Meteor.Error with the details; a resume login is never asked.
    /// </summary>
    private byte[] Login(DdpSession session, string id, JsonElement parameters)
    {
        JsonElement request = parameters.ValueKind == JsonValueKind.Array && parameters.GetArrayLength() > 0 ? parameters[0] : default;
        string? code = null;
        if (request.ValueKind == JsonValueKind.Object && request.TryGetProperty("totp", out JsonElement totp)
            && StringProperty(totp, "code") is { Length: > 0 } totpCode && totp.TryGetProperty("login", out JsonElement inner))
        {
            request = inner;
            code = totpCode;
        }

        LoginResult? login;
        string type;
        if (request.ValueKind != JsonValueKind.Object)
        {
            return DdpServerFrames.ResultError(id, new MeteorError("400", "Match failed", CodeIsNumber: true));
        }
        else if (StringProperty(request, "resume") is { } token)
        {
            type = "resume";
            login = _accounts.Resume(token);
            if (login is null)
            {
                return DdpServerFrames.ResultError(id, new MeteorError("403", "You've been logged out by the server. Please log in again.", CodeIsNumber: true));
            }
        }
        else if (request.TryGetProperty("user", out JsonElement user) && request.TryGetProperty("password", out JsonElement password)
            && StringProperty(password, "digest") is { } digest && StringProperty(password, "algorithm") == "sha-256")
        {
            type = "password";
            try
            {
                login = _accounts.LoginWithPassword(StringProperty(user, "username"), StringProperty(user, "email"), digest, passwordIsSha256: true, new SecondFactor(code));
            }
            catch (TwoFactorException failure)
            {
                return DdpServerFrames.ResultError(id, new MeteorError(failure.Code, failure.Reason, WriteDetails: writer => failure.Details.Write(writer, Ejson.WriteDate)));
            }

            if (login is null)
            {
                return DdpServerFrames.ResultError(id, new MeteorError("403", "Incorrect password", CodeIsNumber: true));
            }
        }
        else
        {
            return DdpServerFrames.ResultError(id, new MeteorError("400", "Unrecognized options for login request", CodeIsNumber: true));
        }

        session.UserId = login.User.Id;
        DateTimeOffset expires = _state.Now + s_tokenLifetime;
        return DdpServerFrames.Result(id, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", login.User.Id);
            writer.WriteString("token", login.AuthToken);
            writer.WritePropertyName("tokenExpires");
            Ejson.WriteDate(writer, expires);
            writer.WriteString("type", type);
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// <c>loadHistory(rid, end?, limit = 20, ls?, showThreadMessages?)</c>: the room's messages newest first, before
    /// <c>end</c> (an EJSON date, exclusive) when given, as <c>{messages, unreadNotLoaded}</c>. Needs a login
    /// (<c>error-invalid-user</c>, anonymous read being off); a room that does not exist or that the user may not
    /// access answers <c>false</c>, as the server does. <c>ls</c> (unread marks) is not modelled.
    /// </summary>
    private byte[] LoadHistory(DdpSession session, string id, JsonElement parameters)
    {
        int count = parameters.ValueKind == JsonValueKind.Array ? parameters.GetArrayLength() : 0;
        if (count == 0 || parameters[0].ValueKind != JsonValueKind.String)
        {
            return DdpServerFrames.ResultError(id, new MeteorError("400", "Match failed", CodeIsNumber: true));
        }

        if (session.UserId is null)
        {
            return DdpServerFrames.ResultError(id, new MeteorError("error-invalid-user", "Invalid user", WriteDetails: writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("method", StreamNames.LoadHistoryMethod);
                writer.WriteEndObject();
            }));
        }

        string roomId = parameters[0].GetString()!;
        long? end = count > 1 && parameters[1].ValueKind == JsonValueKind.Object && parameters[1].TryGetProperty("$date", out JsonElement date) && date.TryGetInt64(out long ms) ? ms : null;
        int limit = count > 2 && parameters[2].ValueKind == JsonValueKind.Number && parameters[2].TryGetInt32(out int requested) ? requested : 20;
        List<MessageRecord> page;
        lock (_state.Gate)
        {
            if (!_state.Rooms.TryGetValue(roomId, out RoomRecord? room)
                || !_state.Users.TryGetValue(session.UserId, out UserRecord? user)
                || !StreamReadRules.CanAccessRoom(user, room))
            {
                return DdpServerFrames.Result(id, writer => writer.WriteBooleanValue(false));
            }

            // Newest first; messages of one millisecond newest-inserted first.
            IEnumerable<MessageRecord> messages = _state.Messages.TryGetValue(roomId, out List<MessageRecord>? stored) ? Enumerable.Reverse(stored) : [];
            page = messages
                .Where(message => end is null || message.Timestamp.ToUnixTimeMilliseconds() < end)
                .OrderByDescending(message => message.Timestamp)
                .Take(Math.Max(limit, 0))
                .ToList();
        }

        return DdpServerFrames.Result(id, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("messages");
            foreach (MessageRecord message in page)
            {
                Ejson.WriteDocument(writer, rest => JsonSerializer.Serialize(rest, Json.MessageModels.ToModel(message), LivechatJsonContext.Default.Message));
            }

            writer.WriteEndArray();
            writer.WriteNumber("unreadNotLoaded", 0);
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// <c>livechat:setUpConnection({token})</c>: binds the visitor token to this connection, once (a second call
    /// keeps the first token), so that the guest is marked offline when the connection closes. Returns nothing;
    /// anything but <c>{token: String}</c> fails <c>check</c> with 400 <c>Match failed</c>.
    /// </summary>
    private static byte[] SetUpConnection(DdpSession session, string id, JsonElement parameters)
    {
        JsonElement data = parameters.ValueKind == JsonValueKind.Array && parameters.GetArrayLength() > 0 ? parameters[0] : default;
        if (data.ValueKind != JsonValueKind.Object || StringProperty(data, "token") is not { } token
            || data.EnumerateObject().Any(property => property.Name != "token"))
        {
            return DdpServerFrames.ResultError(id, new MeteorError("400", "Match failed", CodeIsNumber: true));
        }

        session.LivechatToken ??= token;
        return DdpServerFrames.Result(id, writeResult: null);
    }

    /// <summary>
    /// Writing to <c>stream-notify-room</c>: only <c>&lt;rid&gt;/user-activity</c> (and the older <c>typing</c>) is
    /// writable, by the room's visitor (token as last argument) or a user writing under its own username. A denied
    /// write just returns, as the server's does; an allowed one reaches every other subscriber.
    /// </summary>
    private byte[] NotifyRoom(DdpSession session, string id, JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Array || parameters.GetArrayLength() < 2 || parameters[0].ValueKind != JsonValueKind.String)
        {
            return DdpServerFrames.Result(id, writeResult: null);
        }

        string eventName = parameters[0].GetString()!;
        string? roomId = StreamReadRules.RoomOf(eventName);
        bool isActivity = eventName.EndsWith("/user-activity", StringComparison.Ordinal) || eventName.EndsWith("/typing", StringComparison.Ordinal);
        JsonElement[] args = parameters.EnumerateArray().Skip(1).Select(arg => arg.Clone()).ToArray();
        lock (_state.Gate)
        {
            if (!isActivity || roomId is null || !_state.Rooms.TryGetValue(roomId, out RoomRecord? room) || !CanType(session, room, args))
            {
                return DdpServerFrames.Result(id, writeResult: null);
            }

            _registry.Publish(StreamNames.NotifyRoom, eventName, DdpServerFrames.Changed(StreamNames.NotifyRoom, eventName, writer =>
            {
                foreach (JsonElement arg in args)
                {
                    arg.WriteTo(writer);
                }
            }), except: session);
        }

        return DdpServerFrames.Result(id, writeResult: null);
    }

    private bool CanType(DdpSession session, RoomRecord room, JsonElement[] args)
    {
        JsonElement last = args[^1];
        if (last.ValueKind == JsonValueKind.Object && StringProperty(last, "token") is { } token)
        {
            return string.Equals(room.Visitor.Token, token, StringComparison.Ordinal);
        }

        return session.UserId is { } userId && _state.Users.TryGetValue(userId, out UserRecord? user)
            && args[0].ValueKind == JsonValueKind.String && args[0].GetString() == user.Username;
    }

    /// <summary><c>params[1]</c> is a boolean (useCollection) or <c>{useCollection, args}</c>; <c>args[0]</c> is the extraData the rules read.</summary>
    private static JsonElement? ExtraData(JsonElement parameters) =>
        parameters.GetArrayLength() > 1 && parameters[1].ValueKind == JsonValueKind.Object
        && parameters[1].TryGetProperty("args", out JsonElement args) && args.ValueKind == JsonValueKind.Array && args.GetArrayLength() > 0
            ? args[0].Clone()
            : null;

    private static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
