using System.Diagnostics;
using System.Globalization;
using RocketChat.Livechat.Emulator;

namespace RocketChat.Livechat.Realtime.Load;

/// <summary>
/// The emulator in its own process, so that its memory is measured apart from the clients': the child prints
/// <c>ready &lt;url&gt;</c>, then answers <c>mem</c> with its managed heap after a full collection, its working set
/// and its open DDP sessions, until <c>quit</c>.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    public const string AgentUsername = "agent.1";
    public const string AgentPassword = "agent-password";

    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<int> ServeAsync()
    {
        var options = new EmulatorOptions { RateLimiterEnabled = false };
        options.Users.Add(new EmulatorUser(AgentUsername, AgentPassword, "Agent One", "user", "livechat-agent"));
        await using LivechatEmulator emulator = await LivechatEmulator.StartAsync(options);
        Console.WriteLine($"ready {emulator.BaseAddress}");
        while (Console.ReadLine() is { } command && command != "quit")
        {
            if (command == "mem")
            {
                (long heap, long workingSet) = Memory.Measure();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mem {heap} {workingSet} {emulator.RealtimeConnectionCount}"));
            }
        }

        return 0;
    }

    /// <summary>Starts this program again as <c>serve</c> and waits for its URL.</summary>
    public static async Task<EmulatorProcess> StartAsync()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        string entry = typeof(EmulatorProcess).Assembly.Location;
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(entry); // Launched as `dotnet <dll>`.
        }

        start.ArgumentList.Add("serve");
        Process process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start the emulator process.");
        string line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The emulator process ended before it was ready.");
        return line.StartsWith("ready ", StringComparison.Ordinal)
            ? new EmulatorProcess(process, new Uri(line["ready ".Length..]))
            : throw new InvalidOperationException($"Unexpected line from the emulator process: {line}");
    }

    /// <summary>The child's managed heap (after a full collection), working set and open DDP sessions.</summary>
    public async Task<(long Heap, long WorkingSet, int Sessions)> MeasureAsync()
    {
        await _process.StandardInput.WriteLineAsync("mem");
        string line = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The emulator process ended.");
        string[] parts = line.Split(' ');
        return (long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("quit");
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is TimeoutException or IOException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
