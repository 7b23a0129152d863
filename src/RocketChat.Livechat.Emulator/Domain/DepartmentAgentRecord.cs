namespace RocketChat.Livechat.Emulator.Domain;

/// <summary>An agent's membership of a department (<c>rocketchat_livechat_department_agents</c>).</summary>
internal sealed record DepartmentAgentRecord
{
    public required string Id { get; init; }

    public required string DepartmentId { get; init; }

    public required string AgentId { get; init; }

    public required string Username { get; init; }

    public long Count { get; init; }

    public long Order { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
