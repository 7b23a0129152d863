using System.Text.Json;
using RocketChat.Livechat.Emulator;

namespace RocketChat.Livechat.Cli.Tests;

/// <summary>Every command against the emulator, in-process: output, --json and exit codes, including the error paths.</summary>
public sealed class CliCommandTests : IAsyncLifetime
{
    private LivechatEmulator _emulator = null!;
    private string[] _admin = null!;
    private string _server = null!;

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { RateLimiterEnabled = false };
        options.Users.Add(new EmulatorUser("agent.smith", "agent-pw", "Agent Smith", "user", "livechat-agent"));
        options.Users.Add(new EmulatorUser("plain.user", "user-pw", "Plain User", "user"));
        _emulator = await LivechatEmulator.StartAsync(options);
        _server = _emulator.BaseAddress.ToString();
        (string userId, string token) = await _emulator.LoginAsync("admin", "admin-password");
        _admin = new[] { "--server", _server, "--user-id", userId, "--auth-token", token };
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Task<CliResult> Admin(params string[] args) => CliRunner.InProcessAsync(args.Concat(_admin).ToArray());

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement;
    }

    [Fact]
    public async Task Info_prints_the_version_as_a_table_or_json()
    {
        CliResult table = await CliRunner.InProcessAsync("info", "--server", _server);
        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"Version:\s+\d+\.\d+", table.Output);

        JsonElement json = Json(await CliRunner.InProcessAsync("info", "--server", _server, "--json"));
        Assert.Matches(@"^\d+\.\d+$", json.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Config_prints_the_widget_configuration_and_with_a_token_the_visitors_room()
    {
        string token = "cli-config-" + Guid.NewGuid().ToString("N");
        Assert.Equal(0, (await CliRunner.InProcessAsync("visitor", "register", "--server", _server, "--token", token)).ExitCode);
        Assert.Equal(0, (await CliRunner.InProcessAsync("room", "open", "--server", _server, "--token", token)).ExitCode);

        CliResult table = await CliRunner.InProcessAsync("config", "--server", _server);
        JsonElement json = Json(await CliRunner.InProcessAsync("config", "--server", _server, "--token", token, "--json"));

        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"Enabled:\s+yes", table.Output);
        Assert.Matches(@"Title:\s+Rocket\.Chat", table.Output);
        Assert.Equal(token, json.GetProperty("config").GetProperty("guest").GetProperty("token").GetString());
        Assert.True(json.GetProperty("config").GetProperty("room").GetProperty("open").GetBoolean());
    }

    [Fact]
    public async Task Login_prints_credentials_that_work()
    {
        JsonElement login = Json(await CliRunner.InProcessAsync("login", "--server", _server, "--username", "agent.smith", "--password", "agent-pw", "--json"));
        string userId = login.GetProperty("userId").GetString()!;
        string token = login.GetProperty("authToken").GetString()!;

        CliResult queued = await CliRunner.InProcessAsync("inquiries", "queued", "--server", _server, "--user-id", userId, "--auth-token", token);
        Assert.Equal(0, queued.ExitCode);
    }

    [Fact]
    public async Task The_whole_flow_through_commands()
    {
        string token = "cli-" + Guid.NewGuid().ToString("N");
        Assert.Equal(0, (await Admin("agents", "add", "agent.smith")).ExitCode);
        JsonElement agents = Json(await Admin("agents", "list", "--json"));
        string agentId = agents.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("username").GetString() == "agent.smith").GetProperty("_id").GetString()!;
        Assert.Equal(0, (await Admin("agents", "status", "available", "--agent", agentId)).ExitCode);

        CliResult registered = await CliRunner.InProcessAsync("visitor", "register", "--server", _server, "--token", token, "--name", "Bob");
        Assert.Equal(0, registered.ExitCode);
        Assert.Contains("Bob", registered.Output);

        JsonElement room = Json(await CliRunner.InProcessAsync("room", "open", "--server", _server, "--token", token, "--json"));
        string rid = room.GetProperty("room").GetProperty("_id").GetString()!;
        Assert.True(room.GetProperty("newRoom").GetBoolean());

        Assert.Equal(0, (await CliRunner.InProcessAsync("message", "send", "--server", _server, "--token", token, "--rid", rid, "--text", "Hello from the CLI")).ExitCode);

        CliResult queue = await Admin("inquiries", "list");
        Assert.Contains(rid, queue.Output);
        JsonElement inquiry = Json(await Admin("inquiries", "get", "--room", rid, "--json")).GetProperty("inquiry");
        Assert.Equal("queued", inquiry.GetProperty("status").GetString());
        Assert.Equal(0, (await Admin("inquiries", "take", inquiry.GetProperty("_id").GetString()!, "--agent", agentId)).ExitCode);
        CliResult takenTwice = await Admin("inquiries", "take", inquiry.GetProperty("_id").GetString()!, "--agent", agentId);
        Assert.Equal(ExitCodes.ServerError, takenTwice.ExitCode);
        Assert.Contains("error-inquiry-taken", takenTwice.Error);

        CliResult history = await CliRunner.InProcessAsync("history", "--server", _server, "--token", token, "--rid", rid);
        Assert.Equal(0, history.ExitCode);
        Assert.Contains("Hello from the CLI", history.Output);

        JsonElement rooms = Json(await Admin("rooms", "list", "--open", "true", "--all", "--json"));
        Assert.Contains(rooms.GetProperty("rooms").EnumerateArray(), r => r.GetProperty("_id").GetString() == rid);

        Assert.Equal(0, (await Admin("room", "close", "--rid", rid, "--comment", "done")).ExitCode);
        JsonElement closed = Json(await Admin("rooms", "list", "--open", "false", "--json"));
        Assert.Contains(closed.GetProperty("rooms").EnumerateArray(), r => r.GetProperty("_id").GetString() == rid);

        Assert.Equal(0, (await CliRunner.InProcessAsync("visitor", "delete", token, "--server", _server)).ExitCode);
        CliResult gone = await CliRunner.InProcessAsync("visitor", "get", token, "--server", _server);
        Assert.Equal(ExitCodes.ServerError, gone.ExitCode);
        Assert.Contains("invalid-token", gone.Error);
    }

    [Fact]
    public async Task Managers_add_get_remove()
    {
        JsonElement added = Json(await Admin("managers", "add", "plain.user", "--json"));
        string id = added.GetProperty("user").GetProperty("_id").GetString()!;
        Assert.Contains("plain.user", (await Admin("managers", "get", id)).Output);
        Assert.Equal(0, (await Admin("managers", "remove", id)).ExitCode);
        Assert.Contains("not a livechat manager", (await Admin("managers", "get", id)).Output);
    }

    [Fact]
    public async Task Usage_errors_exit_2()
    {
        Assert.Equal(ExitCodes.UsageError, (await CliRunner.InProcessAsync("rooms", "list")).ExitCode);
        Assert.Equal(ExitCodes.UsageError, (await CliRunner.InProcessAsync("info", "--server", "not a url")).ExitCode);
        Assert.Equal(ExitCodes.UsageError, (await CliRunner.InProcessAsync("visitor", "register", "--server", _server)).ExitCode);
        Assert.Equal(ExitCodes.UsageError, (await CliRunner.InProcessAsync("rooms", "list", "--server", _server)).ExitCode);
        Assert.Equal(ExitCodes.UsageError, (await CliRunner.InProcessAsync("frobnicate")).ExitCode);
    }

    [Fact]
    public async Task Bad_credentials_and_missing_permissions_are_server_errors_with_clear_messages()
    {
        CliResult unauthorized = await CliRunner.InProcessAsync("rooms", "list", "--server", _server, "--user-id", "nobody", "--auth-token", "wrong");
        Assert.Equal(ExitCodes.ServerError, unauthorized.ExitCode);
        Assert.Contains("refused the credentials (401", unauthorized.Error);
        Assert.DoesNotContain("wrong", unauthorized.Error);

        (string userId, string token) = await _emulator.LoginAsync("plain.user", "user-pw");
        CliResult forbidden = await CliRunner.InProcessAsync("inquiries", "list", "--server", _server, "--user-id", userId, "--auth-token", token);
        Assert.Equal(ExitCodes.ServerError, forbidden.ExitCode);
        Assert.Contains("permission denied (403", forbidden.Error);
    }

    [Fact]
    public async Task An_unreachable_server_exits_3()
    {
        CliResult result = await CliRunner.InProcessAsync("info", "--server", "http://127.0.0.1:1/");
        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
        Assert.Contains("cannot reach the server", result.Error);
    }
}
