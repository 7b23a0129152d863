using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Security;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>Livechat staff: listing, adding and removing the agent/manager roles, and agents' availability.</summary>
internal sealed class LivechatUserService(EmulatorState state)
{
    /// <summary>findAgents/findManagers, sorted by name unless sorted otherwise.</summary>
    public (IReadOnlyList<UserRecord> Page, int Total) List(string role, LivechatUserQuery query, Paging paging)
    {
        List<UserRecord> matches;
        lock (state.Gate)
        {
            matches = state.Users.Values.Where(user => user.HasRole(role) && query.Matches(user)).ToList();
        }

        IReadOnlyList<UserRecord> sorted = DocumentSort.Apply(matches, paging.Sort ?? [new SortField("name", 1)], SortKey);
        return (paging.Apply(sorted), matches.Count);
    }

    /// <summary>The department ids of each of <paramref name="users"/>, for the <c>departments</c> field of agent lists.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> DepartmentsOf(IEnumerable<UserRecord> users)
    {
        lock (state.Gate)
        {
            return users.ToDictionary(user => user.Id, user => (IReadOnlyList<string>)[.. state.DepartmentsOfAgent(user.Id)], StringComparer.Ordinal);
        }
    }

    /// <summary>addAgent/addManager: gives the role to the user with this username.</summary>
    public UserRecord AddRole(string role, string username)
    {
        lock (state.Gate)
        {
            UserRecord user = state.FindUserByUsername(username) ?? throw ApiErrors.Plain("error-invalid-user");
            user = user.WithRole(role);
            if (role == RoleNames.Agent)
            {
                // afterAgentAdded: a connected user becomes available at once.
                user = user with { LivechatStatus = user.Status != UserStatus.Offline ? LivechatStatus.Available : LivechatStatus.NotAvailable };
            }

            state.Users[user.Id] = user;
            return user;
        }
    }

    /// <summary>GET users/:type/:_id (8.x): 'User not found' for an unknown id, null when the user lacks the role.</summary>
    public UserRecord? FindWithRole(string role, string userId)
    {
        lock (state.Gate)
        {
            UserRecord user = state.Users.GetValueOrDefault(userId) ?? throw ApiErrors.Plain("User not found");
            return user.HasRole(role) ? user : null;
        }
    }

    /// <summary>removeAgent/removeManager; an unknown id fails with a bare <c>{success:false}</c> as on 8.x.</summary>
    public void RemoveRole(string role, string userId)
    {
        lock (state.Gate)
        {
            UserRecord user = state.Users.GetValueOrDefault(userId) ?? throw ApiErrors.Bare();
            user = user.WithoutRole(role);
            if (role == RoleNames.Agent)
            {
                // Users.removeAgent unsets the livechat fields; afterRemoveAgent takes the agent out of its departments.
                user = user with { LivechatStatus = null };
                foreach (Dictionary<string, DepartmentAgentRecord> members in state.DepartmentAgents.Values)
                {
                    members.Remove(user.Id);
                }
            }

            state.Users[user.Id] = user;
        }
    }

    /// <summary>POST livechat/agent.status: sets, or without a status toggles, an agent's availability.</summary>
    public LivechatStatus SetStatus(UserRecord caller, LivechatStatus? status, string? agentId)
    {
        lock (state.Gate)
        {
            string targetId = string.IsNullOrEmpty(agentId) ? caller.Id : agentId;
            UserRecord agent = state.Users.GetValueOrDefault(targetId) is { IsAgent: true } found
                ? found
                : throw ApiErrors.NotFound("Agent not found");
            LivechatStatus current = agent.LivechatStatus ?? LivechatStatus.NotAvailable;
            LivechatStatus next = status ?? (current == LivechatStatus.Available ? LivechatStatus.NotAvailable : LivechatStatus.Available);
            if (next == current)
            {
                return current;
            }

            if (targetId != caller.Id && !Permissions.Has(caller, Permissions.ManageLivechatAgents))
            {
                throw ApiErrors.Forbidden();
            }

            state.Users[agent.Id] = agent with { LivechatStatus = next };
            return next;
        }
    }

    private static IComparable? SortKey(UserRecord user, string field) => field switch
    {
        "name" => user.Name,
        "username" => user.Username,
        "_id" => user.Id,
        "status" => user.Status.Value,
        "statusLivechat" => user.LivechatStatus?.Value,
        "createdAt" => user.CreatedAt,
        _ => null,
    };
}

/// <summary>The filters of GET livechat/users/:type.</summary>
internal sealed record LivechatUserQuery(string? Text, bool OnlyAvailable, string? ExcludeId, bool ShowIdleAgents)
{
    public bool Matches(UserRecord user) =>
        (string.IsNullOrEmpty(Text)
            || user.Username.Contains(Text, StringComparison.OrdinalIgnoreCase)
            || user.Name.Contains(Text, StringComparison.OrdinalIgnoreCase)
            || user.Email.Contains(Text, StringComparison.OrdinalIgnoreCase))
        && (!OnlyAvailable || user.LivechatStatus == LivechatStatus.Available)
        && (string.IsNullOrEmpty(ExcludeId) || user.Id != ExcludeId)
        && (ShowIdleAgents || user.Status != UserStatus.Offline || user.HasRole(RoleNames.Bot));
}
