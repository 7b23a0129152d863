using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Services;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>GET /api/v1/livechat/agent.info/:rid/:token and GET /api/v1/livechat/agent.next/:token.</summary>
internal sealed class AgentInfoEndpoints(AgentInfoService agents)
{
    public async Task InfoAsync(HttpContext context)
    {
        UserRecord agent = agents.Info(context.RouteValue("token"), context.RouteValue("rid"));
        var response = new GetAgentInfoResponse { Agent = UserModels.AgentInfo(agent), Success = true };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.GetAgentInfoResponse).ConfigureAwait(false);
    }

    public async Task NextAsync(HttpContext context)
    {
        UserRecord? agent = agents.Next(context.RouteValue("token"));
        var response = new GetNextAgentResponse { Agent = agent is null ? null : UserModels.AgentInfo(agent), Success = true };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.GetNextAgentResponse).ConfigureAwait(false);
    }
}
