using System.Text.Json;
using RocketChat.Livechat.Emulator;

namespace RocketChat.Livechat.Cli.Tests;

/// <summary>The shipped entry point as a real process: stdout for results, stderr for errors, and the exit codes.</summary>
public sealed class CliProcessTests
{
    [Fact]
    public async Task Exit_codes_and_streams_as_a_process()
    {
        await using LivechatEmulator emulator = await LivechatEmulator.StartAsync(new EmulatorOptions { RateLimiterEnabled = false });
        var environment = new Dictionary<string, string> { ["ROCKETCHAT_URL"] = emulator.BaseAddress.ToString() };

        CliResult info = await CliRunner.ProcessAsync(environment, "info", "--json");
        Assert.Equal(ExitCodes.Success, info.ExitCode);
        Assert.Equal("8.0", JsonDocument.Parse(info.Output).RootElement.GetProperty("version").GetString());
        Assert.Empty(info.Error);

        CliResult usage = await CliRunner.ProcessAsync(environment, "rooms", "list");
        Assert.Equal(ExitCodes.UsageError, usage.ExitCode);
        Assert.Contains("needs a logged-in user", usage.Error);
        Assert.Empty(usage.Output);

        CliResult server = await CliRunner.ProcessAsync(environment, "visitor", "get", "no-such-token");
        Assert.Equal(ExitCodes.ServerError, server.ExitCode);
        Assert.Contains("[invalid-token]", server.Error);

        CliResult unreachable = await CliRunner.ProcessAsync(new Dictionary<string, string> { ["ROCKETCHAT_URL"] = "http://127.0.0.1:1/" }, "info");
        Assert.Equal(ExitCodes.Unreachable, unreachable.ExitCode);
        Assert.Contains("cannot reach the server at http://127.0.0.1:1", unreachable.Error);
    }
}
