using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Events;
using RocketChat.Livechat.Emulator.Settings;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>
/// The routing rules shared by room creation, inquiries.take and room.forward: who counts as an available agent,
/// who the next agent is, and what assigning or unassigning an agent changes. Call only while holding
/// <see cref="EmulatorState.Gate"/>.
/// </summary>
internal sealed class AgentRouter(EmulatorState state)
{
    /// <summary>Users.findOneOnlineAgentById: an agent that is connected and available for livechat.</summary>
    public static bool IsAvailable(UserRecord user) =>
        user.IsAgent && user.Status != UserStatus.Offline && user.LivechatStatus == LivechatStatus.Available;

    /// <summary>
    /// Whether <paramref name="userId"/> may be given a chat: an available agent, or, when the server accepts chats
    /// with no agents online, any agent.
    /// </summary>
    public UserRecord? FindAgentToServe(string userId) =>
        state.Users.TryGetValue(userId, out UserRecord? user)
        && (IsAvailable(user) || (state.Settings.AcceptChatsWithNoAgents() && user.IsAgent))
            ? user
            : null;

    /// <summary>
    /// checkServiceStatus / checkOnlineAgents: the requested agent is available; otherwise, for a department, one of
    /// its agents is (and the department is enabled); otherwise any agent is.
    /// </summary>
    public bool IsServiceOnline(AgentReference? requestedAgent, string? departmentId)
    {
        if (requestedAgent is not null)
        {
            return state.Users.TryGetValue(requestedAgent.AgentId, out UserRecord? agent) && IsAvailable(agent);
        }

        return departmentId is null
            ? state.Users.Values.Any(IsAvailable)
            : Candidates(departmentId).Any();
    }

    /// <summary>
    /// Auto_Selection's next agent (getNextAgent): the available agent with the fewest open chats, then by username;
    /// for a department only its agents.
    /// </summary>
    public UserRecord? NextAgent(string? departmentId) => (departmentId is null ? state.Users.Values.Where(IsAvailable) : Candidates(departmentId))
        .OrderBy(agent => state.Rooms.OpenChatsOf(agent.Id))
        .ThenBy(agent => agent.Username, StringComparer.Ordinal)
        .FirstOrDefault();

    /// <summary>The available agents of an enabled department.</summary>
    private IEnumerable<UserRecord> Candidates(string departmentId) =>
        state.Departments.TryGetValue(departmentId, out DepartmentRecord? department) && department.Enabled
            && state.DepartmentAgents.TryGetValue(departmentId, out Dictionary<string, DepartmentAgentRecord>? members)
            ? members.Keys.Select(id => state.Users.GetValueOrDefault(id)).OfType<UserRecord>().Where(IsAvailable)
            : [];

    /// <summary>RoutingManager.assignAgent: the room gets servedBy, the inquiry is taken and the agent joins with system messages.</summary>
    public void Assign(string roomId, UserRecord agent, DateTimeOffset now)
    {
        RoomRecord room = state.Rooms[roomId];
        InquiryRecord? taken = null;
        var servedBy = new AgentReference(agent.Id, agent.Username, now);
        state.Rooms[roomId] = room with { ServedBy = servedBy, UsersCount = room.UsersCount + 1, UpdatedAt = now };
        if (state.FindInquiryByRoom(roomId) is { } inquiry)
        {
            taken = state.Inquiries[inquiry.Id] = inquiry with { Status = InquiryStatus.Taken, TakenAt = now, UpdatedAt = now };
            state.Events.InquiryChanged(taken, InquiryChange.Updated);
        }

        if (state.Visitors.TryGetValue(room.Visitor.Id, out VisitorRecord? visitor))
        {
            state.Visitors[visitor.Id] = visitor with { LastAgent = servedBy };
        }

        var sender = new MessageSender(agent.Id, agent.Username, agent.Name);
        state.AddMessage(SystemMessage(roomId, "command", "connected", sender, now));
        state.AddMessage(SystemMessage(roomId, "uj", string.Empty, sender, now));
        state.Events.AgentAssigned(state.Rooms[roomId], agent);
        if (taken is not null)
        {
            state.QueuePositions.InquiryTaken(taken);
        }
    }

    /// <summary>Removes the serving agent before a transfer (LivechatRooms.removeAgentByRoomId and its subscription).</summary>
    public void Unassign(string roomId, DateTimeOffset now)
    {
        RoomRecord room = state.Rooms[roomId];
        if (room.ServedBy is not null)
        {
            state.Rooms[roomId] = room with { ServedBy = null, UsersCount = Math.Max(1, room.UsersCount - 1), UpdatedAt = now };
            state.Events.AgentUnassigned(state.Rooms[roomId], room.ServedBy);
        }
    }

    public static MessageRecord SystemMessage(string roomId, string type, string text, MessageSender sender, DateTimeOffset now) => new()
    {
        Id = MeteorIds.NewId(),
        RoomId = roomId,
        Type = type,
        Text = text,
        Timestamp = now,
        Sender = sender,
    };
}
