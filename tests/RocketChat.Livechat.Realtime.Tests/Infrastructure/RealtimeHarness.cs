using RocketChat.Livechat.Emulator;

namespace RocketChat.Livechat.Realtime.Tests.Infrastructure;

/// <summary>
/// A running emulator with two agents, a manager and a user without livechat roles, REST clients for the actions that
/// drive events, and realtime clients tuned for tests (fast reconnection). Every wait is bounded by <see cref="Timeout"/>.
/// </summary>
public sealed class RealtimeHarness : IAsyncDisposable
{
    public const string StaffPassword = "staff-password";

    private readonly List<IAsyncDisposable> _owned = [];
    private readonly List<HttpClient> _ownedHttp = [];

    private RealtimeHarness(LivechatEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = emulator.BaseAddress };
        Anonymous = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = emulator.BaseAddress }, Http);
    }

    /// <summary>The longest any single wait in a test may take before the test fails.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(15);

    /// <summary>Connects <paramref name="client"/> within <see cref="Timeout"/>; disposes it when that fails, then rethrows.</summary>
    public static async Task<LivechatRealtimeClient> ConnectOrDisposeAsync(LivechatRealtimeClient client)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await client.ConnectAsync(timeout.Token);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public LivechatEmulator Emulator { get; }

    public HttpClient Http { get; }

    /// <summary>A REST client without credentials, for visitor routes.</summary>
    public LivechatClient Anonymous { get; }

    public static async Task<RealtimeHarness> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { RateLimiterEnabled = false };
        options.Users.Add(new EmulatorUser("agent.one", StaffPassword, "Agent One", "user", "livechat-agent"));
        options.Users.Add(new EmulatorUser("agent.two", StaffPassword, "Agent Two", "user", "livechat-agent"));
        options.Users.Add(new EmulatorUser("manager", StaffPassword, "Manager", "user", "livechat-manager"));
        options.Users.Add(new EmulatorUser("plain.user", StaffPassword, "Plain User", "user"));
        configure?.Invoke(options);
        return new RealtimeHarness(await LivechatEmulator.StartAsync(options));
    }

    /// <summary>
    /// A realtime client on the emulator, connected, reconnecting within milliseconds; its REST calls go through
    /// <paramref name="rest"/> when given, else through <see cref="Anonymous"/>.
    /// </summary>
    public async Task<LivechatRealtimeClient> ConnectAsync(Action<LivechatRealtimeOptions>? configure = null, LivechatClient? rest = null)
    {
        var options = new LivechatRealtimeOptions
        {
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            HistoryPageSize = 5,
        };
        configure?.Invoke(options);
        LivechatRealtimeClient client = LivechatRealtimeClient.Create(new RocketChatLivechatOptions { ServerUrl = Emulator.BaseAddress }, options, rest ?? Anonymous);
        _owned.Add(client);
        using var timeout = new CancellationTokenSource(Timeout);
        await client.ConnectAsync(timeout.Token);
        return client;
    }

    /// <summary>A REST client without credentials whose requests go through <paramref name="handler"/> (disposed with the harness).</summary>
    public LivechatClient AnonymousThrough(HttpMessageHandler handler)
    {
        var http = new HttpClient(handler) { BaseAddress = Emulator.BaseAddress };
        _ownedHttp.Add(http);
        return LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = Emulator.BaseAddress }, http);
    }

    /// <summary>
    /// Takes <paramref name="client"/> (the only realtime client) offline while <paramref name="whileOffline"/> runs:
    /// its socket drops and new ones are refused, so everything done meanwhile happens in a gap however slow the
    /// machine. Returns once the client has reconnected and resumed its subscriptions.
    /// </summary>
    public async Task OfflineAsync(LivechatRealtimeClient client, Func<Task> whileOffline)
    {
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnReconnected(object? sender, EventArgs e) => reconnected.TrySetResult();
        client.Reconnected += OnReconnected;
        try
        {
            Emulator.RefuseRealtimeConnections = true;
            try
            {
                Assert.Equal(1, Emulator.DropRealtimeConnections());
                await whileOffline();
                Assert.False(reconnected.Task.IsCompleted, "The client reconnected while the emulator refused it.");
            }
            finally
            {
                Emulator.RefuseRealtimeConnections = false;
            }

            await reconnected.Task.WaitAsync(Timeout);
        }
        finally
        {
            client.Reconnected -= OnReconnected;
        }
    }

    /// <summary>A REST client logged in as <paramref name="username"/>.</summary>
    public async Task<LivechatClient> StaffAsync(string username)
    {
        (string userId, string authToken) = await Emulator.LoginAsync(username, StaffPassword);
        return LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = Emulator.BaseAddress, UserId = userId, AuthToken = authToken }, Http);
    }

    /// <summary>Registers a visitor and opens its room.</summary>
    public async Task<VisitorChat> StartChatAsync()
    {
        string token = "visitor-" + Guid.NewGuid().ToString("N");
        RegisterVisitorResponse visitor = await Anonymous.Visitors.RegisterVisitorAsync(new RegisterVisitorRequest { Visitor = new VisitorInput { Token = token, Name = "Visitor" } });
        GetOrCreateRoomResponse room = await Anonymous.Rooms.GetOrCreateRoomAsync(token);
        return new VisitorChat(token, visitor.Visitor.Username!, room.Room.Id);
    }

    /// <summary>An agent takes the room's inquiry (manual selection), which posts the join messages and agentData.</summary>
    public async Task TakeAsync(string roomId, string agent = "agent.one")
    {
        LivechatClient client = await StaffAsync(agent);
        Inquiry inquiry = (await client.Inquiries.GetInquiryAsync(roomId)).Inquiry ?? throw new InvalidOperationException("no inquiry");
        await client.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = inquiry.Id });
    }

    /// <summary>Changes a server setting as the admin (POST settings/:_id).</summary>
    public async Task SetSettingAsync(string settingId, string jsonValue)
    {
        (string userId, string authToken) = await Emulator.LoginAsync("admin", new EmulatorOptions().AdminPassword);
        LivechatClient admin = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = Emulator.BaseAddress, UserId = userId, AuthToken = authToken }, Http);
        using var value = System.Text.Json.JsonDocument.Parse(jsonValue);
        await admin.Integrations.SaveSettingAsync(settingId, new SaveSettingRequest { Value = value.RootElement.Clone() });
    }

    /// <summary>Sets a user's presence (POST users.setStatus), which reaches the rooms an agent serves as agentStatus.</summary>
    public async Task SetPresenceAsync(string username, UserStatus status)
    {
        LivechatClient client = await StaffAsync(username);
        await client.Users.SetUserStatusAsync(new SetUserStatusRequest { Status = status });
    }

    public async Task<Message> AgentSaysAsync(string roomId, string text, string agent = "agent.one")
    {
        LivechatClient client = await StaffAsync(agent);
        return (await client.Messages.SendAgentMessageAsync(new SendAgentMessageRequest { Message = new OutgoingMessage { RoomId = roomId, Text = text } })).Message;
    }

    public async Task<Message> VisitorSaysAsync(VisitorChat chat, string text) =>
        (await Anonymous.Messages.SendMessageAsync(new SendMessageRequest { Token = chat.Token, RoomId = chat.RoomId, Text = text })).Message;

    public async ValueTask DisposeAsync()
    {
        foreach (IAsyncDisposable owned in _owned)
        {
            await owned.DisposeAsync();
        }

        Http.Dispose();
        foreach (HttpClient http in _ownedHttp)
        {
            http.Dispose();
        }

        await Emulator.DisposeAsync();
    }
}

/// <summary>A visitor with an open room.</summary>
public sealed record VisitorChat(string Token, string Username, string RoomId);
