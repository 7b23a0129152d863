using System.CommandLine;
using RocketChat.Livechat.Emulator;

namespace RocketChat.Livechat.Cli.Commands;

/// <summary>emulator: runs the local Rocket.Chat livechat emulator until Ctrl+C.</summary>
public static class EmulatorCommand
{
    public static Command Create(CommandFactory factory)
    {
        Option<int> port = new("--port") { Description = "Port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 3000 };
        Option<string> routing = new("--routing") { Description = "manual (inquiries wait in the queue) or auto (assigned at once)", DefaultValueFactory = _ => "manual" };
        routing.AcceptOnlyFromAmong("manual", "auto");
        Option<bool> noRateLimit = new("--no-rate-limit") { Description = "Turn the rate limiter off" };
        Option<bool> acceptWithoutAgents = new("--accept-without-agents") { Description = "Open rooms even when no agent is available" };
        return factory.Command(
            "emulator",
            "Run a local Rocket.Chat livechat emulator (admin / admin-password) until Ctrl+C.",
            async (ctx, ct) =>
            {
                var options = new EmulatorOptions
                {
                    Port = ctx.Value(port),
                    RoutingMethod = ctx.Value(routing) == "auto" ? RoutingMethod.AutoSelection : RoutingMethod.ManualSelection,
                    RateLimiterEnabled = !ctx.Value(noRateLimit),
                    AcceptChatsWithNoAgents = ctx.Value(acceptWithoutAgents),
                };
                try
                {
                    await LivechatEmulator.RunAsync(
                        options,
                        uri => ctx.Output.WriteLine($"Rocket.Chat livechat emulator listening on {uri} (admin user: {options.AdminUsername} / {options.AdminPassword}). Ctrl+C stops it."),
                        ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Ctrl+C is how the emulator is meant to stop.
                }
            },
            port, routing, noRateLimit, acceptWithoutAgents);
    }
}
