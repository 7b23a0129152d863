using System.CommandLine;
using RocketChat.Livechat.Cli.Output;

namespace RocketChat.Livechat.Cli.Commands;

/// <summary>room open | close | close-as-visitor | forward, and rooms list.</summary>
public static class RoomCommands
{
    public static Command Room(CommandFactory factory)
    {
        Option<string> token = CommandFactory.Required("--token", "The visitor token");
        Option<string?> rid = CommandFactory.Optional("--rid", "An open room of this visitor to fetch");
        Option<string?> agentId = CommandFactory.Optional("--agent-id", "Agent who should serve a new room");
        Command open = factory.Command(
            "open",
            "Get the visitor's open room, or create one (GET livechat/room).",
            async (ctx, ct) =>
            {
                GetOrCreateRoomResponse response = await ctx.Client.Rooms.GetOrCreateRoomAsync(ctx.Value(token), ctx.Value(rid), ctx.Value(agentId), ct);
                ctx.Printer.Print(response, j => j.GetOrCreateRoomResponse, p =>
                {
                    p.Fields(("Room", response.Room.Id), ("New", response.IsNewRoom ? "yes" : "no"), ("Served by", response.Room.ServedBy?.Username ?? "(queued)"));
                });
            },
            token, rid, agentId);

        Option<string> roomId = CommandFactory.Required("--rid", "The room id");
        Option<string?> comment = CommandFactory.Optional("--comment", "Closing comment");
        Command close = factory.Command(
            "close",
            "Close a room as an agent or manager (POST livechat/room.closeByUser).",
            async (ctx, ct) =>
            {
                CloseRoomResponse response = await ctx.Client.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = ctx.Value(roomId), Comment = ctx.Value(comment) }, ct);
                ctx.Printer.Print(response, j => j.CloseRoomResponse, p => p.Line($"Closed room {ctx.Value(roomId)}."));
            },
            roomId, comment);

        Command closeAsVisitor = factory.Command(
            "close-as-visitor",
            "Close a room as its visitor (POST livechat/room.close).",
            async (ctx, ct) =>
            {
                CloseRoomAsVisitorResponse response = await ctx.Client.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = ctx.Value(roomId), Token = ctx.Value(token) }, ct);
                ctx.Printer.Print(response, j => j.CloseRoomAsVisitorResponse, p => p.Line($"Closed room {response.RoomId ?? ctx.Value(roomId)}."));
            },
            roomId, token);

        Option<string?> toAgent = CommandFactory.Optional("--to-agent", "Id of the agent to forward to");
        Option<string?> toDepartment = CommandFactory.Optional("--to-department", "Id of the department to forward to");
        Command forward = factory.Command(
            "forward",
            "Forward a room to another agent or department (POST livechat/room.forward).",
            async (ctx, ct) =>
            {
                if (ctx.Value(toAgent) is null && ctx.Value(toDepartment) is null)
                {
                    throw new UsageException("forward needs --to-agent or --to-department.");
                }

                ForwardRoomResponse response = await ctx.Client.Rooms.ForwardRoomAsync(
                    new ForwardRoomRequest { RoomId = ctx.Value(roomId), UserId = ctx.Value(toAgent), DepartmentId = ctx.Value(toDepartment), Comment = ctx.Value(comment) }, ct);
                ctx.Printer.Print(response, j => j.ForwardRoomResponse, p => p.Line($"Forwarded room {ctx.Value(roomId)}."));
            },
            roomId, toAgent, toDepartment, comment);

        return CommandFactory.Group("room", "One livechat room.", open, close, closeAsVisitor, forward);
    }

    public static Command Rooms(CommandFactory factory)
    {
        Option<bool?> open = new("--open") { Description = "true: only open rooms; false: only closed ones" };
        Option<string[]> agents = new("--agent") { Description = "Only rooms served by these agent ids (repeatable)", AllowMultipleArgumentsPerToken = false };
        Option<string?> department = CommandFactory.Optional("--department", "Department id");
        Option<string[]> tags = new("--tag") { Description = "Only rooms with these tags (repeatable)" };
        Option<int> count = new("--count") { Description = "Page size", DefaultValueFactory = _ => 50 };
        Option<int> offset = new("--offset") { Description = "Items to skip" };
        Option<bool> all = new("--all") { Description = "Fetch every page" };
        Command list = factory.Command(
            "list",
            "List livechat rooms (GET livechat/rooms).",
            async (ctx, ct) =>
            {
                IReadOnlyList<string>? agentIds = ctx.Value(agents) is { Length: > 0 } a ? a : null;
                IReadOnlyList<string>? tagList = ctx.Value(tags) is { Length: > 0 } t ? t : null;
                ListRoomsResponse page;
                if (ctx.Value(all))
                {
                    var rooms = new List<LivechatRoom>();
                    await foreach (LivechatRoom room in ctx.Client.Rooms.EnumerateRoomsAsync(agents: agentIds, departmentId: ctx.Value(department), open: ctx.Value(open), tags: tagList, pageSize: ctx.Value(count), cancellationToken: ct))
                    {
                        rooms.Add(room);
                    }

                    page = new ListRoomsResponse { Rooms = rooms, Count = rooms.Count, Offset = 0, Total = rooms.Count, Success = true };
                }
                else
                {
                    page = await ctx.Client.Rooms.ListRoomsAsync(agents: agentIds, departmentId: ctx.Value(department), open: ctx.Value(open), tags: tagList, offset: ctx.Value(offset), count: ctx.Value(count), cancellationToken: ct);
                }

                ctx.Printer.Print(page, j => j.ListRoomsResponse, p =>
                {
                    p.Table(
                        new[] { "ID", "VISITOR", "AGENT", "OPEN", "MESSAGES", "CREATED" },
                        page.Rooms.Select(r => new[] { r.Id, r.Visitor?.Name ?? r.Visitor?.Username, r.ServedBy?.Username, r.IsOpen == true ? "yes" : "no", r.MessageCount?.ToString(System.Globalization.CultureInfo.InvariantCulture), Printer.Time(r.Timestamp) }),
                        "No rooms.");
                    if (page.Total is { } total)
                    {
                        p.Line($"{page.Rooms.Count} of {total} rooms.");
                    }
                });
            },
            open, agents, department, tags, count, offset, all);

        return CommandFactory.Group("rooms", "Livechat rooms (agents and managers).", list);
    }
}
