using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>GET, PUT and DELETE livechat/message/:_id: a visitor reads, edits and deletes its own messages.</summary>
public sealed class VisitorMessageTests
{
    [Fact]
    public async Task A_visitor_reads_one_of_its_rooms_messages()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        SendMessageResponse sent = await server.Anonymous.Messages.SendMessageAsync(new SendMessageRequest { Token = visitor.Token, RoomId = room.Id, Text = "hello" });

        GetVisitorMessageResponse read = await server.Anonymous.Messages.GetVisitorMessageAsync(sent.Message.Id, visitor.Token, room.Id);

        Assert.Equal(sent.Message.Id, read.Message.Id);
        Assert.Equal(sent.Message.Text, read.Message.Text);
        Assert.Equal(sent.Message.Timestamp, read.Message.Timestamp);
        var missing = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Messages.GetVisitorMessageAsync("no-such-id", visitor.Token, room.Id));
        Assert.Equal("invalid-message", missing.ErrorCode);
    }

    [Fact]
    public async Task Editing_records_editedAt_editedBy_and_a_newer_updatedAt()
    {
        var clock = new ManualTimeProvider();
        await using var server = await EmulatorHarness.StartAsync(options => options.TimeProvider = clock);
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        Message sent = (await server.Anonymous.Messages.SendMessageAsync(new SendMessageRequest { Token = visitor.Token, RoomId = room.Id, Text = "helo" })).Message;
        clock.Advance(TimeSpan.FromSeconds(2));
        DateTimeOffset editedAt = clock.GetUtcNow();

        Message edited = (await server.Anonymous.Messages.UpdateVisitorMessageAsync(sent.Id, new UpdateVisitorMessageRequest { Token = visitor.Token, RoomId = room.Id, Text = "hello" })).Message;

        Assert.Equal("hello", edited.Text);
        Assert.Equal(sent.Timestamp, edited.Timestamp);
        Assert.Equal(editedAt, edited.EditedAt);
        Assert.Equal(visitor.Id, edited.EditedBy?.Id);
        Assert.Equal(editedAt, edited.UpdatedAt);
        Assert.True(edited.UpdatedAt > sent.UpdatedAt);
        GetMessageHistoryResponse history = await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token);
        Assert.Equal("hello", history.Messages.Single(message => message.Id == sent.Id).Text);
    }

    [Fact]
    public async Task A_visitor_cannot_edit_or_delete_the_agents_messages()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        LivechatClient agent = await server.ClientAsync(room.ServedBy?.Username ?? throw new InvalidOperationException("not routed"));
        Message agentMessage = (await agent.Messages.SendAgentMessageAsync(new SendAgentMessageRequest { Message = new OutgoingMessage { RoomId = room.Id, Text = "Hi" } })).Message;

        var edit = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Messages.UpdateVisitorMessageAsync(agentMessage.Id, new UpdateVisitorMessageRequest { Token = visitor.Token, RoomId = room.Id, Text = "mine now" }));
        var delete = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Messages.DeleteVisitorMessageAsync(agentMessage.Id, new DeleteVisitorMessageRequest { Token = visitor.Token, RoomId = room.Id }));

        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        Assert.Equal("error-action-not-allowed", edit.ErrorType);
        Assert.Equal("Message editing not allowed [error-action-not-allowed]", edit.Error);
        Assert.Equal("Message deleting not allowed [error-action-not-allowed]", delete.Error);
    }

    [Fact]
    public async Task Deleting_removes_the_message_from_history()
    {
        var clock = new ManualTimeProvider();
        await using var server = await EmulatorHarness.StartAsync(options => options.TimeProvider = clock);
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        Message sent = (await server.Anonymous.Messages.SendMessageAsync(new SendMessageRequest { Token = visitor.Token, RoomId = room.Id, Text = "oops" })).Message;
        clock.Advance(TimeSpan.FromSeconds(2));
        DateTimeOffset deletedAt = clock.GetUtcNow();

        DeleteVisitorMessageResponse deleted = await server.Anonymous.Messages.DeleteVisitorMessageAsync(sent.Id, new DeleteVisitorMessageRequest { Token = visitor.Token, RoomId = room.Id });

        Assert.Equal(sent.Id, deleted.Message.Id);
        // Upstream answers the deletion time as ts, not the message's own.
        Assert.Equal(deletedAt, deleted.Message.Timestamp);
        GetMessageHistoryResponse history = await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token);
        Assert.DoesNotContain(history.Messages, message => message.Id == sent.Id);
    }

    [Theory]
    [InlineData("PUT", """{ "token": "t", "rid": "r" }""", "must have required property 'msg' [invalid-params]")]
    [InlineData("DELETE", """{ "token": "t" }""", "must have required property 'rid' [invalid-params]")]
    [InlineData("DELETE", """{ "token": "t", "rid": "r", "extra": 1 }""", "must NOT have additional properties [invalid-params]")]
    public async Task Schema_violations_are_invalid_params(string method, string body, string error)
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.SendAsync(new HttpMethod(method), "/api/v1/livechat/message/some-id", body);

        response.ShouldBe(HttpStatusCode.BadRequest, $$"""{ "success": false, "error": "{{error}}", "errorType": "invalid-params" }""");
    }
}
