using System.Net;
using System.Security.Cryptography;
using System.Text;
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
    private static readonly string s_adminPasswordDigest =
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EmulatorHarness.AdminPassword)));

    private static UpdateSettingRequest Value(string json) => new() { Value = JsonDocument.Parse(json).RootElement.Clone() };

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
        GetSettingResponse before = await admin.Settings.GetSettingAsync("Livechat_Routing_Method");
        await admin.Settings.UpdateSettingAsync("Livechat_Routing_Method", Value("\"Auto_Selection\""), s_adminPasswordDigest, "password");
        GetSettingResponse after = await admin.Settings.GetSettingAsync("Livechat_Routing_Method");
        (_, LivechatRoom assigned) = await server.StartChatAsync();

        Assert.Equal("Manual_Selection", before.Value?.GetString());
        Assert.Equal("Auto_Selection", after.Value?.GetString());
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
        await admin.Settings.UpdateSettingAsync("Livechat_accept_chats_with_no_agents", Value("true"), s_adminPasswordDigest, "password");
        (_, LivechatRoom accepted) = await server.StartChatAsync();
        await admin.Settings.UpdateSettingAsync("Livechat_enabled", Value("false"), s_adminPasswordDigest, "password");
        var disabled = await Assert.ThrowsAsync<RocketChatApiException>(() => server.StartChatAsync());

        Assert.Equal("no-agent-online", noAgent.ErrorType);
        Assert.False(string.IsNullOrEmpty(accepted.Id));
        Assert.Equal("error-omnichannel-is-disabled", disabled.ErrorType);
        Assert.Equal("[error-omnichannel-is-disabled]", disabled.Error);
    }

    [Fact]
    public async Task Changing_a_setting_needs_the_password_as_second_factor_and_a_value_it_takes()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");

        var noCode = await Assert.ThrowsAsync<RocketChatApiException>(() => admin.Settings.UpdateSettingAsync("Livechat_enabled", Value("false")));
        var wrongCode = await Assert.ThrowsAsync<RocketChatApiException>(() => admin.Settings.UpdateSettingAsync("Livechat_enabled", Value("false"), "0000", "password"));
        ApiResponse unknown = await server.SendAsync(HttpMethod.Post, "/api/v1/settings/No_Such_Setting", """{ "value": 1 }""", asUser: "admin",
            configure: request => request.Headers.Add("x-2fa-code", s_adminPasswordDigest));
        ApiResponse badRouting = await server.SendAsync(HttpMethod.Post, "/api/v1/settings/Livechat_Routing_Method", """{ "value": "Round_Robin" }""", asUser: "admin",
            configure: request => request.Headers.Add("x-2fa-code", s_adminPasswordDigest));
        var forbidden = await Assert.ThrowsAsync<RocketChatForbiddenException>(async () => await (await server.ClientAsync("manager")).Settings.GetSettingAsync("Livechat_enabled"));

        Assert.Equal("totp-required", noCode.ErrorType);
        Assert.Equal("totp-invalid", wrongCode.ErrorType);
        unknown.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false }""");
        badRouting.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false }""");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.True((await admin.Settings.GetSettingAsync("Livechat_enabled")).Value?.GetBoolean());
    }

    [Fact]
    public async Task Appearance_settings_read_back_and_the_message_character_limit_applies_to_visitors()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient manager = await server.ClientAsync("manager");
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        await manager.Settings.UpdateAppearanceAsync(
        [
            new AppearanceSetting { Id = "Livechat_title", Value = JsonDocument.Parse("\"Support\"").RootElement.Clone() },
            new AppearanceSetting { Id = "Livechat_enable_message_character_limit", Value = JsonDocument.Parse("\"true\"").RootElement.Clone() },
            new AppearanceSetting { Id = "Livechat_message_character_limit", Value = JsonDocument.Parse("5").RootElement.Clone() },
        ]);
        GetAppearanceResponse appearance = await manager.Settings.GetAppearanceAsync();
        var tooLong = await Assert.ThrowsAsync<RocketChatApiException>(() =>
            server.Anonymous.Messages.SendMessageAsync(new SendMessageRequest { Token = visitor.Token, RoomId = room.Id, Text = "123456" }));
        SendMessageResponse shortEnough = await server.Anonymous.Messages.SendMessageAsync(new SendMessageRequest { Token = visitor.Token, RoomId = room.Id, Text = "12345" });
        var invalid = await Assert.ThrowsAsync<RocketChatApiException>(() =>
            manager.Settings.UpdateAppearanceAsync([new AppearanceSetting { Id = "Livechat_Routing_Method", Value = JsonDocument.Parse("\"Auto_Selection\"").RootElement.Clone() }]));

        Assert.Equal("Support", appearance.Appearance.Single(setting => setting.Id == "Livechat_title").Value?.GetString());
        Assert.True(appearance.Appearance.Single(setting => setting.Id == "Livechat_enable_message_character_limit").Value?.GetBoolean());
        Assert.Equal(5, appearance.Appearance.Single(setting => setting.Id == "Livechat_message_character_limit").Value?.GetInt32());
        Assert.Equal("message-length-exceeds-character-limit", tooLong.Error);
        Assert.Equal("12345", shortEnough.Message.Text);
        Assert.Equal("invalid-setting", invalid.Error);
    }
}
