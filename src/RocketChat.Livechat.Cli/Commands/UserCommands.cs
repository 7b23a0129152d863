using System.CommandLine;
using RocketChat.Livechat.Cli.Output;

namespace RocketChat.Livechat.Cli.Commands;

/// <summary>agents|managers list | add | get | remove, and agents status.</summary>
public static class UserCommands
{
    public static Command Create(CommandFactory factory, LivechatUserType type, string name, string singular)
    {
        Option<string?> text = CommandFactory.Optional("--text", "Filter by name, username or e-mail");
        Option<bool> available = new("--available") { Description = "Only agents available for livechat" };
        Command list = factory.Command(
            "list",
            $"List livechat {name} (GET livechat/users/{singular}).",
            async (ctx, ct) =>
            {
                ListLivechatUsersResponse page = await ctx.Client.Users.ListLivechatUsersAsync(type, text: ctx.Value(text), onlyAvailable: ctx.Value(available) ? true : null, cancellationToken: ct);
                ctx.Printer.Print(page, j => j.ListLivechatUsersResponse, p => p.Table(
                    new[] { "ID", "USERNAME", "NAME", "STATUS", "LIVECHAT" },
                    page.Users.Select(u => new[] { u.Id, u.Username, u.Name, u.Status?.Value, u.LivechatStatus?.Value }),
                    $"No {name}."));
            },
            text, available);

        Argument<string> username = new("username") { Description = "The user's username" };
        Command add = factory.Command(
            "add",
            $"Give a user the {singular} role (POST livechat/users/{singular}).",
            async (ctx, ct) =>
            {
                AddLivechatUserResponse response = await ctx.Client.Users.AddLivechatUserAsync(type, new AddLivechatUserRequest { Username = ctx.Value(username) }, ct);
                ctx.Printer.Print(response, j => j.AddLivechatUserResponse, p => p.Line($"{response.User.Username} ({response.User.Id}) is now a livechat {singular}."));
            },
            username);

        Argument<string> userId = new("user-id") { Description = "The user's id" };
        Command get = factory.Command(
            "get",
            $"Show a livechat {singular} (GET livechat/users/{singular}/:id).",
            async (ctx, ct) =>
            {
                GetLivechatUserResponse response = await ctx.Client.Users.GetLivechatUserAsync(type, ctx.Value(userId), ct);
                ctx.Printer.Print(response, j => j.GetLivechatUserResponse, p =>
                {
                    if (response.User is not { } user)
                    {
                        p.Line($"That user is not a livechat {singular}.");
                        return;
                    }

                    p.Fields(("Id", user.Id), ("Username", user.Username), ("Name", user.Name), ("Status", user.Status?.Value), ("Livechat", user.LivechatStatus?.Value));
                });
            },
            userId);

        Command remove = factory.Command(
            "remove",
            $"Take the {singular} role away (DELETE livechat/users/{singular}/:id).",
            async (ctx, ct) =>
            {
                RemoveLivechatUserResponse response = await ctx.Client.Users.RemoveLivechatUserAsync(type, ctx.Value(userId), ct);
                ctx.Printer.Print(response, j => j.RemoveLivechatUserResponse, p => p.Line($"{ctx.Value(userId)} is no longer a livechat {singular}."));
            },
            userId);

        var commands = new List<Command> { list, add, get, remove };
        if (type == LivechatUserType.Agent)
        {
            Argument<string> status = new("status") { Description = "available or not-available" };
            status.AcceptOnlyFromAmong("available", "not-available");
            Option<string?> agentId = CommandFactory.Optional("--agent", "Change this agent instead of yourself");
            commands.Add(factory.Command(
                "status",
                "Set an agent's livechat availability (POST livechat/agent.status).",
                async (ctx, ct) =>
                {
                    SetAgentStatusResponse response = await ctx.Client.Users.SetAgentStatusAsync(
                        new SetAgentStatusRequest { Status = new LivechatStatus(ctx.Value(status)), AgentId = ctx.Value(agentId) }, ct);
                    ctx.Printer.Print(response, j => j.SetAgentStatusResponse, p => p.Line($"Livechat status: {response.Status.Value}."));
                },
                status, agentId));
        }

        return CommandFactory.Group(name, $"Livechat {name}.", commands.ToArray());
    }
}
