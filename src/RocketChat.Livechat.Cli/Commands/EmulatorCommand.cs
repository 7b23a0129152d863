using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using RocketChat.Livechat.Emulator;

namespace RocketChat.Livechat.Cli.Commands;

/// <summary>emulator: runs the local Rocket.Chat livechat emulator until Ctrl+C.</summary>
public static class EmulatorCommand
{
    /// <summary>The user with TOTP two-factor authentication that <c>--two-factor-users</c> seeds.</summary>
    public const string TotpUsername = "agent.totp";

    /// <summary>The user with email two-factor authentication that <c>--two-factor-users</c> seeds.</summary>
    public const string EmailUsername = "agent.email";

    /// <summary>The password of both two-factor users.</summary>
    public const string TwoFactorPassword = "agent-password";

    public static Command Create(CommandFactory factory)
    {
        Option<int> port = new("--port") { Description = "Port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 3000 };
        Option<string> routing = new("--routing") { Description = "manual (inquiries wait in the queue) or auto (assigned at once)", DefaultValueFactory = _ => "manual" };
        routing.AcceptOnlyFromAmong("manual", "auto");
        Option<bool> noRateLimit = new("--no-rate-limit") { Description = "Turn the rate limiter off" };
        Option<bool> acceptWithoutAgents = new("--accept-without-agents") { Description = "Open rooms even when no agent is available" };
        Option<bool> twoFactorUsers = new("--two-factor-users")
        {
            Description = $"Also seed the admins and livechat agents '{TotpUsername}' (TOTP 2FA; its secret is printed) and '{EmailUsername}' (email 2FA; each code it is mailed is printed), password '{TwoFactorPassword}'",
        };
        return factory.Command(
            "emulator",
            "Run a local Rocket.Chat livechat emulator (admin / admin-password) until Ctrl+C.",
            async (ctx, ct) =>
            {
                int requestedPort = ctx.Value(port);
                if (requestedPort is < 0 or > 65535)
                {
                    throw new UsageException($"--port must be between 0 and 65535 (0 picks a free one), not {requestedPort}.");
                }

                var options = new EmulatorOptions
                {
                    Port = requestedPort,
                    RoutingMethod = ctx.Value(routing) == "auto" ? RoutingMethod.AutoSelection : RoutingMethod.ManualSelection,
                    RateLimiterEnabled = !ctx.Value(noRateLimit),
                    AcceptChatsWithNoAgents = ctx.Value(acceptWithoutAgents),
                };
                string? totpSecret = null;
                if (ctx.Value(twoFactorUsers))
                {
                    totpSecret = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 32);
                    options.Users.Add(new EmulatorUser(TotpUsername, TwoFactorPassword, "TOTP Agent", "user", "admin", "livechat-agent") { TotpSecret = totpSecret });
                    options.Users.Add(new EmulatorUser(EmailUsername, TwoFactorPassword, "Email Agent", "user", "admin", "livechat-agent") { EmailTwoFactor = true });
                }

                using var logWriter = new EmulatorLogWriter(ctx.Output);
                using var loggerFactory = new LoggerFactory([logWriter]);
                options.LoggerFactory = loggerFactory;
                try
                {
                    await LivechatEmulator.RunAsync(
                        options,
                        uri =>
                        {
                            ctx.Output.WriteLine($"Rocket.Chat livechat emulator listening on {uri} (admin user: {options.AdminUsername} / {options.AdminPassword}). Ctrl+C stops it.");
                            if (totpSecret is not null)
                            {
                                ctx.Output.WriteLine($"Two-factor users (password {TwoFactorPassword}): {TotpUsername} with TOTP secret {totpSecret} (otpauth://totp/Rocket.Chat:{TotpUsername}?secret={totpSecret}), and {EmailUsername}, whose emailed codes are printed here.");
                            }
                        },
                        ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Ctrl+C is how the emulator is meant to stop.
                }
                catch (IOException ex)
                {
                    // Kestrel's bind failure: the port is taken (or not ours to take); the user picks another one.
                    throw new UsageException($"cannot listen on 127.0.0.1:{requestedPort}: {FirstLine(ex.InnerException?.Message ?? ex.Message)} Pick another --port, or 0 for a free one.");
                }
            },
            port, routing, noRateLimit, acceptWithoutAgents, twoFactorUsers);
    }

    private static string FirstLine(string text)
    {
        string line = text.Split('\n', 2)[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }
}
