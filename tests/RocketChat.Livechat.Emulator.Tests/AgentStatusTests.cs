using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>POST livechat/agent.status.</summary>
public sealed class AgentStatusTests
{
    [Fact]
    public async Task Sets_and_without_a_status_toggles_the_callers_availability()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient agent = await server.ClientAsync("agent.one");

        SetAgentStatusResponse set = await agent.Users.SetAgentStatusAsync(new SetAgentStatusRequest { Status = LivechatStatus.NotAvailable });
        SetAgentStatusResponse unchanged = await agent.Users.SetAgentStatusAsync(new SetAgentStatusRequest { Status = LivechatStatus.NotAvailable });
        ApiResponse toggled = await server.PostAsync("/api/v1/livechat/agent.status", "{}", asUser: "agent.one");

        Assert.Equal(LivechatStatus.NotAvailable, set.Status);
        Assert.Equal(LivechatStatus.NotAvailable, unchanged.Status);
        toggled.ShouldBe(HttpStatusCode.OK, """{ "status": "available", "success": true }""");
    }

    [Fact]
    public async Task Changing_another_agent_needs_manage_livechat_agents()
    {
        await using var server = await EmulatorHarness.StartAsync();
        string agentTwo = await server.UserIdAsync("agent.two");

        ApiResponse byAgent = await server.PostAsync("/api/v1/livechat/agent.status", $$"""{ "status": "not-available", "agentId": "{{agentTwo}}" }""", asUser: "agent.one");
        ApiResponse byManager = await server.PostAsync("/api/v1/livechat/agent.status", $$"""{ "status": "not-available", "agentId": "{{agentTwo}}" }""", asUser: "manager");
        var listed = await (await server.ClientAsync("manager")).Users.GetLivechatUserAsync(LivechatUserType.Agent, agentTwo);

        byAgent.ShouldBe(HttpStatusCode.Forbidden, """{ "success": false, "error": "unauthorized" }""");
        byManager.ShouldBe(HttpStatusCode.OK, """{ "status": "not-available", "success": true }""");
        Assert.Equal(LivechatStatus.NotAvailable, listed.User?.LivechatStatus);
    }

    [Fact]
    public async Task Errors_for_bad_status_unknown_agent_and_missing_permission()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse badStatus = await server.PostAsync("/api/v1/livechat/agent.status", """{ "status": "invalid-status" }""", asUser: "agent.one");
        ApiResponse unknownAgent = await server.PostAsync("/api/v1/livechat/agent.status", """{ "status": "available", "agentId": "invalid-agent-id" }""", asUser: "agent.one");
        ApiResponse notAnAgent = await server.PostAsync("/api/v1/livechat/agent.status", """{ "status": "available" }""", asUser: "manager");
        ApiResponse noPermission = await server.PostAsync("/api/v1/livechat/agent.status", """{ "status": "available" }""", asUser: "plain.user");
        var typed = await Assert.ThrowsAsync<RocketChatApiException>(async () =>
            await (await server.ClientAsync("manager")).Users.SetAgentStatusAsync(new SetAgentStatusRequest { Status = LivechatStatus.Available }));

        badStatus.ShouldBe(HttpStatusCode.BadRequest,
            """{ "success": false, "error": "must be equal to one of the allowed values [invalid-params]", "errorType": "invalid-params" }""");
        unknownAgent.ShouldBe(HttpStatusCode.NotFound, """{ "success": false, "error": "Agent not found" }""");
        notAnAgent.ShouldBe(HttpStatusCode.NotFound, """{ "success": false, "error": "Agent not found" }""");
        noPermission.ShouldBe(HttpStatusCode.Forbidden, """{ "success": false, "error": "User does not have the permissions required for this action [error-unauthorized]" }""");
        Assert.Equal(HttpStatusCode.NotFound, typed.StatusCode);
    }
}
