using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>POST livechat/message (reference §2.5, §5.2 item 19).</summary>
public sealed class MessageTests
{
    [Theory]
    [InlineData("""{ "rid": "r", "msg": "m" }""", "must have required property 'token' [invalid-params]")]
    [InlineData("""{ "token": "t", "msg": "m" }""", "must have required property 'rid' [invalid-params]")]
    [InlineData("""{ "token": "t", "rid": "r" }""", "must have required property 'msg' [invalid-params]")]
    [InlineData("""{ "token": "t", "rid": "r", "msg": "m", "extra": true }""", "must NOT have additional properties [invalid-params]")]
    [InlineData("""{ "token": "t", "rid": "r", "msg": "m", "agent": { "agentId": "a" } }""", "must have required property 'username' [invalid-params]")]
    [InlineData("""{ "token": "t", "rid": "r", "msg": ["m"] }""", "must be string [invalid-params]")]
    public async Task Schema_violations_are_invalid_params(string body, string error)
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/message", body);

        response.ShouldBe(HttpStatusCode.BadRequest, $$"""{ "success": false, "error": "{{error}}", "errorType": "invalid-params" }""");
    }

    [Fact]
    public async Task Bodies_from_the_generated_client_pass_the_schema()
    {
        await using var server = await EmulatorHarness.StartAsync();

        var error = await Assert.ThrowsAsync<RocketChatApiException>(
            () => server.Anonymous.Messages.SendMessageAsync(new SendMessageRequest { Token = "t", RoomId = "r", Text = "m", Agent = new SendMessageAgent { AgentId = "a", Username = "u" }, Id = null }));

        // The body with an agent passes validation; only the unknown token fails.
        Assert.Equal("invalid-token", error.ErrorCode);
    }

    [Fact]
    public async Task A_visitor_message_is_stored_and_returned_as_a_message_document()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync(name: "Maria");

        SendMessageResponse sent = await server.Anonymous.Messages.SendMessageAsync(new SendMessageRequest { Token = visitor.Token, RoomId = room.Id, Text = "Hi,\nI was charged twice." });
        LivechatRoom updated = (await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token)).Room;
        Inquiry inquiry = await server.InquiryOfAsync(room.Id);

        Message message = sent.Message;
        Assert.True(sent.Success);
        Assert.Equal(room.Id, message.RoomId);
        Assert.Equal("Hi,\nI was charged twice.", message.Text);
        Assert.Equal(visitor.Token, message.Token);
        Assert.Equal("Maria", message.Alias);
        Assert.Equal(visitor.Id, message.User?.Id);
        Assert.Equal(visitor.Username, message.User?.Username);
        Assert.Null(message.Type);
        Assert.Equal(2, message.MarkdownTokens?.Count);
        Assert.Equal(1, updated.MessageCount);
        Assert.Equal(message.Id, updated.LastMessage?.Id);
        Assert.Equal(message.Timestamp, updated.LastMessageAt);
        Assert.Equal("Hi,\nI was charged twice.", inquiry.Message);
        Assert.Equal(message.Id, inquiry.LastMessage?.Id);
    }

    [Fact]
    public async Task A_client_chosen_id_is_kept_and_cannot_be_reused()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        var request = new SendMessageRequest { Token = visitor.Token, RoomId = room.Id, Text = "once", Id = "my-message-id" };

        SendMessageResponse sent = await server.Anonymous.Messages.SendMessageAsync(request);
        var duplicate = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Messages.SendMessageAsync(request));

        Assert.Equal("my-message-id", sent.Message.Id);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.StartsWith("E11000 duplicate key error", duplicate.Error);
    }

    [Fact]
    public async Task Sending_reports_invalid_token_invalid_room_and_room_closed()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        (_, LivechatRoom otherRoom) = await server.StartChatAsync();

        ApiResponse badToken = await server.PostAsync("/api/v1/livechat/message", $$"""{ "token": "nope", "rid": "{{room.Id}}", "msg": "hi" }""");
        ApiResponse unknownRoom = await server.PostAsync("/api/v1/livechat/message", $$"""{ "token": "{{visitor.Token}}", "rid": "nope", "msg": "hi" }""");
        ApiResponse foreignRoom = await server.PostAsync("/api/v1/livechat/message", $$"""{ "token": "{{visitor.Token}}", "rid": "{{otherRoom.Id}}", "msg": "hi" }""");
        await server.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = room.Id, Token = visitor.Token });
        ApiResponse closed = await server.PostAsync("/api/v1/livechat/message", $$"""{ "token": "{{visitor.Token}}", "rid": "{{room.Id}}", "msg": "hi" }""");

        badToken.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "invalid-token" }""");
        unknownRoom.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "invalid-room" }""");
        foreignRoom.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "invalid-room" }""");
        closed.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "room-closed" }""");
    }
}
