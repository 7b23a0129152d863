using System.Text.Json;
using RocketChat.Livechat.Emulator;

namespace RocketChat.Livechat.Cli.Tests;

/// <summary>watch room | queue against the emulator's WebSocket, in-process, stopped by --count.</summary>
public sealed class WatchCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);
    private LivechatEmulator _emulator = null!;
    private LivechatClient _visitor = null!;
    private string _server = null!;

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { RateLimiterEnabled = false };
        options.Users.Add(new EmulatorUser("agent.smith", "agent-pw", "Agent Smith", "user", "livechat-agent"));
        _emulator = await LivechatEmulator.StartAsync(options);
        _server = _emulator.BaseAddress.ToString();
        _visitor = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = _emulator.BaseAddress });
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Watch_room_prints_the_visitors_live_messages_as_json_lines()
    {
        string token = "cli-" + Guid.NewGuid().ToString("N");
        await _visitor.Visitors.RegisterVisitorAsync(new RegisterVisitorRequest { Visitor = new VisitorInput { Token = token, Name = "Maria" } });
        string roomId = (await _visitor.Rooms.GetOrCreateRoomAsync(token)).Room.Id;

        Task<CliResult> watch = CliRunner.InProcessAsync("watch", "room", "--rid", roomId, "--token", token, "--count", "2", "--json", "--server", _server);
        // Messages sent before the watch subscribed count as history and are not printed: keep writing until two were.
        using var timeout = new CancellationTokenSource(s_timeout);
        for (int i = 0; !watch.IsCompleted; i++)
        {
            await _visitor.Messages.SendMessageAsync(new SendMessageRequest { Token = token, RoomId = roomId, Text = $"live {i}" }, timeout.Token);
            await Task.WhenAny(watch, Task.Delay(50, timeout.Token));
        }

        CliResult result = await watch;
        Assert.True(result.ExitCode == 0, result.Error);
        JsonElement[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Equal("message", line.GetProperty("event").GetString()));
        int first = int.Parse(lines[0].GetProperty("message").GetProperty("msg").GetString()!["live ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"live {first + 1}", lines[1].GetProperty("message").GetProperty("msg").GetString());
    }

    [Fact]
    public async Task Watch_queue_needs_credentials_and_a_user_without_rights_is_refused()
    {
        CliResult anonymous = await CliRunner.InProcessAsync("watch", "queue", "--server", _server);
        CliResult wrong = await CliRunner.InProcessAsync("watch", "queue", "--server", _server, "--username", "agent.smith", "--password", "wrong");

        Assert.Equal(2, anonymous.ExitCode);
        Assert.Contains("needs credentials", anonymous.Error, StringComparison.Ordinal);
        Assert.Equal(1, wrong.ExitCode);
    }
}
