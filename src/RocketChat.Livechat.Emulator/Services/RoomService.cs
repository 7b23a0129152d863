using System.Collections.Immutable;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Events;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Security;
using RocketChat.Livechat.Emulator.Settings;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>Livechat rooms: the visitor's get-or-create, closing by visitor or staff, and forwarding.</summary>
internal sealed class RoomService(EmulatorState state, AgentRouter router)
{
    /// <summary>The text of i18n 'Closed_by_visitor' in English.</summary>
    public const string ClosedByVisitorComment = "Closed by visitor";

    /// <summary>
    /// GET livechat/room: the visitor's open room, or a new one with its inquiry. With <paramref name="roomId"/>,
    /// that room if it is open and belongs to the visitor.
    /// </summary>
    public (RoomRecord Room, bool IsNew) GetOrCreate(string token, string? roomId, string? agentId, RoomSourceType source, string? host)
    {
        lock (state.Gate)
        {
            VisitorRecord visitor = state.FindVisitorByToken(token) ?? throw ApiErrors.Plain("invalid-token");
            if (roomId is not null)
            {
                RoomRecord? room = state.FindRoomOfVisitor(roomId, token);
                return room is { IsOpen: true } ? (room, false) : throw ApiErrors.Plain("invalid-room");
            }

            if (state.FindOpenRoomOfVisitor(token) is { } openRoom)
            {
                return (openRoom, false);
            }

            return (CreateRoom(visitor, RequestedAgent(agentId), source, host), true);
        }
    }

    /// <summary>POST livechat/room.close: the visitor closes its own room.</summary>
    public string CloseByVisitor(string token, string roomId)
    {
        lock (state.Gate)
        {
            VisitorRecord visitor = state.FindVisitorByToken(token) ?? throw ApiErrors.Plain("invalid-token");
            RoomRecord room = state.FindRoomOfVisitor(roomId, token) ?? throw ApiErrors.Plain("invalid-room");
            if (!room.IsOpen)
            {
                throw ApiErrors.Plain("room-closed");
            }

            var closer = new MessageSender(visitor.Id, visitor.Username, visitor.Name);
            Close(room, RoomCloser.Visitor, closer, ClosedByVisitorComment, tags: null, visitorToken: visitor.Token);
            return ClosedByVisitorComment;
        }
    }

    /// <summary>POST livechat/room.closeByUser (closeLivechatRoom).</summary>
    public void CloseByUser(UserRecord user, string roomId, string? comment, IReadOnlyList<string>? tags)
    {
        lock (state.Gate)
        {
            RoomRecord room = state.Rooms.GetValueOrDefault(roomId) ?? throw ApiErrors.Plain("error-invalid-room");
            bool isSubscribed = room.ServedBy?.AgentId == user.Id;
            if (!isSubscribed && !Permissions.Has(user, Permissions.CloseOthersLivechatRoom))
            {
                throw ApiErrors.Plain("error-not-authorized");
            }

            if (!room.IsOpen)
            {
                throw ApiErrors.Plain("error-room-already-closed");
            }

            Close(room, RoomCloser.User, new MessageSender(user.Id, user.Username, user.Name), comment, tags, visitorToken: null);
        }
    }

    /// <summary>POST livechat/room.forward (transfer): to an available agent, or to a department.</summary>
    public void Forward(UserRecord user, string roomId, string? targetUserId, string? departmentId, string? comment)
    {
        lock (state.Gate)
        {
            RoomRecord room = state.Rooms.GetValueOrDefault(roomId) ?? throw ApiErrors.Plain("error-invalid-room");
            if (!room.IsOpen)
            {
                throw ApiErrors.Plain("This_conversation_is_already_closed");
            }

            if (!state.Visitors.ContainsKey(room.Visitor.Id))
            {
                throw ApiErrors.Plain("error-invalid-visitor");
            }

            if (room.IsOnHold)
            {
                throw ApiErrors.Plain("error-room-onHold");
            }

            var transferredBy = new MessageSender(user.Id, user.Username, user.Name);
            string transferredByType = room.ServedBy?.AgentId == user.Id ? "agent" : "user";
            if (!string.IsNullOrEmpty(departmentId))
            {
                ForwardToDepartment(transferredBy, transferredByType, room, departmentId, comment);
                return;
            }

            if (string.IsNullOrEmpty(targetUserId))
            {
                throw ApiErrors.Plain("error-forwarding-chat");
            }

            if (state.FindInquiryByRoom(roomId) is null)
            {
                throw ApiErrors.Plain("error-invalid-inquiry");
            }

            UserRecord target = state.Users.TryGetValue(targetUserId, out UserRecord? candidate) && AgentRouter.IsAvailable(candidate)
                ? candidate
                : throw ApiErrors.Plain("error-user-is-offline");

            DateTimeOffset now = state.Now;
            router.Unassign(roomId, now);
            router.Assign(roomId, target, now);
            var transfer = new TransferRecord(
                transferredBy,
                transferredByType,
                "agent",
                comment,
                new MessageSender(target.Id, target.Username, target.Name),
                now);
            state.AddMessage(AgentRouter.SystemMessage(roomId, "livechat_transfer_history", string.Empty, transferredBy, now) with { Transfer = transfer });
            state.Webhooks.SessionForwarded(state.Rooms[roomId], room.ServedBy, room.DepartmentId);
        }
    }

    /// <summary>
    /// POST livechat/visitor/department.transfer: the visitor moves its chat to another department. The token must
    /// name a visitor, but, as on the server, the room need not be that visitor's; the transfer is recorded as made
    /// by the room's visitor.
    /// </summary>
    public void TransferToDepartmentAsVisitor(string token, string roomId, string departmentId)
    {
        lock (state.Gate)
        {
            _ = state.FindVisitorByToken(token) ?? throw ApiErrors.Plain("invalid-token");
            RoomRecord room = state.Rooms.GetValueOrDefault(roomId) ?? throw ApiErrors.Plain("error-invalid-room");
            if (!room.IsOpen)
            {
                throw ApiErrors.Plain("This_conversation_is_already_closed");
            }

            VisitorRecord guest = state.Visitors.GetValueOrDefault(room.Visitor.Id) ?? throw ApiErrors.Plain("error-invalid-visitor");
            ForwardToDepartment(new MessageSender(guest.Id, guest.Username, guest.Name), "visitor", room, departmentId, comment: null);
        }
    }

    /// <summary>
    /// forwardRoomToDepartment: the room joins the department and leaves its agent. Auto_Selection hands it to the
    /// department's next agent at once; Manual_Selection puts the inquiry back in the queue, where only the
    /// department's agents see it. A department without an available agent refuses unless chats with no agents are accepted.
    /// </summary>
    private void ForwardToDepartment(MessageSender transferredBy, string transferredByType, RoomRecord room, string departmentId, string? comment)
    {
        if (state.Departments.GetValueOrDefault(departmentId) is not { Enabled: true })
        {
            throw ApiErrors.Plain("error-invalid-department");
        }

        InquiryRecord inquiry = state.FindInquiryByRoom(room.Id) ?? throw ApiErrors.Plain("error-invalid-inquiry");
        if (room.DepartmentId == departmentId)
        {
            throw ApiErrors.Plain("error-forwarding-chat-same-department");
        }
        bool autoAssign = state.Settings.RoutingMethod() == RoutingMethod.AutoSelection;
        UserRecord? next = autoAssign ? router.NextAgent(departmentId) : null;
        bool anyoneOnline = autoAssign ? next is not null : router.IsServiceOnline(requestedAgent: null, departmentId);
        if (!anyoneOnline && !state.Settings.AcceptChatsWithNoAgents())
        {
            throw ApiErrors.Plain("error-no-agents-online-in-department");
        }

        DateTimeOffset now = state.Now;
        router.Unassign(room.Id, now);
        state.Rooms[room.Id] = state.Rooms[room.Id] with { DepartmentId = departmentId, UpdatedAt = now };
        state.Inquiries[inquiry.Id] = inquiry with
        {
            Department = departmentId,
            Status = InquiryStatus.Queued,
            QueuedAt = now,
            DefaultAgent = null,
            UpdatedAt = now,
        };
        if (next is not null)
        {
            router.Assign(room.Id, next, now);
        }

        var transfer = new TransferRecord(
            transferredBy,
            transferredByType,
            "department",
            comment,
            next is null ? null : new MessageSender(next.Id, next.Username, next.Name),
            now);
        state.AddMessage(AgentRouter.SystemMessage(room.Id, "livechat_transfer_history", string.Empty, transferredBy, now) with { Transfer = transfer });
        state.Webhooks.SessionForwarded(state.Rooms[room.Id], room.ServedBy, room.DepartmentId);
    }

    /// <summary>Rooms matching <paramref name="filter"/>, sorted and paged, with the total before paging.</summary>
    public (IReadOnlyList<RoomRecord> Page, int Total) List(RoomFilter filter, Paging paging)
    {
        List<RoomRecord> matches;
        lock (state.Gate)
        {
            matches = state.Rooms.Values.Where(filter.Matches).ToList();
        }

        IReadOnlyList<RoomRecord> sorted = DocumentSort.Apply(matches, paging.Sort ?? [new("ts", -1)], RoomSortKey);
        return (paging.Apply(sorted), matches.Count);
    }

    private AgentReference? RequestedAgent(string? agentId) =>
        agentId is not null && state.Users.TryGetValue(agentId, out UserRecord? agent) && agent.IsAgent
            ? new AgentReference(agent.Id, agent.Username, state.Now)
            : null;

    /// <summary>createRoom plus QueueManager.requestRoom: room, inquiry and 'livechat-started' in one step, then routing.</summary>
    private RoomRecord CreateRoom(VisitorRecord visitor, AgentReference? requestedAgent, RoomSourceType source, string? host)
    {
        if (!state.Settings.LivechatEnabled())
        {
            throw ApiErrors.Meteor("error-omnichannel-is-disabled");
        }

        if (!router.IsServiceOnline(requestedAgent, visitor.Department) && !state.Settings.AcceptChatsWithNoAgents())
        {
            throw ApiErrors.Meteor("no-agent-online", "Sorry, no online agents");
        }

        DateTimeOffset now = state.Now;
        VisitorSummary summary = visitor.ToSummary();
        var room = new RoomRecord
        {
            Id = MeteorIds.NewId(),
            Visitor = summary,
            DisplayName = visitor.Name ?? visitor.Username,
            CreatedAt = now,
            UpdatedAt = now,
            Source = source,
            SourceDestination = source == RoomSourceType.Widget ? host : null,
            DepartmentId = visitor.Department,
        };
        var inquiry = new InquiryRecord
        {
            Id = MeteorIds.NewId(),
            RoomId = room.Id,
            Name = room.DisplayName,
            Visitor = summary,
            CreatedAt = now,
            UpdatedAt = now,
            Status = InquiryStatus.Queued,
            QueuedAt = now,
            Source = source,
            Department = visitor.Department,
            DefaultAgent = requestedAgent,
        };
        state.Rooms[room.Id] = room;
        state.Inquiries[inquiry.Id] = inquiry;
        state.Events.InquiryChanged(inquiry, InquiryChange.Queued);
        state.AddMessage(AgentRouter.SystemMessage(room.Id, "livechat-started", string.Empty, new MessageSender(visitor.Id, visitor.Username, null), now));
        state.Visitors[visitor.Id] = visitor with { LastChat = new RoomReference(room.Id, now) };
        state.Webhooks.SessionStarted(room);

        // Auto_Selection delegates a 'ready' inquiry at once; Manual_Selection leaves it queued for an agent to take.
        if (state.Settings.RoutingMethod() == RoutingMethod.AutoSelection)
        {
            UserRecord? agent = requestedAgent is not null && state.Users.TryGetValue(requestedAgent.AgentId, out UserRecord? requested) && AgentRouter.IsAvailable(requested)
                ? requested
                : router.NextAgent(visitor.Department);
            if (agent is not null)
            {
                router.Assign(room.Id, agent, now);
                state.Webhooks.SessionTaken(state.Rooms[room.Id]);
            }
        }

        if (state.Rooms[room.Id].ServedBy is null)
        {
            state.Webhooks.SessionQueued(state.Rooms[room.Id]);
        }

        return state.Rooms[room.Id];
    }

    /// <summary>closeRoom: unsets open, records who closed it, posts 'livechat-close' and removes the inquiry.</summary>
    private void Close(RoomRecord room, RoomCloser closer, MessageSender closedBy, string? comment, IReadOnlyList<string>? tags, string? visitorToken)
    {
        DateTimeOffset now = state.Now;
        MessageRecord closeMessage = AgentRouter.SystemMessage(room.Id, "livechat-close", comment ?? string.Empty, closedBy, now) with { Token = visitorToken };
        state.AddMessage(closeMessage);
        RoomRecord closed = state.Rooms[room.Id] = room with
        {
            IsOpen = false,
            ClosedAt = now,
            Closer = closer,
            ClosedBy = closedBy,
            Tags = tags is null ? room.Tags : [.. tags],
            LastMessage = closeMessage,
            UpdatedAt = now,
        };
        if (state.FindInquiryByRoom(room.Id) is { } inquiry)
        {
            state.Inquiries.Remove(inquiry.Id);
            state.Events.InquiryChanged(inquiry, InquiryChange.Removed);
        }

        state.Events.RoomClosed(closed);
        state.Webhooks.MessageSaved(state.Rooms[room.Id], closeMessage);
        state.Webhooks.SessionClosed(state.Rooms[room.Id]);
    }

    private static IComparable? RoomSortKey(RoomRecord room, string field) => field switch
    {
        "ts" => room.CreatedAt,
        "_updatedAt" => room.UpdatedAt,
        "lm" => room.LastMessageAt,
        "closedAt" => room.ClosedAt,
        "fname" => room.DisplayName,
        "msgs" => room.MessageCount,
        "usersCount" => room.UsersCount,
        "_id" => room.Id,
        "servedBy.username" => room.ServedBy?.Username,
        "v.username" => room.Visitor.Username,
        _ => null,
    };
}
