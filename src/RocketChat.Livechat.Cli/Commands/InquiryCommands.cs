using System.CommandLine;
using RocketChat.Livechat.Cli.Output;

namespace RocketChat.Livechat.Cli.Commands;

/// <summary>inquiries list | queued | get | take.</summary>
public static class InquiryCommands
{
    public static Command Create(CommandFactory factory)
    {
        Option<string?> department = CommandFactory.Optional("--department", "Department id or name");
        Command list = factory.Command(
            "list",
            "List queued inquiries (GET livechat/inquiries.list; needs view-livechat-manager).",
            async (ctx, ct) =>
            {
                ListInquiriesResponse page = await ctx.Client.Inquiries.ListInquiriesAsync(department: ctx.Value(department), cancellationToken: ct);
                ctx.Printer.Print(page, j => j.ListInquiriesResponse, p => PrintInquiries(p, page.Inquiries));
            },
            department);

        Command queued = factory.Command(
            "queued",
            "List the queued inquiries the logged-in agent may take (GET livechat/inquiries.queuedForUser).",
            async (ctx, ct) =>
            {
                ListQueuedInquiriesForUserResponse page = await ctx.Client.Inquiries.ListQueuedInquiriesForUserAsync(department: ctx.Value(department), cancellationToken: ct);
                ctx.Printer.Print(page, j => j.ListQueuedInquiriesForUserResponse, p => PrintInquiries(p, page.Inquiries));
            },
            department);

        Option<string> room = CommandFactory.Required("--room", "The room id");
        Command get = factory.Command(
            "get",
            "Show the inquiry of a room (GET livechat/inquiries.getOne).",
            async (ctx, ct) =>
            {
                GetInquiryResponse response = await ctx.Client.Inquiries.GetInquiryAsync(ctx.Value(room), ct);
                ctx.Printer.Print(response, j => j.GetInquiryResponse, p =>
                {
                    if (response.Inquiry is null)
                    {
                        p.Line("No inquiry for this room.");
                    }
                    else
                    {
                        PrintInquiries(p, new[] { response.Inquiry });
                    }
                });
            },
            room);

        Argument<string> inquiryId = new("inquiry-id") { Description = "The inquiry to take" };
        Option<string?> agent = CommandFactory.Optional("--agent", "Take it on behalf of this agent id (default: yourself)");
        Command take = factory.Command(
            "take",
            "Take a queued inquiry: the room is assigned to the agent (POST livechat/inquiries.take).",
            async (ctx, ct) =>
            {
                TakeInquiryResponse response = await ctx.Client.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = ctx.Value(inquiryId), UserId = ctx.Value(agent) }, ct);
                ctx.Printer.Print(response, j => j.TakeInquiryResponse, p => p.Line($"Took inquiry {ctx.Value(inquiryId)}."));
            },
            inquiryId, agent);

        return CommandFactory.Group("inquiries", "The omnichannel queue.", list, queued, get, take);
    }

    private static void PrintInquiries(Printer printer, IEnumerable<Inquiry> inquiries) => printer.Table(
        new[] { "ID", "ROOM", "VISITOR", "STATUS", "QUEUED" },
        inquiries.Select(i => new[] { i.Id, i.RoomId, i.Name, i.Status?.Value, Printer.Time(i.Timestamp) }),
        "No inquiries.");
}
