using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>POST livechat/visitor/department.transfer: the visitor switches its chat to another department.</summary>
public sealed class VisitorDepartmentTransferTests
{
    private static TransferRoomToDepartmentRequest Transfer(string token, string roomId, string departmentId) =>
        new() { Token = token, RoomId = roomId, DepartmentId = departmentId };

    [Fact]
    public async Task Under_auto_selection_the_departments_agent_takes_the_chat_and_the_transfer_is_by_the_visitor()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        Department support = await server.CreateDepartmentAsync("Support", "agent.two");
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        Assert.Equal("agent.one", room.ServedBy?.Username);

        SuccessResponse response = await server.Anonymous.Rooms.TransferRoomToDepartmentAsync(Transfer(visitor.Token, room.Id, support.Id));

        Assert.True(response.Success);
        LivechatRoom moved = (await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token)).Room;
        Assert.Equal(support.Id, moved.DepartmentId);
        Assert.Equal("agent.two", moved.ServedBy?.Username);
        Message transfer = (await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token)).Messages
            .Single(message => message.Type == "livechat_transfer_history");
        var transferData = transfer.AdditionalProperties!["transferData"];
        Assert.Equal("visitor", transferData.GetProperty("transferredBy").GetProperty("type").GetString());
        Assert.Equal(visitor.Id, transferData.GetProperty("transferredBy").GetProperty("_id").GetString());
        Assert.Equal("department", transferData.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Under_manual_selection_the_chat_is_queued_again_for_the_department()
    {
        await using var server = await EmulatorHarness.StartAsync();
        Department support = await server.CreateDepartmentAsync("Support", "agent.two");
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        await (await server.ClientAsync("agent.one")).Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(room.Id)).Id });

        await server.Anonymous.Rooms.TransferRoomToDepartmentAsync(Transfer(visitor.Token, room.Id, support.Id));

        Inquiry inquiry = await server.InquiryOfAsync(room.Id);
        Assert.Equal(InquiryStatus.Queued, inquiry.Status);
        Assert.Equal(support.Id, inquiry.Department);
        Assert.Null((await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token)).Room.ServedBy);
    }

    [Fact]
    public async Task Like_the_server_only_the_token_is_checked_not_that_the_room_is_the_visitors()
    {
        await using var server = await EmulatorHarness.StartAsync();
        Department support = await server.CreateDepartmentAsync("Support", "agent.two");
        Visitor stranger = await server.RegisterVisitorAsync();
        (Visitor owner, LivechatRoom room) = await server.StartChatAsync();

        await server.Anonymous.Rooms.TransferRoomToDepartmentAsync(Transfer(stranger.Token, room.Id, support.Id));

        Message transfer = (await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, owner.Token)).Messages
            .Single(message => message.Type == "livechat_transfer_history");
        // Recorded as made by the room's visitor, as the server's route does.
        Assert.Equal(owner.Id, transfer.AdditionalProperties!["transferData"].GetProperty("transferredBy").GetProperty("_id").GetString());
    }

    [Fact]
    public async Task Every_refusal_the_server_has()
    {
        await using var server = await EmulatorHarness.StartAsync();
        Department support = await server.CreateDepartmentAsync("Support", "agent.two");
        Department empty = await server.CreateDepartmentAsync("Empty");
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        (Visitor closer, LivechatRoom closed) = await server.StartChatAsync();
        await server.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = closed.Id, Token = closer.Token });
        IRoomsClient rooms = server.Anonymous.Rooms;

        async Task<string?> Refusal(TransferRoomToDepartmentRequest request) =>
            (await Assert.ThrowsAsync<RocketChatApiException>(() => rooms.TransferRoomToDepartmentAsync(request))).Error;

        Assert.Equal("invalid-token", await Refusal(Transfer("no-such-token", room.Id, support.Id)));
        Assert.Equal("error-invalid-room", await Refusal(Transfer(visitor.Token, "no-such-room", support.Id)));
        Assert.Equal("This_conversation_is_already_closed", await Refusal(Transfer(closer.Token, closed.Id, support.Id)));
        Assert.Equal("error-invalid-department", await Refusal(Transfer(visitor.Token, room.Id, "no-such-department")));
        Assert.Equal("error-no-agents-online-in-department", await Refusal(Transfer(visitor.Token, room.Id, empty.Id)));
        await rooms.TransferRoomToDepartmentAsync(Transfer(visitor.Token, room.Id, support.Id));
        Assert.Equal("error-forwarding-chat-same-department", await Refusal(Transfer(visitor.Token, room.Id, support.Id)));
    }

    [Fact]
    public async Task A_missing_department_is_invalid_params()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/visitor/department.transfer", """{ "token": "t", "rid": "r" }""");

        response.ShouldBe(HttpStatusCode.BadRequest, """
            { "success": false, "error": "must have required property 'department' [invalid-params]", "errorType": "invalid-params" }
            """);
    }
}
