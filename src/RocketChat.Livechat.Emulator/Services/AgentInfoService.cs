using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Settings;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>The visitor's view of agents: who serves its room (agent.info) and who a new chat would get (agent.next).</summary>
internal sealed class AgentInfoService(EmulatorState state, AgentRouter router)
{
    /// <summary>GET livechat/agent.info/:rid/:token.</summary>
    public UserRecord Info(string token, string roomId)
    {
        lock (state.Gate)
        {
            _ = state.FindVisitorByToken(token) ?? throw ApiErrors.Plain("invalid-token");
            RoomRecord room = state.FindRoomOfVisitor(roomId, token) ?? throw ApiErrors.Plain("invalid-room");
            return room.ServedBy is { } servedBy && state.Users.TryGetValue(servedBy.AgentId, out UserRecord? agent)
                ? agent
                : throw ApiErrors.Plain("invalid-agent");
        }
    }

    /// <summary>
    /// GET livechat/agent.next/:token: null when the visitor has an open room; otherwise the routing method's next
    /// agent. Manual_Selection has none (its getNextAgent returns nothing), so that is agent-not-found.
    /// </summary>
    public UserRecord? Next(string token)
    {
        lock (state.Gate)
        {
            if (state.FindOpenRoomOfVisitor(token) is not null)
            {
                return null;
            }

            // Routing follows the run-time setting and the visitor's department, as creating the room would.
            UserRecord? next = state.Settings.RoutingMethod() == RoutingMethod.AutoSelection
                ? router.NextAgent(state.FindVisitorByToken(token)?.Department)
                : null;
            return next ?? throw ApiErrors.Plain("agent-not-found");
        }
    }
}
