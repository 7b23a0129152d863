using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace RocketChat.Livechat.Emulator.Tests.Infrastructure;

/// <summary>
/// One running emulator with the staff a test needs, a raw <see cref="HttpClient"/> for byte-level assertions and
/// generated clients for typed calls. Seeds two agents, a manager and a user without livechat roles.
/// </summary>
public sealed class EmulatorHarness : IAsyncDisposable
{
    public const string AdminPassword = "admin-password";
    public const string StaffPassword = "staff-password";

    private readonly ConcurrentDictionary<string, (string UserId, string AuthToken)> _sessions = new(StringComparer.Ordinal);

    private EmulatorHarness(LivechatEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = emulator.BaseAddress };
    }

    public LivechatEmulator Emulator { get; }

    public HttpClient Http { get; }

    /// <summary>A generated client without credentials, for the visitor routes.</summary>
    public LivechatClient Anonymous => LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = Emulator.BaseAddress }, Http);

    /// <summary>
    /// Starts an emulator. The rate limiter is off unless <paramref name="configure"/> turns it on, the way Rocket.Chat's
    /// own end-to-end tests run in TEST_MODE.
    /// </summary>
    public static async Task<EmulatorHarness> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { RateLimiterEnabled = false, AdminPassword = AdminPassword };
        options.Users.Add(new EmulatorUser("agent.one", StaffPassword, "Agent One", "user", "livechat-agent"));
        options.Users.Add(new EmulatorUser("agent.two", StaffPassword, "Agent Two", "user", "livechat-agent"));
        options.Users.Add(new EmulatorUser("manager", StaffPassword, "Manager", "user", "livechat-manager"));
        options.Users.Add(new EmulatorUser("plain.user", StaffPassword, "Plain User", "user"));
        configure?.Invoke(options);
        return new EmulatorHarness(await LivechatEmulator.StartAsync(options));
    }

    /// <summary>Logs in (once per user) through the emulator's helper and returns X-User-Id / X-Auth-Token.</summary>
    public async Task<(string UserId, string AuthToken)> SessionAsync(string username)
    {
        if (!_sessions.TryGetValue(username, out (string UserId, string AuthToken) session))
        {
            session = await Emulator.LoginAsync(username, username == "admin" ? AdminPassword : StaffPassword);
            _sessions[username] = session;
        }

        return session;
    }

    public async Task<string> UserIdAsync(string username) => (await SessionAsync(username)).UserId;

    /// <summary>A generated client authenticated as <paramref name="username"/>.</summary>
    public async Task<LivechatClient> ClientAsync(string username)
    {
        (string userId, string authToken) = await SessionAsync(username);
        return LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = Emulator.BaseAddress, UserId = userId, AuthToken = authToken }, Http);
    }

    /// <summary>Sends a raw request; <paramref name="body"/> is sent as-is with a JSON content type.</summary>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body = null, string? asUser = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (asUser is not null)
        {
            (string userId, string authToken) = await SessionAsync(asUser);
            request.Headers.Add("X-User-Id", userId);
            request.Headers.Add("X-Auth-Token", authToken);
        }

        configure?.Invoke(request);
        using HttpResponseMessage response = await Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        JsonElement json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new ApiResponse(response.StatusCode, json, response.Headers);
    }

    public Task<ApiResponse> GetAsync(string path, string? asUser = null) => SendAsync(HttpMethod.Get, path, asUser: asUser);

    public Task<ApiResponse> PostAsync(string path, string body, string? asUser = null) => SendAsync(HttpMethod.Post, path, body, asUser);

    /// <summary>Registers a visitor through the generated client.</summary>
    public async Task<Visitor> RegisterVisitorAsync(string? token = null, string? name = null, string? phone = null, string? email = null)
    {
        RegisterVisitorResponse response = await Anonymous.Visitors.RegisterVisitorAsync(new RegisterVisitorRequest
        {
            Visitor = new VisitorInput { Token = token ?? NewToken(), Name = name, Phone = phone, Email = email },
        });
        return response.Visitor;
    }

    /// <summary>Registers a visitor and opens its room.</summary>
    public async Task<(Visitor Visitor, LivechatRoom Room)> StartChatAsync(string? name = null)
    {
        Visitor visitor = await RegisterVisitorAsync(name: name);
        GetOrCreateRoomResponse room = await Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token);
        return (visitor, room.Room);
    }

    /// <summary>Creates an enabled department (as the manager) with the given agents.</summary>
    public async Task<Department> CreateDepartmentAsync(string name, params string[] agents)
    {
        var members = new List<DepartmentAgentInput>();
        foreach (string agent in agents)
        {
            members.Add(new DepartmentAgentInput { AgentId = await UserIdAsync(agent), Username = agent });
        }

        CreateDepartmentResponse created = await (await ClientAsync("manager")).Departments.CreateDepartmentAsync(new CreateDepartmentRequest
        {
            Department = new DepartmentInput { Name = name, IsEnabled = true, Email = $"{name.ToLowerInvariant()}@example.com", ShowOnRegistration = true, ShowOnOfflineForm = true },
            Agents = members,
        });
        return created.Department;
    }

    public async Task<Inquiry> InquiryOfAsync(string roomId) =>
        (await (await ClientAsync("admin")).Inquiries.GetInquiryAsync(roomId)).Inquiry ?? throw new InvalidOperationException($"Room {roomId} has no inquiry.");

    public static string NewToken() => "visitor-" + Guid.NewGuid().ToString("N");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
