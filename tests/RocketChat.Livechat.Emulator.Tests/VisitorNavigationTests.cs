using System.Net;
using System.Text.Json;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>POST livechat/page.visited: the visitor's navigation as <c>livechat_navigation_history</c> entries.</summary>
public sealed class VisitorNavigationTests
{
    private static VisitorNavigationRequest Visit(string token, string? roomId, string change = "url") => new()
    {
        Token = token,
        RoomId = roomId,
        PageInfo = new VisitorPageInfo { Title = "Pricing", Change = change, Location = new VisitorPageLocation { Href = "https://example.com/pricing" } },
    };

    [Fact]
    public async Task A_url_change_is_answered_as_the_entry_and_stays_out_of_history_while_hidden()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        VisitorNavigationResponse response = await server.Anonymous.Visitors.SendVisitorNavigationAsync(Visit(visitor.Token, room.Id));

        Assert.Equal("Pricing - https://example.com/pricing", response.Page?.Text);
        Assert.Equal("https://example.com/pricing", response.Page?.Navigation?.Page?.Location.Href);
        Assert.Equal(visitor.Token, response.Page?.Navigation?.Token);
        GetMessageHistoryResponse history = await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token);
        Assert.DoesNotContain(history.Messages, message => message.Type == "livechat_navigation_history");
    }

    [Fact]
    public async Task With_navigation_shown_as_messages_the_entry_is_a_room_message_from_rocket_cat()
    {
        await using var server = await EmulatorHarness.StartAsync();
        await (await server.ClientAsync("admin")).Integrations.SaveSettingAsync("Livechat_Visitor_navigation_as_a_message", new SaveSettingRequest { Value = JsonDocument.Parse("true").RootElement });
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        await server.Anonymous.Visitors.SendVisitorNavigationAsync(Visit(visitor.Token, room.Id));

        Message entry = (await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token)).Messages
            .Single(message => message.Type == "livechat_navigation_history");
        Assert.Equal("Pricing - https://example.com/pricing", entry.Text);
        Assert.Equal("rocket.cat", entry.User?.Username);
        Assert.Equal("Pricing", entry.AdditionalProperties!["navigation"].GetProperty("page").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Another_kind_of_change_records_nothing_and_the_token_is_not_checked()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse other = await server.PostAsync("/api/v1/livechat/page.visited", """
            { "token": "t", "pageInfo": { "change": "title", "title": "x", "location": { "href": "h" } } }
            """);
        VisitorNavigationResponse unknownToken = await server.Anonymous.Visitors.SendVisitorNavigationAsync(Visit("no-such-token", roomId: null));

        other.ShouldBe(HttpStatusCode.OK, """{ "success": true }""");
        Assert.Equal("Pricing - https://example.com/pricing", unknownToken.Page?.Text);
    }

    [Theory]
    [InlineData("""{ "token": "t" }""", "must have required property 'pageInfo' [invalid-params]")]
    [InlineData("""{ "token": "t", "pageInfo": { "change": "url", "title": "x", "location": {} } }""", "must have required property 'href' [invalid-params]")]
    [InlineData("""{ "token": "t", "pageInfo": { "change": "url", "title": "x", "location": { "href": "h" }, "x": 1 } }""", "must NOT have additional properties [invalid-params]")]
    public async Task Schema_violations_are_invalid_params(string body, string error)
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/page.visited", body);

        response.ShouldBe(HttpStatusCode.BadRequest, $$"""{ "success": false, "error": "{{error}}", "errorType": "invalid-params" }""");
    }
}
