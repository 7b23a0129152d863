using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>
/// The agent as a visitor sees it (Users.getAgentInfo): <c>_id, name, username, status</c>. Phone, custom fields and
/// emails are left out: the emulator has none to show (emails only with <c>Livechat_show_agent_email</c>, off by default).
/// </summary>
internal static class AgentInfoJson
{
    public static void Write(Utf8JsonWriter writer, UserRecord agent)
    {
        writer.WriteStartObject();
        writer.WriteString("_id", agent.Id);
        writer.WriteString("name", agent.Name);
        writer.WriteString("username", agent.Username);
        writer.WriteString("status", agent.Status.Value);
        writer.WriteEndObject();
    }
}
