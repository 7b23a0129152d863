using RocketChat.Livechat.Emulator;

namespace RocketChat.Livechat.Cli.Tests;

/// <summary>The main job: the demo plays the support flow end to end, in-process, as a process, and against --server.</summary>
public sealed class DemoTests
{
    private static readonly string[] s_expectedTranscript =
    {
        "Hi! My order #1234 has not arrived yet.",
        "Hello Ann, I'm sorry about that. Let me check.",
        "It left our warehouse today and arrives tomorrow.",
        "Great, thank you!",
    };

    private static void AssertTranscript(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("agent took inquiry", result.Output);
        Assert.Contains("closed", result.Output);
        int[] positions = s_expectedTranscript.Select(line => result.Output.IndexOf(line, StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task Demo_runs_in_process_against_the_embedded_emulator() => AssertTranscript(await CliRunner.InProcessAsync("demo"));

    [Fact]
    public async Task Demo_runs_as_a_process() => AssertTranscript(await CliRunner.ProcessAsync(null, "demo"));

    [Fact]
    public async Task Demo_runs_against_a_server_given_by_environment_variables()
    {
        await using LivechatEmulator emulator = await LivechatEmulator.StartAsync(new EmulatorOptions());
        (string userId, string token) = await emulator.LoginAsync("admin", "admin-password");
        var environment = new Dictionary<string, string>
        {
            ["ROCKETCHAT_URL"] = emulator.BaseAddress.ToString(),
            ["ROCKETCHAT_USER_ID"] = userId,
            ["ROCKETCHAT_AUTH_TOKEN"] = token,
        };

        // A token alone does not say the username, so the user must already be an agent.
        CliResult add = await CliRunner.ProcessAsync(environment, "agents", "add", "admin");
        Assert.True(add.ExitCode == 0, add.Error);
        CliResult demo = await CliRunner.ProcessAsync(environment, "demo");

        AssertTranscript(demo);
        Assert.Contains(emulator.BaseAddress.ToString(), demo.Output);
        Assert.DoesNotContain("embedded", demo.Output);
    }
}
