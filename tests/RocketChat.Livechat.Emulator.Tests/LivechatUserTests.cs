using System.Net;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>The livechat/users/:type routes (reference §2.9-2.12, §5.2 items 27-31).</summary>
public sealed class LivechatUserTests
{
    [Fact]
    public async Task Listing_agents_needs_one_of_the_agent_permissions_and_managers_view_livechat_manager()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse agentsAsUser = await server.GetAsync("/api/v1/livechat/users/agent", asUser: "plain.user");
        ApiResponse managersAsAgent = await server.GetAsync("/api/v1/livechat/users/manager", asUser: "agent.one");
        ApiResponse agentsAsAgent = await server.GetAsync("/api/v1/livechat/users/agent", asUser: "agent.one");
        ApiResponse badType = await server.GetAsync("/api/v1/livechat/users/invalid-type", asUser: "manager");

        agentsAsUser.ShouldBe(HttpStatusCode.Forbidden, """{ "success": false, "error": "unauthorized" }""");
        managersAsAgent.ShouldBe(HttpStatusCode.Forbidden, """{ "success": false, "error": "unauthorized" }""");
        Assert.Equal(HttpStatusCode.OK, agentsAsAgent.Status);
        badType.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "Invalid type" }""");
    }

    [Fact]
    public async Task Agents_are_listed_by_name_with_departments_and_without_roles()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse raw = await server.GetAsync("/api/v1/livechat/users/agent", asUser: "manager");
        ListLivechatUsersResponse typed = await (await server.ClientAsync("manager")).Users.ListLivechatUsersAsync(LivechatUserType.Agent);

        Assert.Equal(2, raw.Body.GetProperty("total").GetInt32());
        Assert.Equal(2, raw.Body.GetProperty("count").GetInt32());
        var first = raw.Body.GetProperty("users")[0];
        Assert.Equal(["_id", "username", "name", "status", "statusLivechat", "emails", "departments"], first.EnumerateObject().Select(property => property.Name));
        Assert.Equal(["Agent One", "Agent Two"], typed.Users.Select(user => user.Name));
        Assert.All(typed.Users, user => Assert.Equal(LivechatStatus.Available, user.LivechatStatus));
        Assert.All(typed.Users, user => Assert.Empty(user.Departments!));
    }

    [Fact]
    public async Task Agent_list_filters_text_availability_and_exclusions()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient manager = await server.ClientAsync("manager");
        await (await server.ClientAsync("agent.two")).Users.SetAgentStatusAsync(new SetAgentStatusRequest { Status = LivechatStatus.NotAvailable });
        string agentOne = await server.UserIdAsync("agent.one");

        var byText = await manager.Users.ListLivechatUsersAsync(LivechatUserType.Agent, text: "TWO");
        var available = await manager.Users.ListLivechatUsersAsync(LivechatUserType.Agent, onlyAvailable: true);
        var excluded = await manager.Users.ListLivechatUsersAsync(LivechatUserType.Agent, excludeId: agentOne);
        var online = await manager.Users.ListLivechatUsersAsync(LivechatUserType.Agent, showIdleAgents: false);
        var page = await manager.Users.ListLivechatUsersAsync(LivechatUserType.Agent, offset: 1, count: 1, sort: new Dictionary<string, int> { ["username"] = -1 });

        Assert.Equal("agent.two", Assert.Single(byText.Users).Username);
        Assert.Equal("agent.one", Assert.Single(available.Users).Username);
        Assert.Equal("agent.two", Assert.Single(excluded.Users).Username);
        Assert.All(online.Users, user => Assert.NotEqual(UserStatus.Offline, user.Status));
        Assert.Equal("agent.one", Assert.Single(page.Users).Username);
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task Adding_roles_needs_view_livechat_manager_and_an_existing_username()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse asAgent = await server.PostAsync("/api/v1/livechat/users/agent", """{ "username": "plain.user" }""", asUser: "agent.one");
        ApiResponse missing = await server.PostAsync("/api/v1/livechat/users/agent", "{}", asUser: "manager");
        ApiResponse badType = await server.PostAsync("/api/v1/livechat/users/invalid-type", """{ "username": "plain.user" }""", asUser: "manager");
        ApiResponse unknown = await server.PostAsync("/api/v1/livechat/users/agent", """{ "username": "nobody" }""", asUser: "manager");

        asAgent.ShouldBe(HttpStatusCode.Forbidden, """{ "success": false, "error": "User does not have the permissions required for this action [error-unauthorized]" }""");
        missing.ShouldBe(HttpStatusCode.BadRequest,
            """{ "success": false, "error": "must have required property 'username' [invalid-params]", "errorType": "invalid-params" }""");
        badType.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "Invalid type" }""");
        unknown.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "error-invalid-user" }""");
    }

    [Fact]
    public async Task An_added_agent_is_available_and_can_be_routed_then_removed()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient manager = await server.ClientAsync("manager");
        string userId = await server.UserIdAsync("plain.user");

        AddLivechatUserResponse added = await manager.Users.AddLivechatUserAsync(LivechatUserType.Agent, new AddLivechatUserRequest { Username = "plain.user" });
        GetLivechatUserResponse asAgent = await manager.Users.GetLivechatUserAsync(LivechatUserType.Agent, userId);
        GetLivechatUserResponse asManager = await manager.Users.GetLivechatUserAsync(LivechatUserType.Manager, userId);
        RemoveLivechatUserResponse removed = await manager.Users.RemoveLivechatUserAsync(LivechatUserType.Agent, userId);
        GetLivechatUserResponse afterRemoval = await manager.Users.GetLivechatUserAsync(LivechatUserType.Agent, userId);

        Assert.Equal(userId, added.User.Id);
        Assert.Equal("plain.user", added.User.Username);
        Assert.Equal(LivechatStatus.Available, asAgent.User?.LivechatStatus);
        Assert.False(asAgent.User!.AdditionalProperties?.ContainsKey("roles") ?? false);
        Assert.Null(asManager.User);
        Assert.True(removed.Success);
        Assert.Null(afterRemoval.User);
    }

    [Fact]
    public async Task Managers_can_be_added_and_are_listed()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient manager = await server.ClientAsync("manager");

        await manager.Users.AddLivechatUserAsync(LivechatUserType.Manager, new AddLivechatUserRequest { Username = "agent.one" });
        ListLivechatUsersResponse managers = await manager.Users.ListLivechatUsersAsync(LivechatUserType.Manager);

        Assert.Equal(["agent.one", "manager"], managers.Users.Select(user => user.Username).Order());
    }

    [Fact]
    public async Task Get_and_delete_need_view_livechat_manager_and_report_unknown_ids()
    {
        await using var server = await EmulatorHarness.StartAsync();
        string agentOne = await server.UserIdAsync("agent.one");

        ApiResponse getAsAgent = await server.GetAsync($"/api/v1/livechat/users/agent/{agentOne}", asUser: "agent.one");
        ApiResponse getBadType = await server.GetAsync($"/api/v1/livechat/users/invalid-type/{agentOne}", asUser: "manager");
        ApiResponse getUnknown = await server.GetAsync("/api/v1/livechat/users/agent/invalid-id", asUser: "manager");
        ApiResponse deleteAsAgent = await server.SendAsync(HttpMethod.Delete, $"/api/v1/livechat/users/agent/{agentOne}", asUser: "agent.one");
        ApiResponse deleteBadType = await server.SendAsync(HttpMethod.Delete, $"/api/v1/livechat/users/invalid-type/{agentOne}", asUser: "manager");
        ApiResponse deleteUnknown = await server.SendAsync(HttpMethod.Delete, "/api/v1/livechat/users/agent/invalid-id", asUser: "manager");
        ApiResponse deleteValid = await server.SendAsync(HttpMethod.Delete, $"/api/v1/livechat/users/agent/{agentOne}", asUser: "manager");

        Assert.Equal(HttpStatusCode.Forbidden, getAsAgent.Status);
        getBadType.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "Invalid type" }""");
        getUnknown.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "User not found" }""");
        Assert.Equal(HttpStatusCode.Forbidden, deleteAsAgent.Status);
        deleteBadType.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "Invalid type" }""");
        deleteUnknown.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false }""");
        deleteValid.ShouldBe(HttpStatusCode.OK, """{ "success": true }""");
    }

    [Fact]
    public async Task A_user_without_the_role_reads_as_null()
    {
        await using var server = await EmulatorHarness.StartAsync();
        string plainUser = await server.UserIdAsync("plain.user");

        ApiResponse response = await server.GetAsync($"/api/v1/livechat/users/agent/{plainUser}", asUser: "manager");

        response.ShouldBe(HttpStatusCode.OK, """{ "user": null, "success": true }""");
    }
}
