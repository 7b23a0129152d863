using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Services;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>
/// ILivechatDepartment and ILivechatDepartmentAgents documents as the contract's <see cref="Department"/> and
/// <see cref="DepartmentAgent"/>, written by their generated converters.
/// </summary>
internal static class DepartmentModels
{
    public static Department ToModel(DepartmentSnapshot snapshot)
    {
        DepartmentRecord department = snapshot.Department;
        return new Department
        {
            Id = department.Id,
            Name = department.Name,
            IsEnabled = department.Enabled,
            Description = department.Description,
            Email = department.Email,
            ShowOnRegistration = department.ShowOnRegistration,
            ShowOnOfflineForm = department.ShowOnOfflineForm,
            RequestTagBeforeClosingChat = department.RequestTagBeforeClosingChat,
            ChatClosingTags = department.ChatClosingTags,
            FallbackForwardDepartment = department.FallbackForwardDepartment,
            DepartmentsAllowedToForward = department.DepartmentsAllowedToForward,
            OfflineMessageChannelName = string.Empty,
            AgentCount = snapshot.AgentCount,
            IsArchived = department.Archived,
            UpdatedAt = department.UpdatedAt,
        };
    }

    public static DepartmentAgent ToModel(DepartmentAgentRecord agent, bool departmentEnabled) => new()
    {
        Id = agent.Id,
        AgentId = agent.AgentId,
        DepartmentId = agent.DepartmentId,
        IsDepartmentEnabled = departmentEnabled,
        Username = agent.Username,
        Count = agent.Count,
        Order = agent.Order,
        UpdatedAt = agent.UpdatedAt,
    };

    public static IReadOnlyList<DepartmentAgent> ToModels(IEnumerable<DepartmentAgentRecord> agents, bool departmentEnabled) =>
        [.. agents.Select(agent => ToModel(agent, departmentEnabled))];
}
