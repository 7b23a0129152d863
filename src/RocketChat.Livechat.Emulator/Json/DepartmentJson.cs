using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Services;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>Writes ILivechatDepartment and ILivechatDepartmentAgents documents.</summary>
internal static class DepartmentJson
{
    public static void Write(Utf8JsonWriter writer, DepartmentSnapshot snapshot)
    {
        DepartmentRecord department = snapshot.Department;
        writer.WriteStartObject();
        writer.WriteString("_id", department.Id);
        writer.WriteString("name", department.Name);
        writer.WriteBoolean("enabled", department.Enabled);
        writer.WriteStringIfSet("description", department.Description);
        writer.WriteString("email", department.Email);
        writer.WriteBoolean("showOnRegistration", department.ShowOnRegistration);
        writer.WriteBoolean("showOnOfflineForm", department.ShowOnOfflineForm);
        if (department.RequestTagBeforeClosingChat is { } requestTag)
        {
            writer.WriteBoolean("requestTagBeforeClosingChat", requestTag);
        }

        writer.WriteStringArray("chatClosingTags", department.ChatClosingTags);
        writer.WriteStringIfSet("fallbackForwardDepartment", department.FallbackForwardDepartment);
        writer.WriteStringArray("departmentsAllowedToForward", department.DepartmentsAllowedToForward);
        writer.WriteString("offlineMessageChannelName", string.Empty);
        writer.WriteNumber("numAgents", snapshot.AgentCount);
        writer.WriteBoolean("archived", department.Archived);
        writer.WriteDate("_updatedAt", department.UpdatedAt);
        writer.WriteEndObject();
    }

    public static void WriteAgent(Utf8JsonWriter writer, DepartmentAgentRecord agent, bool departmentEnabled)
    {
        writer.WriteStartObject();
        writer.WriteString("_id", agent.Id);
        writer.WriteString("agentId", agent.AgentId);
        writer.WriteString("departmentId", agent.DepartmentId);
        writer.WriteBoolean("departmentEnabled", departmentEnabled);
        writer.WriteString("username", agent.Username);
        writer.WriteNumber("count", agent.Count);
        writer.WriteNumber("order", agent.Order);
        writer.WriteDate("_updatedAt", agent.UpdatedAt);
        writer.WriteEndObject();
    }

    public static void WriteAgents(Utf8JsonWriter writer, string name, IEnumerable<DepartmentAgentRecord> agents, bool departmentEnabled)
    {
        writer.WriteStartArray(name);
        foreach (DepartmentAgentRecord agent in agents)
        {
            WriteAgent(writer, agent, departmentEnabled);
        }

        writer.WriteEndArray();
    }
}
