using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Security;
using RocketChat.Livechat.Emulator.Services;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>The livechat/users/:type routes (agent | manager) and POST livechat/agent.status.</summary>
internal sealed class LivechatUserEndpoints(LivechatUserService users)
{
    /// <summary>Checks the type and its permission inside the handler, as the route does: 403 'unauthorized', or 400 'Invalid type'.</summary>
    public async Task ListAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        Paging paging = QueryParsing.Paging(call);
        string role = RoleOf(context) ?? throw ApiErrors.Plain("Invalid type");
        bool allowed = role == RoleNames.Agent
            ? Permissions.HasAny(call.User, Permissions.TransferLivechatGuest, Permissions.EditOmnichannelContact, Permissions.ManageLivechatAgents)
            : Permissions.Has(call.User, Permissions.ViewLivechatManager);
        if (!allowed)
        {
            throw ApiErrors.Forbidden();
        }

        var query = new LivechatUserQuery(
            call.QueryString("text"),
            call.QueryBoolean("onlyAvailable") == true,
            call.QueryString("excludeId"),
            call.QueryBoolean("showIdleAgents") != false);
        (IReadOnlyList<UserRecord> page, int total) = users.List(role, query, paging);
        IReadOnlyDictionary<string, IReadOnlyList<string>> departments = users.DepartmentsOf(page);
        var response = new ListLivechatUsersResponse
        {
            Users = [.. page.Select(user => UserModels.LivechatUser(user, departments[user.Id]))],
            Count = page.Count,
            Offset = paging.Offset,
            Total = total,
            Success = true,
        };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.ListLivechatUsersResponse).ConfigureAwait(false);
    }

    public async Task AddAsync(HttpContext context)
    {
        AddLivechatUserRequest request = context.Api().BodyAs(LivechatJsonContext.Default.AddLivechatUserRequest);
        string role = RoleOf(context) ?? throw ApiErrors.Plain("Invalid type");
        UserRecord user = users.AddRole(role, request.Username);
        var response = new AddLivechatUserResponse { User = UserModels.Reference(user), Success = true };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.AddLivechatUserResponse).ConfigureAwait(false);
    }

    public async Task GetAsync(HttpContext context)
    {
        string role = RoleOf(context) ?? throw ApiErrors.Plain("Invalid type");
        UserRecord? user = users.FindWithRole(role, context.RouteValue("_id"));
        var response = new GetLivechatUserResponse { User = user is null ? null : UserModels.LivechatUser(user, departments: null), Success = true };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.GetLivechatUserResponse).ConfigureAwait(false);
    }

    public async Task RemoveAsync(HttpContext context)
    {
        string role = RoleOf(context) ?? throw ApiErrors.Plain("Invalid type");
        users.RemoveRole(role, context.RouteValue("_id"));
        await JsonResponses.SuccessAsync(context).ConfigureAwait(false);
    }

    public async Task SetAgentStatusAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        SetAgentStatusRequest request = call.BodyAs(LivechatJsonContext.Default.SetAgentStatusRequest);
        LivechatStatus status = users.SetStatus(call.User, request.Status, request.AgentId);
        await JsonResponses.SuccessAsync(context, writer => writer.WriteString("status", status.Value)).ConfigureAwait(false);
    }

    private static string? RoleOf(HttpContext context) => context.RouteValue("type") switch
    {
        "agent" => RoleNames.Agent,
        "manager" => RoleNames.Manager,
        _ => null,
    };
}
