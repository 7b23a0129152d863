using System.CommandLine;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Cli.Output;

namespace RocketChat.Livechat.Cli.Commands;

/// <summary>info, config and login.</summary>
public static class ServerCommands
{
    public static Command Info(CommandFactory factory) => factory.Command(
        "info",
        "Show the server version (GET /api/info).",
        async (ctx, ct) =>
        {
            GetServerInfoResponse info = await ctx.Client.Server.GetServerInfoAsync(ct);
            ctx.Printer.Print(info, j => j.GetServerInfoResponse, p => p.Fields(("Server", ctx.Client.Connection.ServerUri), ("Version", info.Version)));
        });

    public static Command Config(CommandFactory factory)
    {
        Option<string?> token = CommandFactory.Optional("--token", "A visitor token: adds the visitor, its open room and its agent");
        Option<string?> department = CommandFactory.Optional("--department", "Department id that decides whether livechat is online");
        return factory.Command(
            "config",
            "Show the livechat widget's configuration: enabled, online, title, departments (GET livechat/config).",
            async (ctx, ct) =>
            {
                GetLivechatConfigResponse response = await ctx.Client.Visitors.GetLivechatConfigAsync(ctx.Value(token), ctx.Value(department), cancellationToken: ct);
                LivechatConfig config = response.Config;
                ctx.Printer.Print(response, j => j.GetLivechatConfigResponse, p => p.Fields(
                    ("Enabled", config.IsEnabled ? "yes" : "no"),
                    ("Online", config.IsOnline is { } online ? (online ? "yes" : "no") : null),
                    ("Title", config.Theme?.Title),
                    ("Departments", config.Departments is { Count: > 0 } departments ? string.Join(", ", departments.Select(d => d.Name)) : null),
                    ("Visitor", config.Guest?.Username),
                    ("Room", config.Room?.Id),
                    ("Agent", config.Agent?.Username)));
            },
            token,
            department);
    }

    public static Command Login(CommandFactory factory)
    {
        Option<string?> code = CommandFactory.Optional("--code", "Two-factor (TOTP or e-mailed) code");
        return factory.Command(
            "login",
            "Log in with --username and --password and print the user id and auth token to use with --user-id/--auth-token.",
            async (ctx, ct) =>
            {
                string username = ctx.Parse.GetValue(ctx.Globals.Username) ?? ctx.Environment("ROCKETCHAT_USERNAME")
                    ?? throw new UsageException("login needs --username and --password.");
                string password = ctx.Parse.GetValue(ctx.Globals.Password) ?? ctx.Environment("ROCKETCHAT_PASSWORD")
                    ?? throw new UsageException("login needs --username and --password.");
                RocketChatCredentials credentials = await ctx.Client.LoginAsync(username, password, ctx.Value(code), ct);
                var result = new LoginData { UserId = credentials.UserId, AuthToken = credentials.AuthToken };
                ctx.Printer.Print(result, j => j.LoginData, p => p.Fields(("User id", result.UserId), ("Auth token", result.AuthToken)));
            },
            code);
    }
}
