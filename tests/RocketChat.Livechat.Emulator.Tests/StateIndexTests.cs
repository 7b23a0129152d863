using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>
/// The lookups the emulator answers from indexes (a visitor's open room, the room's inquiry, each agent's open chats,
/// a visitor by phone) stay right through every change: close, forward, re-registration and removal.
/// </summary>
public sealed class StateIndexTests
{
    [Fact]
    public async Task A_forwarded_chat_counts_for_its_new_agent_when_the_next_room_is_routed()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        string agentOne = await server.UserIdAsync("agent.one");
        string agentTwo = await server.UserIdAsync("agent.two");
        (_, LivechatRoom first) = await server.StartChatAsync();
        (_, LivechatRoom second) = await server.StartChatAsync();

        await (await server.ClientAsync("manager")).Rooms.ForwardRoomAsync(new ForwardRoomRequest { RoomId = second.Id, UserId = agentOne });
        (_, LivechatRoom third) = await server.StartChatAsync();

        Assert.Equal(agentOne, first.ServedBy?.Id);
        Assert.Equal(agentTwo, second.ServedBy?.Id);
        Assert.Equal(agentTwo, third.ServedBy?.Id);
    }

    [Fact]
    public async Task After_a_close_the_visitor_gets_a_new_room_with_its_own_inquiry()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom first) = await server.StartChatAsync();

        await server.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = first.Id, Token = visitor.Token });
        GetOrCreateRoomResponse second = await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token);
        GetOrCreateRoomResponse again = await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token);
        GetInquiryResponse closedInquiry = await (await server.ClientAsync("manager")).Inquiries.GetInquiryAsync(first.Id);

        Assert.True(second.IsNewRoom);
        Assert.NotEqual(first.Id, second.Room.Id);
        Assert.False(again.IsNewRoom);
        Assert.Equal(second.Room.Id, again.Room.Id);
        Assert.Null(closedInquiry.Inquiry);
        Assert.Equal(second.Room.Id, (await server.InquiryOfAsync(second.Room.Id)).RoomId);
    }

    [Fact]
    public async Task A_visitor_matched_by_phone_keeps_its_token_room_and_inquiry_name()
    {
        await using var server = await EmulatorHarness.StartAsync();
        Visitor original = await server.RegisterVisitorAsync(name: "Old Name", phone: "+5511999990000");
        LivechatRoom room = (await server.Anonymous.Rooms.GetOrCreateRoomAsync(original.Token)).Room;

        Visitor matched = await server.RegisterVisitorAsync(name: "New Name", phone: "+5511999990000");
        GetOrCreateRoomResponse reopened = await server.Anonymous.Rooms.GetOrCreateRoomAsync(matched.Token);

        Assert.Equal(original.Token, matched.Token);
        Assert.Equal(room.Id, reopened.Room.Id);
        Assert.Equal("New Name", reopened.Room.DisplayName);
        Assert.Equal("New Name", (await server.InquiryOfAsync(room.Id)).Name);
    }

    [Fact]
    public async Task Removing_a_visitor_removes_its_closed_rooms_and_frees_its_token()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        await server.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = room.Id, Token = visitor.Token });

        await server.Anonymous.Visitors.DeleteVisitorAsync(visitor.Token);
        var history = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token));
        ListRoomsResponse rooms = await (await server.ClientAsync("manager")).Rooms.ListRoomsAsync();
        Visitor again = await server.RegisterVisitorAsync(token: visitor.Token);

        Assert.Equal("invalid-token", history.Error);
        Assert.DoesNotContain(rooms.Rooms, listed => listed.Id == room.Id);
        Assert.NotEqual(visitor.Id, again.Id);
    }
}
