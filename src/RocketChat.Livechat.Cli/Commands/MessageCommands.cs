using System.CommandLine;
using RocketChat.Livechat.Cli.Output;

namespace RocketChat.Livechat.Cli.Commands;

/// <summary>message send | reply, and history.</summary>
public static class MessageCommands
{
    public static Command Message(CommandFactory factory)
    {
        Option<string> token = CommandFactory.Required("--token", "The visitor token");
        Option<string> rid = CommandFactory.Required("--rid", "The room id");
        Option<string> text = CommandFactory.Required("--text", "The message text");
        Command send = factory.Command(
            "send",
            "Send a message as the visitor (POST livechat/message).",
            async (ctx, ct) =>
            {
                SendMessageResponse response = await ctx.Client.Messages.SendMessageAsync(new SendMessageRequest { Token = ctx.Value(token), RoomId = ctx.Value(rid), Text = ctx.Value(text) }, ct);
                ctx.Printer.Print(response, j => j.SendMessageResponse, p => p.Fields(("Message", response.Message.Id), ("Room", response.Message.RoomId), ("At", Printer.Time(response.Message.Timestamp))));
            },
            token, rid, text);

        Command reply = factory.Command(
            "reply",
            "Send a message as the logged-in agent (POST chat.sendMessage).",
            async (ctx, ct) =>
            {
                SendAgentMessageResponse response = await ctx.Client.Messages.SendAgentMessageAsync(
                    new SendAgentMessageRequest { Message = new OutgoingMessage { RoomId = ctx.Value(rid), Text = ctx.Value(text) } }, ct);
                ctx.Printer.Print(response, j => j.SendAgentMessageResponse, p => p.Fields(("Message", response.Message.Id), ("Room", response.Message.RoomId), ("At", Printer.Time(response.Message.Timestamp))));
            },
            rid, text);

        return CommandFactory.Group("message", "Livechat messages.", send, reply);
    }

    public static Command History(CommandFactory factory)
    {
        Option<string> token = CommandFactory.Required("--token", "The visitor token");
        Option<string> rid = CommandFactory.Required("--rid", "The room id");
        Option<int?> limit = new("--limit") { Description = "How many messages (server default 20)" };
        Option<int?> offset = new("--offset") { Description = "Skip the newest N messages" };
        return factory.Command(
            "history",
            "Show a room's messages, oldest first (GET livechat/messages.history/:rid).",
            async (ctx, ct) =>
            {
                GetMessageHistoryResponse response = await ctx.Client.Messages.GetMessageHistoryAsync(ctx.Value(rid), ctx.Value(token), limit: ctx.Value(limit), offset: ctx.Value(offset), cancellationToken: ct);
                ctx.Printer.Print(response, j => j.GetMessageHistoryResponse, p => PrintTranscript(p, response.Messages));
            },
            token, rid, limit, offset);
    }

    /// <summary>The server sends newest first; people read oldest first. System messages read as events.</summary>
    public static void PrintTranscript(Printer printer, IReadOnlyList<Message> newestFirst)
    {
        printer.Table(
            new[] { "TIME", "FROM", "MESSAGE" },
            newestFirst.Reverse()
                .Where(m => m.Type != "command")
                .Select(m => new[]
                {
                    m.Timestamp?.ToUniversalTime().ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    m.Type is { Length: > 0 } ? "-" : m.Alias ?? m.User?.Name ?? m.User?.Username,
                    m.Type is { Length: > 0 } type ? Describe(type, m) : m.Text,
                }),
            "No messages.");
    }

    private static string Describe(string type, Message message) => type switch
    {
        "livechat-started" => "(conversation started)",
        "uj" => $"({message.User?.Name ?? message.User?.Username} joined)",
        "ul" => $"({message.User?.Name ?? message.User?.Username} left)",
        "livechat-close" => "(conversation closed)",
        "livechat_transfer_history" => "(conversation forwarded)",
        _ => $"({type})",
    };
}
