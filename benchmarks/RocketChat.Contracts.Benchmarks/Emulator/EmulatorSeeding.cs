using RocketChat.Livechat;
using RocketChat.Livechat.Emulator;

namespace RocketChat.Contracts.Benchmarks.Emulator;

/// <summary>Starts emulators for the load benchmarks and fills them with visitors that each have an open room.</summary>
public static class EmulatorSeeding
{
    public const string AgentPassword = "agent-password";

    /// <summary>An emulator without rate limits, with <paramref name="agents"/> available agents (agent.1 … agent.N).</summary>
    public static Task<LivechatEmulator> StartAsync(int agents)
    {
        var options = new EmulatorOptions { RateLimiterEnabled = false };
        for (int i = 1; i <= agents; i++)
        {
            options.Users.Add(new EmulatorUser($"agent.{i}", AgentPassword, $"Agent {i}", "user", "livechat-agent"));
        }

        return LivechatEmulator.StartAsync(options);
    }

    /// <summary>A visitor-side client over <paramref name="http"/> (no staff credentials).</summary>
    public static LivechatClient Visitor(LivechatEmulator emulator, HttpClient http) =>
        LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = emulator.BaseAddress }, http);

    /// <summary>A client logged in as <paramref name="username"/>.</summary>
    public static async Task<LivechatClient> StaffAsync(LivechatEmulator emulator, HttpClient http, string username)
    {
        (string userId, string authToken) = await emulator.LoginAsync(username, AgentPassword);
        return LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = emulator.BaseAddress, UserId = userId, AuthToken = authToken }, http);
    }

    /// <summary>Registers <paramref name="rooms"/> visitors and opens a room for each, <paramref name="parallelism"/> at a time.</summary>
    public static async Task AddOpenRoomsAsync(LivechatEmulator emulator, HttpClient http, int rooms, int parallelism = 8)
    {
        LivechatClient client = Visitor(emulator, http);
        await Parallel.ForAsync(0, rooms, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, ct) =>
        {
            string token = $"seed-{i}-{Guid.NewGuid():N}";
            await client.Visitors.RegisterVisitorAsync(new RegisterVisitorRequest { Visitor = new VisitorInput { Token = token, Name = $"Seed {i}" } }, ct);
            await client.Rooms.GetOrCreateRoomAsync(token, cancellationToken: ct);
        });
    }
}
