using System.CommandLine;
using RocketChat.Livechat.Cli.Output;
using RocketChat.Livechat.Realtime;

namespace RocketChat.Livechat.Cli.Commands;

/// <summary>watch room | queue: live events over the server's WebSocket until Ctrl+C (or --count events).</summary>
public static class WatchCommand
{
    public static Command Create(CommandFactory factory)
    {
        Option<int?> count = new("--count") { Description = "Stop after this many events (default: until Ctrl+C)" };

        Option<string> token = CommandFactory.Required("--token", "The visitor token");
        Option<string> rid = CommandFactory.Required("--rid", "The room id");
        Command room = factory.Command(
            "room",
            "Print a room's events as they happen, as its visitor: messages, typing, agent changes, closing.",
            async (ctx, ct) =>
            {
                await using LivechatRealtimeClient realtime = await ConnectAsync(ctx, ct);
                await using LivechatRoomSubscription events = await realtime.SubscribeVisitorRoomAsync(ctx.Value(rid), ctx.Value(token), ct);
                ctx.Error.WriteLine($"Watching room {ctx.Value(rid)}; Ctrl+C stops.");
                var printer = new EventPrinter(ctx.Output, ctx.Json);
                int left = ctx.Value(count) ?? int.MaxValue;
                await foreach (LivechatRoomEvent e in events.WithCancellation(ct))
                {
                    printer.Print(e);
                    if (--left == 0)
                    {
                        break;
                    }
                }
            },
            token, rid, count);

        Option<string?> department = CommandFactory.Optional("--department", "Watch this department's queue instead of the public one");
        Option<string?> agent = CommandFactory.Optional("--agent", "Watch the inquiries reserved for this agent id");
        Command queue = factory.Command(
            "queue",
            "Print the inquiry queue's changes as they happen (needs an agent's credentials).",
            async (ctx, ct) =>
            {
                InquiryQueueKey key = ctx.Value(department) is { Length: > 0 } dept ? InquiryQueueKey.Department(dept)
                    : ctx.Value(agent) is { Length: > 0 } agentId ? InquiryQueueKey.Agent(agentId)
                    : InquiryQueueKey.Public;
                await using LivechatRealtimeClient realtime = await ConnectAsync(ctx, ct);
                RocketChatLivechatOptions options = ctx.Globals.CreateOptions(ctx.Parse, ctx.Environment);
                if (!string.IsNullOrEmpty(options.AuthToken))
                {
                    await realtime.LoginWithTokenAsync(options.AuthToken, ct);
                }
                else if (!string.IsNullOrEmpty(options.Username))
                {
                    await realtime.LoginWithPasswordAsync(options.Username, options.Password!, options.TwoFactorCode, ct);
                }
                else
                {
                    throw new UsageException("watching the queue needs credentials: --user-id and --auth-token, or --username and --password.");
                }

                await using InquiryQueueSubscription events = await realtime.SubscribeInquiryQueueAsync(key, ct);
                ctx.Error.WriteLine($"Watching the '{key}' queue; Ctrl+C stops.");
                var printer = new EventPrinter(ctx.Output, ctx.Json);
                int left = ctx.Value(count) ?? int.MaxValue;
                await foreach (InquiryQueueEvent e in events.WithCancellation(ct))
                {
                    printer.Print(e);
                    if (--left == 0)
                    {
                        break;
                    }
                }
            },
            department, agent, count);

        return CommandFactory.Group("watch", "Live events over the server's WebSocket (DDP).", room, queue);
    }

    private static async Task<LivechatRealtimeClient> ConnectAsync(CliContext ctx, CancellationToken cancellationToken)
    {
        RocketChatLivechatOptions options = ctx.Globals.CreateOptions(ctx.Parse, ctx.Environment);

        // --timeout bounds each call over the socket as it bounds each REST call: the handshake, the login and every
        // subscription. A server that accepts the socket and then stays silent ends the command with exit code 3.
        TimeSpan perCall = options.Timeout ?? GlobalOptions.DefaultTimeout;
        var realtimeOptions = new LivechatRealtimeOptions { ConnectTimeout = perCall, CallTimeout = perCall };
        LivechatRealtimeClient realtime = LivechatRealtimeClient.Create(options, realtimeOptions, ctx.Client);
        try
        {
            await realtime.ConnectAsync(cancellationToken);
            return realtime;
        }
        catch
        {
            await realtime.DisposeAsync();
            throw;
        }
    }
}
