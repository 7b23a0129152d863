using System.Net;
using System.Text.Json;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>GET livechat/config: the widget's first call.</summary>
public sealed class LivechatConfigTests
{
    [Fact]
    public async Task Without_a_token_the_config_has_the_settings_and_the_online_state_but_no_visitor()
    {
        await using var server = await EmulatorHarness.StartAsync();
        Department billing = await server.CreateDepartmentAsync("Billing", "agent.one");
        await server.CreateDepartmentAsync("Empty");

        LivechatConfig config = (await server.Anonymous.Visitors.GetLivechatConfigAsync()).Config;

        Assert.True(config.IsEnabled);
        Assert.True(config.IsOnline);
        Assert.Equal("Rocket.Chat", config.Theme?.Title);
        Assert.Equal("right", config.Theme?.Position);
        Assert.Equal("url", config.Settings?.HistoryMonitorType);
        Assert.Equal(JsonValueKind.False, config.Settings?.LimitTextLength?.ValueKind);
        Assert.Equal(["satisfaction", "agentKnowledge", "agentResposiveness", "agentFriendliness"], config.Survey?.Items);
        Assert.Equal(["1", "2", "3", "4", "5"], config.Survey?.Values);
        // Only enabled departments that have agents are offered.
        Assert.Equal(billing.Id, Assert.Single(config.Departments!).Id);
        Assert.Null(config.Guest);
        Assert.Null(config.Room);
        Assert.Null(config.Agent);
    }

    [Fact]
    public async Task With_a_token_the_config_adds_the_visitor_its_open_room_and_the_serving_agent()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync(name: "Maria");

        LivechatConfig config = (await server.Anonymous.Visitors.GetLivechatConfigAsync(token: visitor.Token)).Config;
        LivechatConfig unknown = (await server.Anonymous.Visitors.GetLivechatConfigAsync(token: "no-such-token")).Config;

        Assert.Equal(visitor.Id, config.Guest?.Id);
        Assert.Equal("Maria", config.Guest?.Name);
        Assert.Equal(room.Id, config.Room?.Id);
        Assert.True(config.Room?.IsOpen);
        Assert.Equal(room.ServedBy?.Id, config.Room?.ServedBy?.Id);
        // findOpenRoom projects the room: no visitor, messages or timestamps.
        Assert.Null(config.Room?.Visitor);
        Assert.Null(config.Room?.Timestamp);
        Assert.Equal(room.ServedBy?.Id, config.Agent?.Id);
        Assert.Equal(room.ServedBy?.Username, config.Agent?.Username);
        Assert.Null(unknown.Guest);
        Assert.True(unknown.IsEnabled);
    }

    [Fact]
    public async Task With_agent_info_hidden_the_agent_is_only_hiddenInfo()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        await (await server.ClientAsync("admin")).Integrations.SaveSettingAsync("Livechat_show_agent_info", new SaveSettingRequest { Value = JsonDocument.Parse("false").RootElement });
        (Visitor visitor, _) = await server.StartChatAsync();

        WidgetAgent agent = (await server.Anonymous.Visitors.GetLivechatConfigAsync(token: visitor.Token)).Config.Agent!;
        ApiResponse raw = await server.GetAsync($"/api/v1/livechat/config?token={visitor.Token}");

        Assert.True(agent.IsHidden);
        Assert.Null(agent.Id);
        JsonAssert.Equal("""{ "hiddenInfo": true }""", raw.Body.GetProperty("config").GetProperty("agent"));
    }

    [Fact]
    public async Task Settings_changes_show_in_the_next_config_and_a_character_limit_is_a_number()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");
        await admin.Integrations.SaveSettingAsync("Livechat_enable_message_character_limit", new SaveSettingRequest { Value = JsonDocument.Parse("true").RootElement });
        await admin.Integrations.SaveSettingAsync("Livechat_message_character_limit", new SaveSettingRequest { Value = JsonDocument.Parse("250").RootElement });
        await admin.Integrations.SaveSettingAsync("Livechat_show_agent_info", new SaveSettingRequest { Value = JsonDocument.Parse("false").RootElement });

        LivechatWidgetSettings settings = (await server.Anonymous.Visitors.GetLivechatConfigAsync()).Config.Settings!;

        Assert.Equal(250, settings.LimitTextLength?.GetInt32());
        Assert.True(settings.AgentHiddenInfo);
    }

    [Fact]
    public async Task Offline_without_available_agents_unless_chats_without_agents_are_accepted()
    {
        await using var offline = await EmulatorHarness.StartAsync(options => options.Users.Clear());
        await using var accepting = await EmulatorHarness.StartAsync(options =>
        {
            options.Users.Clear();
            options.AcceptChatsWithNoAgents = true;
        });

        Assert.False((await offline.Anonymous.Visitors.GetLivechatConfigAsync()).Config.IsOnline);
        Assert.True((await accepting.Anonymous.Visitors.GetLivechatConfigAsync()).Config.IsOnline);
    }

    [Fact]
    public async Task With_livechat_disabled_the_config_is_only_enabled_false()
    {
        await using var server = await EmulatorHarness.StartAsync();
        await (await server.ClientAsync("admin")).Integrations.SaveSettingAsync("Livechat_enabled", new SaveSettingRequest { Value = JsonDocument.Parse("false").RootElement });

        ApiResponse response = await server.GetAsync("/api/v1/livechat/config");

        response.ShouldBe(HttpStatusCode.OK, """{ "config": { "enabled": false }, "success": true }""");
    }

    [Fact]
    public async Task An_unknown_query_key_is_refused_by_the_strict_query_schema()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.GetAsync("/api/v1/livechat/config?token=t&extra=1");

        response.ShouldBe(HttpStatusCode.BadRequest, """
            { "success": false, "error": "must NOT have additional properties [invalid-params]", "errorType": "invalid-params" }
            """);
    }
}
