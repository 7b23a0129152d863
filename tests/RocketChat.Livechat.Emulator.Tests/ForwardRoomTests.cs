using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>POST livechat/room.forward: transfer to another available agent.</summary>
public sealed class ForwardRoomTests
{
    [Fact]
    public async Task Forwarding_moves_the_room_to_the_target_agent_and_records_the_transfer()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        LivechatClient agentOne = await server.ClientAsync("agent.one");
        await agentOne.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(room.Id)).Id });
        string agentTwo = await server.UserIdAsync("agent.two");

        ForwardRoomResponse response = await agentOne.Rooms.ForwardRoomAsync(new ForwardRoomRequest { RoomId = room.Id, UserId = agentTwo, Comment = "Billing question" });
        LivechatRoom forwarded = (await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token)).Room;
        Message transfer = (await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token)).Messages[0];

        Assert.True(response.Success);
        Assert.Equal(agentTwo, forwarded.ServedBy?.Id);
        Assert.Equal("livechat_transfer_history", transfer.Type);
        MessageTransferData transferData = transfer.TransferData!;
        Assert.Equal("Billing question", transferData.Comment);
        Assert.Equal("agent", transferData.Scope);
        Assert.Equal(agentTwo, transferData.TransferredTo?.Id);
        Assert.Equal("agent.one", transferData.TransferredBy?.Username);
    }

    [Fact]
    public async Task Forwarding_needs_view_l_room_and_transfer_livechat_guest()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom room) = await server.StartChatAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/room.forward", $$"""{ "roomId": "{{room.Id}}" }""", asUser: "plain.user");

        response.ShouldBe(HttpStatusCode.Forbidden, """{ "success": false, "error": "User does not have the permissions required for this action [error-unauthorized]" }""");
    }

    [Fact]
    public async Task Forwarding_to_an_agent_that_is_not_available_fails()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom room) = await server.StartChatAsync();
        await (await server.ClientAsync("agent.two")).Users.SetAgentStatusAsync(new SetAgentStatusRequest { Status = LivechatStatus.NotAvailable });
        string agentTwo = await server.UserIdAsync("agent.two");
        string manager = await server.UserIdAsync("manager");

        ApiResponse unavailable = await server.PostAsync("/api/v1/livechat/room.forward", $$"""{ "roomId": "{{room.Id}}", "userId": "{{agentTwo}}" }""", asUser: "manager");
        ApiResponse notAnAgent = await server.PostAsync("/api/v1/livechat/room.forward", $$"""{ "roomId": "{{room.Id}}", "userId": "{{manager}}" }""", asUser: "manager");

        unavailable.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "error-user-is-offline" }""");
        notAnAgent.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "error-user-is-offline" }""");
    }

    [Theory]
    [InlineData("""{ "comment": "x" }""", "must have required property 'roomId' [invalid-params]", "invalid-params")]
    [InlineData("""{ "roomId": "ROOM", "target": "x" }""", "must NOT have additional properties [invalid-params]", "invalid-params")]
    [InlineData("""{ "roomId": "nope", "userId": "x" }""", "error-invalid-room", null)]
    [InlineData("""{ "roomId": "ROOM", "departmentId": "sales" }""", "error-invalid-department", null)]
    [InlineData("""{ "roomId": "ROOM" }""", "error-forwarding-chat", null)]
    public async Task Forwarding_errors(string body, string error, string? errorType)
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom room) = await server.StartChatAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/room.forward", body.Replace("ROOM", room.Id), asUser: "manager");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(error, response.Text("error"));
        Assert.Equal(errorType, response.Body.TryGetProperty("errorType", out var type) ? type.GetString() : null);
    }

    [Fact]
    public async Task A_closed_room_cannot_be_forwarded()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom room) = await server.StartChatAsync();
        LivechatClient manager = await server.ClientAsync("manager");
        await manager.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = room.Id });

        var error = await Assert.ThrowsAsync<RocketChatApiException>(async () =>
            await manager.Rooms.ForwardRoomAsync(new ForwardRoomRequest { RoomId = room.Id, UserId = await server.UserIdAsync("agent.one") }));

        Assert.Equal("This_conversation_is_already_closed", error.Error);
    }
}
