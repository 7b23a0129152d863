using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Security;
using RocketChat.Livechat.Emulator.Services;
using RocketChat.Livechat.Emulator.State;
using RocketChat.Livechat.Emulator.Validation;
using static RocketChat.Livechat.Emulator.Validation.MatchPattern;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>GET/POST livechat/department, GET livechat/department/:_id and GET livechat/department/:_id/agents.</summary>
internal sealed class DepartmentEndpoints(DepartmentService departments)
{
    /// <summary>The route's <c>check(bodyParams, {department: Object, agents: Match.Maybe(Array)})</c>.</summary>
    private static readonly MatchPattern s_createPattern = Object(
        Key("department", ObjectIncluding()),
        Key("agents", Maybe(ArrayOf(ObjectIncluding(Key("agentId", StringType))))));

    /// <summary>saveDepartment's <c>check(departmentData, Match.ObjectIncluding({...}))</c>.</summary>
    private static readonly MatchPattern s_departmentPattern = ObjectIncluding(
        Key("enabled", BooleanType),
        Key("name", StringType),
        Key("description", Maybe(StringType)),
        Key("showOnRegistration", BooleanType),
        Key("email", StringType),
        Key("showOnOfflineForm", BooleanType),
        Key("requestTagBeforeClosingChat", Maybe(BooleanType)),
        Key("chatClosingTags", Maybe(ArrayOf(StringType))),
        Key("fallbackForwardDepartment", Maybe(StringType)),
        Key("departmentsAllowedToForward", Maybe(ArrayOf(StringType))));

    public async Task ListAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        Paging paging = QueryParsing.Paging(call);
        var query = new DepartmentQuery(
            call.QueryString("text") is { Length: > 0 } text ? text : null,
            EnabledOnly: call.QueryString("enabled") == "true",
            OnlyMine: call.QueryString("onlyMyDepartments") == "true",
            call.QueryString("excludeDepartmentId"),
            ShowArchived: call.QueryString("showArchived") == "true");
        (IReadOnlyList<DepartmentSnapshot> page, int total) = departments.List(call.User, query, paging);
        var response = new ListDepartmentsResponse
        {
            Departments = [.. page.Select(DepartmentModels.ToModel)],
            Count = page.Count,
            Offset = paging.Offset,
            Total = total,
            Success = true,
        };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.ListDepartmentsResponse).ConfigureAwait(false);
    }

    public async Task CreateAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        MeteorCheck.Check(call.Body, s_createPattern);
        JsonObject body = call.BodyObject;
        MeteorCheck.Check(body["department"], s_departmentPattern);
        DepartmentInput input = System.Text.Json.JsonSerializer.Deserialize(body["department"], LivechatJsonContext.Default.DepartmentInput)!;
        List<DepartmentAgentInput> agents = body["agents"] is JsonArray agentArray
            ? agentArray.Select(agent => System.Text.Json.JsonSerializer.Deserialize(agent, LivechatJsonContext.Default.DepartmentAgentInput)!).ToList()
            : [];

        var department = new DepartmentRecord
        {
            Id = MeteorIds.NewId(),
            Name = input.Name,
            Enabled = input.IsEnabled,
            Email = input.Email,
            Description = input.Description,
            ShowOnRegistration = input.ShowOnRegistration,
            ShowOnOfflineForm = input.ShowOnOfflineForm,
            RequestTagBeforeClosingChat = input.RequestTagBeforeClosingChat,
            ChatClosingTags = [.. input.ChatClosingTags ?? []],
            FallbackForwardDepartment = input.FallbackForwardDepartment,
            DepartmentsAllowedToForward = [.. input.DepartmentsAllowedToForward ?? []],
            UpdatedAt = default,
        };
        (DepartmentSnapshot created, IReadOnlyList<DepartmentAgentRecord> members) = departments.Create(department, agents);
        var response = new CreateDepartmentResponse
        {
            Department = DepartmentModels.ToModel(created),
            Agents = DepartmentModels.ToModels(members, created.Department.Enabled),
            Success = true,
        };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.CreateDepartmentResponse).ConfigureAwait(false);
    }

    /// <summary>Agents are included unless <c>includeAgents=false</c>, and only for callers with view-livechat-departments.</summary>
    public async Task GetAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        (DepartmentSnapshot? department, IReadOnlyList<DepartmentAgentRecord> agents) = departments.Get(context.RouteValue("_id"));
        bool includeAgents = call.QueryString("includeAgents") != "false" && Permissions.Has(call.User, Permissions.ViewLivechatDepartments);
        var response = new GetDepartmentResponse
        {
            Department = department is null ? null : DepartmentModels.ToModel(department),
            Agents = includeAgents ? DepartmentModels.ToModels(agents, department?.Department.Enabled ?? false) : null,
            Success = true,
        };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.GetDepartmentResponse).ConfigureAwait(false);
    }

    public async Task ListAgentsAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        Paging paging = QueryParsing.Paging(call);
        string departmentId = context.RouteValue("_id");
        (IReadOnlyList<DepartmentAgentRecord> page, int total) = departments.ListAgents(departmentId, paging);
        bool enabled = departments.Get(departmentId).Department?.Department.Enabled ?? false;
        var response = new ListDepartmentAgentsResponse
        {
            Agents = DepartmentModels.ToModels(page, enabled),
            Count = page.Count,
            Offset = paging.Offset,
            Total = total,
            Success = true,
        };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.ListDepartmentAgentsResponse).ConfigureAwait(false);
    }
}
