using System.Net;
using System.Text.Json;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>
/// The calls real clients make around the livechat flow, through the generated client: me, logout, users.setStatus,
/// settings/:_id (changing the emulator's behaviour at run time) and livechat/appearance.
/// </summary>
public sealed class AccountAndSettingsTests
{
    private static SaveSettingRequest Value(string json) => new() { Value = JsonDocument.Parse(json).RootElement.Clone() };

    [Fact]
    public async Task Me_returns_the_caller_and_logout_ends_its_token()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient agent = await server.ClientAsync("agent.one");

        GetMeResponse me = await agent.Authentication.GetMeAsync();
        LogoutResponse logout = await agent.Authentication.LogoutAsync();
        var afterLogout = await Assert.ThrowsAsync<RocketChatUnauthorizedException>(() => agent.Authentication.GetMeAsync());

        Assert.Equal(await server.UserIdAsync("agent.one"), me.Id);
        Assert.Equal("agent.one", me.Username);
        Assert.Contains("livechat-agent", me.Roles!);
        Assert.Equal("success", logout.Status);
        Assert.Equal("You've been logged out!", logout.Data?.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
    }

    [Fact]
    public async Task An_agent_set_offline_is_not_routed_to_and_online_again_it_is()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        LivechatClient agentOne = await server.ClientAsync("agent.one");
        LivechatClient agentTwo = await server.ClientAsync("agent.two");

        await agentOne.Users.SetUserStatusAsync(new SetUserStatusRequest { Status = UserStatus.Offline });
        await agentTwo.Users.SetUserStatusAsync(new SetUserStatusRequest { Status = UserStatus.Offline });
        var noAgent = await Assert.ThrowsAsync<RocketChatApiException>(() => server.StartChatAsync());
        await agentTwo.Users.SetUserStatusAsync(new SetUserStatusRequest { Status = UserStatus.Online });
        (_, LivechatRoom room) = await server.StartChatAsync();

        Assert.Equal("no-agent-online", noAgent.ErrorType);
        Assert.Equal(await server.UserIdAsync("agent.two"), room.ServedBy?.Id);
    }

    [Fact]
    public async Task Setting_another_users_status_needs_the_permission_and_a_known_status()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient agent = await server.ClientAsync("agent.one");
        string agentTwo = await server.UserIdAsync("agent.two");

        var notAllowed = await Assert.ThrowsAsync<RocketChatApiException>(() =>
            agent.Users.SetUserStatusAsync(new SetUserStatusRequest { Status = UserStatus.Away, UserId = agentTwo }));
        ApiResponse invalid = await server.PostAsync("/api/v1/users.setStatus", """{ "status": "sleeping" }""", asUser: "agent.one");
        await (await server.ClientAsync("admin")).Users.SetUserStatusAsync(new SetUserStatusRequest { Status = UserStatus.Away, UserId = agentTwo });

        Assert.Equal("error-not-allowed", notAllowed.ErrorType);
        Assert.Equal("error-invalid-status", invalid.Text("errorType"));
    }

    [Fact]
    public async Task Changing_the_routing_method_at_run_time_assigns_the_next_room_at_once()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");

        (_, LivechatRoom queued) = await server.StartChatAsync();
        SettingResponse before = await admin.Integrations.GetSettingAsync("Livechat_Routing_Method");
        await admin.Integrations.SaveSettingAsync("Livechat_Routing_Method", Value("\"Auto_Selection\""));
        SettingResponse after = await admin.Integrations.GetSettingAsync("Livechat_Routing_Method");
        (_, LivechatRoom assigned) = await server.StartChatAsync();

        Assert.Equal("Manual_Selection", before.Value.GetString());
        Assert.Equal("Auto_Selection", after.Value.GetString());
        Assert.Null(queued.ServedBy);
        Assert.NotNull(assigned.ServedBy);
    }

    [Fact]
    public async Task Accepting_chats_with_no_agents_and_disabling_livechat_take_effect_at_run_time()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");
        foreach (string agent in new[] { "agent.one", "agent.two" })
        {
            await admin.Users.SetAgentStatusAsync(new SetAgentStatusRequest { Status = LivechatStatus.NotAvailable, AgentId = await server.UserIdAsync(agent) });
        }

        var noAgent = await Assert.ThrowsAsync<RocketChatApiException>(() => server.StartChatAsync());
        await admin.Integrations.SaveSettingAsync("Livechat_accept_chats_with_no_agents", Value("true"));
        (_, LivechatRoom accepted) = await server.StartChatAsync();
        await admin.Integrations.SaveSettingAsync("Livechat_enabled", Value("false"));
        var disabled = await Assert.ThrowsAsync<RocketChatApiException>(() => server.StartChatAsync());

        Assert.Equal("no-agent-online", noAgent.ErrorType);
        Assert.False(string.IsNullOrEmpty(accepted.Id));
        Assert.Equal("error-omnichannel-is-disabled", disabled.ErrorType);
        Assert.Equal("[error-omnichannel-is-disabled]", disabled.Error);
    }

    [Fact]
    public async Task A_routing_setting_takes_only_the_values_the_emulator_routes_with()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");

        ApiResponse unknownMethod = await server.PostAsync("/api/v1/settings/Livechat_Routing_Method", """{ "value": "Round_Robin" }""", asUser: "admin");
        ApiResponse notBoolean = await server.PostAsync("/api/v1/settings/Livechat_enabled", """{ "value": "no" }""", asUser: "admin");
        SettingResponse routing = await admin.Integrations.GetSettingAsync("Livechat_Routing_Method");
        SettingResponse maxSize = await admin.Integrations.GetSettingAsync("Message_MaxAllowedSize");

        Assert.Equal(HttpStatusCode.BadRequest, unknownMethod.Status);
        Assert.Equal(HttpStatusCode.BadRequest, notBoolean.Status);
        Assert.Equal("Manual_Selection", routing.Value.GetString());
        Assert.Equal(5000, maxSize.Value.GetInt32());
    }

    [Fact]
    public async Task Message_MaxAllowedSize_changes_at_run_time()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        await (await server.ClientAsync("admin")).Integrations.SaveSettingAsync("Message_MaxAllowedSize", Value("3"));
        var tooLong = await Assert.ThrowsAsync<RocketChatApiException>(() =>
            server.Anonymous.Messages.SendMessageAsync(new SendMessageRequest { Token = visitor.Token, RoomId = room.Id, Text = "1234" }));

        Assert.Equal("error-message-size-exceeded", tooLong.ErrorType);
    }

    [Fact]
    public async Task Appearance_settings_read_back_and_the_message_character_limit_applies_to_visitors()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient manager = await server.ClientAsync("manager");
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        await manager.Appearance.UpdateAppearanceAsync(
        [
            new AppearanceSetting { Id = "Livechat_title", Value = JsonDocument.Parse("\"Support\"").RootElement.Clone() },
            new AppearanceSetting { Id = "Livechat_enable_message_character_limit", Value = JsonDocument.Parse("\"true\"").RootElement.Clone() },
            new AppearanceSetting { Id = "Livechat_message_character_limit", Value = JsonDocument.Parse("5").RootElement.Clone() },
        ]);
        GetAppearanceResponse appearance = await manager.Appearance.GetAppearanceAsync();
        var tooLong = await Assert.ThrowsAsync<RocketChatApiException>(() =>
            server.Anonymous.Messages.SendMessageAsync(new SendMessageRequest { Token = visitor.Token, RoomId = room.Id, Text = "123456" }));
        SendMessageResponse shortEnough = await server.Anonymous.Messages.SendMessageAsync(new SendMessageRequest { Token = visitor.Token, RoomId = room.Id, Text = "12345" });
        var invalid = await Assert.ThrowsAsync<RocketChatApiException>(() =>
            manager.Appearance.UpdateAppearanceAsync([new AppearanceSetting { Id = "Livechat_Routing_Method", Value = JsonDocument.Parse("\"Auto_Selection\"").RootElement.Clone() }]));

        Assert.Equal("Support", appearance.Appearance.Single(setting => setting.Id == "Livechat_title").Value?.GetString());
        Assert.True(appearance.Appearance.Single(setting => setting.Id == "Livechat_enable_message_character_limit").Value?.GetBoolean());
        Assert.Equal(5, appearance.Appearance.Single(setting => setting.Id == "Livechat_message_character_limit").Value?.GetInt32());
        Assert.Equal("message-length-exceeds-character-limit", tooLong.Error);
        Assert.Equal("12345", shortEnough.Message.Text);
        Assert.Equal("invalid-setting", invalid.Error);
    }
}
