using RocketChat.Livechat.Emulator;

namespace RocketChat.Livechat.Cli.Tests;

/// <summary>A 429 from the server is reported with the wait time and exit code 1.</summary>
public sealed class CliRateLimitTests
{
    [Fact]
    public async Task A_rate_limited_call_says_how_long_to_wait()
    {
        await using LivechatEmulator emulator = await LivechatEmulator.StartAsync(new EmulatorOptions { DefaultRateLimit = 2 });
        string server = emulator.BaseAddress.ToString();

        CliResult last = null!;
        for (int i = 0; i < 3; i++)
        {
            last = await CliRunner.InProcessAsync("visitor", "get", "nobody", "--server", server);
        }

        Assert.Equal(ExitCodes.ServerError, last.ExitCode);
        Assert.Matches(@"rate limited \(429\); try again in \d+ s", last.Error);
    }
}
