using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>Livechat departments and their agents: listing, creating and reading them (findDepartments, saveDepartment).</summary>
internal sealed class DepartmentService(EmulatorState state)
{
    private static readonly KeyValuePair<string, string> s_saveMethod = ApiErrors.Detail("method", "livechat:saveDepartment");

    /// <summary>GET livechat/department: not archived unless asked, optionally enabled only, by name, sorted by name.</summary>
    public (IReadOnlyList<DepartmentSnapshot> Page, int Total) List(UserRecord caller, DepartmentQuery query, Paging paging)
    {
        List<DepartmentSnapshot> matches;
        lock (state.Gate)
        {
            HashSet<string>? mine = query.OnlyMine ? [.. state.DepartmentsOfAgent(caller.Id)] : null;
            matches = state.Departments.Values
                .Where(department => (query.ShowArchived || !department.Archived)
                    && (!query.EnabledOnly || department.Enabled)
                    && (query.Text is null || department.Name.Contains(query.Text, StringComparison.OrdinalIgnoreCase))
                    && department.Id != query.ExcludeId
                    && (mine is null || mine.Contains(department.Id)))
                .Select(Snapshot)
                .ToList();
        }

        IReadOnlyList<DepartmentSnapshot> sorted = DocumentSort.Apply(matches, paging.Sort ?? [new SortField("name", 1)], SortKey);
        return (paging.Apply(sorted), matches.Count);
    }

    /// <summary>POST livechat/department: saveDepartment with the given agents (each must have the agent role).</summary>
    public (DepartmentSnapshot Department, IReadOnlyList<DepartmentAgentRecord> Agents) Create(DepartmentRecord department, IReadOnlyList<DepartmentAgentInput> agents)
    {
        lock (state.Gate)
        {
            DateTimeOffset now = state.Now;
            var members = new Dictionary<string, DepartmentAgentRecord>(StringComparer.Ordinal);
            foreach (DepartmentAgentInput agent in agents)
            {
                UserRecord user = state.Users.GetValueOrDefault(agent.AgentId) is { IsAgent: true } found
                    ? found
                    : throw ApiErrors.Meteor("error-user-is-not-agent", "User is not an agent", s_saveMethod);
                members[user.Id] = new DepartmentAgentRecord
                {
                    Id = MeteorIds.NewId(),
                    DepartmentId = department.Id,
                    AgentId = user.Id,
                    Username = user.Username,
                    Count = agent.Count ?? 0,
                    Order = agent.Order ?? 0,
                    UpdatedAt = now,
                };
            }

            DepartmentRecord stored = department with { UpdatedAt = now };
            state.Departments[stored.Id] = stored;
            state.DepartmentAgents[stored.Id] = members;
            return (Snapshot(stored), SortedAgents(stored.Id));
        }
    }

    /// <summary>GET livechat/department/:_id: the department (null when unknown) and its agents.</summary>
    public (DepartmentSnapshot? Department, IReadOnlyList<DepartmentAgentRecord> Agents) Get(string departmentId)
    {
        lock (state.Gate)
        {
            return state.Departments.TryGetValue(departmentId, out DepartmentRecord? department)
                ? (Snapshot(department), SortedAgents(departmentId))
                : (null, []);
        }
    }

    /// <summary>GET livechat/department/:_id/agents: sorted by username unless sorted otherwise.</summary>
    public (IReadOnlyList<DepartmentAgentRecord> Page, int Total) ListAgents(string departmentId, Paging paging)
    {
        IReadOnlyList<DepartmentAgentRecord> agents;
        lock (state.Gate)
        {
            agents = SortedAgents(departmentId);
        }

        IReadOnlyList<DepartmentAgentRecord> sorted = paging.Sort is null ? agents : DocumentSort.Apply(agents, paging.Sort, AgentSortKey);
        return (paging.Apply(sorted), agents.Count);
    }

    private DepartmentSnapshot Snapshot(DepartmentRecord department) =>
        new(department, state.DepartmentAgents.GetValueOrDefault(department.Id)?.Count ?? 0);

    private List<DepartmentAgentRecord> SortedAgents(string departmentId) =>
        state.DepartmentAgents.TryGetValue(departmentId, out Dictionary<string, DepartmentAgentRecord>? agents)
            ? [.. agents.Values.OrderBy(agent => agent.Username, StringComparer.Ordinal)]
            : [];

    private static IComparable? SortKey(DepartmentSnapshot snapshot, string field) => field switch
    {
        "name" => snapshot.Department.Name,
        "_id" => snapshot.Department.Id,
        "_updatedAt" => snapshot.Department.UpdatedAt,
        "numAgents" => snapshot.AgentCount,
        _ => null,
    };

    private static IComparable? AgentSortKey(DepartmentAgentRecord agent, string field) => field switch
    {
        "username" => agent.Username,
        "agentId" => agent.AgentId,
        "order" => agent.Order,
        "count" => agent.Count,
        _ => null,
    };
}

/// <summary>A department with its agent count (<c>numAgents</c>).</summary>
internal sealed record DepartmentSnapshot(DepartmentRecord Department, int AgentCount);

/// <summary>The filters of GET livechat/department.</summary>
internal sealed record DepartmentQuery(string? Text, bool EnabledOnly, bool OnlyMine, string? ExcludeId, bool ShowArchived);
