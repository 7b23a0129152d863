using System.CommandLine;
using RocketChat.Livechat.Cli.Demo;
using RocketChat.Livechat.Emulator;

namespace RocketChat.Livechat.Cli.Commands;

/// <summary>demo: the support flow against an embedded emulator, or against --server with credentials.</summary>
public static class DemoCommand
{
    public static Command Create(CommandFactory factory) => factory.Command(
        "demo",
        "Play a whole support conversation and print the transcript. Starts a local emulator unless --server (or ROCKETCHAT_URL) is given.",
        async (ctx, ct) =>
        {
            bool external = ctx.Parse.GetValue(ctx.Globals.Server) is not null || ctx.Environment("ROCKETCHAT_URL") is not null;
            if (external)
            {
                string? username = ctx.Parse.GetValue(ctx.Globals.Username) ?? ctx.Environment("ROCKETCHAT_USERNAME");
                await new SupportFlow(ctx.Client, new Output.Printer(ctx.Output, json: false), username).RunAsync(ct);
                return;
            }

            var options = new EmulatorOptions { Port = 0 };
            await using LivechatEmulator emulator = await LivechatEmulator.StartAsync(options, ct);
            ctx.Output.WriteLine($"Started the embedded Rocket.Chat livechat emulator at {emulator.BaseAddress}");
            LivechatClient client = LivechatClient.Create(new RocketChatLivechatOptions
            {
                ServerUrl = emulator.BaseAddress,
                Username = options.AdminUsername,
                Password = options.AdminPassword,
            });
            await new SupportFlow(client, new Output.Printer(ctx.Output, json: false), options.AdminUsername).RunAsync(ct);
        });
}
