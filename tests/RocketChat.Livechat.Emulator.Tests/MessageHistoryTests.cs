using System.Net;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>GET livechat/messages.history/:rid (reference §2.6, §5.2 items 20-22).</summary>
public sealed class MessageHistoryTests
{
    [Fact]
    public async Task Missing_token_unknown_token_and_foreign_rooms_are_rejected()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        (_, LivechatRoom otherRoom) = await server.StartChatAsync();

        ApiResponse noToken = await server.GetAsync($"/api/v1/livechat/messages.history/{room.Id}");
        ApiResponse badToken = await server.GetAsync($"/api/v1/livechat/messages.history/{room.Id}?token=nope");
        ApiResponse unknownRoom = await server.GetAsync($"/api/v1/livechat/messages.history/nope?token={visitor.Token}");
        ApiResponse foreignRoom = await server.GetAsync($"/api/v1/livechat/messages.history/{otherRoom.Id}?token={visitor.Token}");
        ApiResponse badLimit = await server.GetAsync($"/api/v1/livechat/messages.history/{room.Id}?token={visitor.Token}&limit=lots");

        noToken.ShouldBe(HttpStatusCode.BadRequest,
            """{ "success": false, "error": "must have required property 'token' [invalid-params]", "errorType": "invalid-params" }""");
        badToken.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "invalid-token" }""");
        unknownRoom.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "invalid-room" }""");
        foreignRoom.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "invalid-room" }""");
        badLimit.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "must be number [invalid-params]", "errorType": "invalid-params" }""");
    }

    [Fact]
    public async Task History_is_newest_first_and_includes_the_livechat_started_system_message()
    {
        var clock = new ManualTimeProvider();
        await using var server = await EmulatorHarness.StartAsync(options => options.TimeProvider = clock);
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        await Send(server, visitor, room, "test");

        GetMessageHistoryResponse history = await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token);

        Assert.True(history.Success);
        Assert.Equal(2, history.Messages.Count);
        Assert.Equal("test", history.Messages[0].Text);
        Assert.Equal("livechat-started", history.Messages[1].Type);
        Assert.Equal(string.Empty, history.Messages[1].Text);
        Assert.False(history.Messages[1].IsGroupable);
    }

    [Fact]
    public async Task Offset_limit_ls_and_end_page_the_history()
    {
        var clock = new ManualTimeProvider();
        await using var server = await EmulatorHarness.StartAsync(options => options.TimeProvider = clock);
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        Message first = await Send(server, visitor, room, "test");
        clock.Advance(TimeSpan.FromSeconds(1));
        await Send(server, visitor, room, "test2");
        var messages = server.Anonymous.Messages;

        var olderOne = await messages.GetMessageHistoryAsync(room.Id, visitor.Token, offset: 1, limit: 1);
        var lastSeenNow = await messages.GetMessageHistoryAsync(room.Id, visitor.Token, lastSeen: clock.GetUtcNow());
        var beforeHalfSecondLater = await messages.GetMessageHistoryAsync(room.Id, visitor.Token, end: first.Timestamp!.Value.AddMilliseconds(500));
        var beforeFirst = await messages.GetMessageHistoryAsync(room.Id, visitor.Token, end: first.Timestamp!.Value);
        var systemMessage = await messages.GetMessageHistoryAsync(room.Id, visitor.Token, offset: 2, limit: 1);

        Assert.Equal("test", Assert.Single(olderOne.Messages).Text);
        Assert.Equal(3, lastSeenNow.Messages.Count);
        Assert.Equal("test2", lastSeenNow.Messages[0].Text);
        Assert.Equal(["test", string.Empty], beforeHalfSecondLater.Messages.Select(message => message.Text));
        Assert.Equal("livechat-started", Assert.Single(beforeFirst.Messages).Type);
        Assert.NotNull(Assert.Single(systemMessage.Messages).Type);
    }

    [Fact]
    public async Task Limit_defaults_to_20_and_0_returns_everything()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        for (int i = 0; i < 24; i++)
        {
            await Send(server, visitor, room, $"message {i}");
        }

        var byDefault = await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token);
        var everything = await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token, limit: 0);

        Assert.Equal(20, byDefault.Messages.Count);
        Assert.Equal("message 23", byDefault.Messages[0].Text);
        Assert.Equal(25, everything.Messages.Count);
    }

    [Fact]
    public async Task The_history_of_a_closed_room_stays_readable_and_ignores_count_sort_and_searchText()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        await Send(server, visitor, room, "before closing");
        await server.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = room.Id, Token = visitor.Token });

        ApiResponse response = await server.GetAsync(
            $"/api/v1/livechat/messages.history/{room.Id}?token={visitor.Token}&count=1&searchText=zzz&sort=%7B%22ts%22%3A1%7D");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(3, response.Body.GetProperty("messages").GetArrayLength());
        Assert.Equal("livechat-close", response.Body.GetProperty("messages")[0].GetProperty("t").GetString());
    }

    private static async Task<Message> Send(EmulatorHarness server, Visitor visitor, LivechatRoom room, string text) =>
        (await server.Anonymous.Messages.SendMessageAsync(new SendMessageRequest { Token = visitor.Token, RoomId = room.Id, Text = text })).Message;
}
