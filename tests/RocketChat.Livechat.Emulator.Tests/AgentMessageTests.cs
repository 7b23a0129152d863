using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>POST chat.sendMessage: the agent serving a livechat room answers in it.</summary>
public sealed class AgentMessageTests
{
    [Fact]
    public async Task The_serving_agent_answers_and_the_visitor_sees_it_in_the_history()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync(name: "Maria");
        LivechatClient agent = await server.ClientAsync("agent.one");
        await agent.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(room.Id)).Id });

        SendAgentMessageResponse sent = await agent.Messages.SendAgentMessageAsync(
            new SendAgentMessageRequest { Message = new OutgoingMessage { RoomId = room.Id, Text = "How can I help?" } });
        GetMessageHistoryResponse history = await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token);

        Assert.Equal("agent.one", sent.Message.User?.Username);
        Assert.Equal("How can I help?", history.Messages[0].Text);
        Assert.Equal(sent.Message.Id, history.Messages[0].Id);
    }

    [Fact]
    public async Task An_agent_not_serving_the_room_is_not_allowed()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom room) = await server.StartChatAsync();
        LivechatClient other = await server.ClientAsync("agent.two");

        var error = await Assert.ThrowsAsync<RocketChatApiException>(() => other.Messages.SendAgentMessageAsync(
            new SendAgentMessageRequest { Message = new OutgoingMessage { RoomId = room.Id, Text = "hi" } }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("error-not-allowed", error.ErrorCode);
    }

    [Fact]
    public async Task An_unknown_room_and_a_missing_login_are_rejected_as_upstream()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse unknown = await server.PostAsync("/api/v1/chat.sendMessage", """{"message":{"rid":"nope","msg":"hi"}}""", asUser: "agent.one");
        ApiResponse anonymous = await server.PostAsync("/api/v1/chat.sendMessage", """{"message":{"rid":"nope","msg":"hi"}}""");

        unknown.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "Invalid room [error-invalid-room]", "errorType": "error-invalid-room" }""");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
    }
}
