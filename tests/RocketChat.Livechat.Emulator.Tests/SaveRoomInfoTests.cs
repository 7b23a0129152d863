using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>POST livechat/room.saveInfo: the room's topic and tags and the visitor's contact details, as saveRoomById and saveGuestById store them.</summary>
public sealed class SaveRoomInfoTests
{
    [Fact]
    public async Task The_serving_agent_saves_the_topic_tags_and_the_visitors_details()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync("Ada");
        LivechatClient agent = await server.ClientAsync(room.ServedBy!.Username!);

        await agent.Rooms.SaveRoomInfoAsync(new SaveRoomInfoRequest
        {
            GuestData = new SaveRoomInfoGuestData { Id = visitor.Id, Name = "  Ada Lovelace ", Email = "ada@example.com", Phone = "+44 20 7946 0000" },
            RoomData = new SaveRoomInfoRoomData { Id = room.Id, Topic = " Invoice ", Tags = ["billing", "vip"] },
        });

        LivechatRoom saved = await RoomAsync(server, room.Id);
        Assert.Equal("Invoice", saved.Topic);
        Assert.Equal(["billing", "vip"], saved.Tags);
        Visitor savedVisitor = (await server.Anonymous.Visitors.GetVisitorAsync(visitor.Token)).Visitor;
        Assert.Equal("Ada Lovelace", savedVisitor.Name);
        Assert.Equal(["ada@example.com"], savedVisitor.Emails!.Select(e => e.Address));
        Assert.Equal(["+44 20 7946 0000"], savedVisitor.Phone!.Select(p => p.PhoneNumber));
    }

    [Fact]
    public async Task Leaving_tags_out_removes_them_a_blank_topic_is_removed_and_missing_guest_fields_are_kept()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync("Ada");
        LivechatClient agent = await server.ClientAsync(room.ServedBy!.Username!);
        await agent.Rooms.SaveRoomInfoAsync(new SaveRoomInfoRequest
        {
            GuestData = new SaveRoomInfoGuestData { Id = visitor.Id, Email = "ada@example.com" },
            RoomData = new SaveRoomInfoRoomData { Id = room.Id, Topic = "Invoice", Tags = ["billing"] },
        });

        await agent.Rooms.SaveRoomInfoAsync(new SaveRoomInfoRequest
        {
            GuestData = new SaveRoomInfoGuestData { Id = visitor.Id },
            RoomData = new SaveRoomInfoRoomData { Id = room.Id, Topic = "   " },
        });

        LivechatRoom saved = await RoomAsync(server, room.Id);
        Assert.Null(saved.Topic);
        Assert.True(saved.Tags is null or { Count: 0 });
        Visitor savedVisitor = (await server.Anonymous.Visitors.GetVisitorAsync(visitor.Token)).Visitor;
        Assert.Equal("Ada", savedVisitor.Name);
        Assert.Equal(["ada@example.com"], savedVisitor.Emails!.Select(e => e.Address));
    }

    [Fact]
    public async Task Another_agents_room_needs_save_others_livechat_room_info()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync("Ada");
        string other = room.ServedBy!.Username == "agent.one" ? "agent.two" : "agent.one";
        var request = new SaveRoomInfoRequest
        {
            GuestData = new SaveRoomInfoGuestData { Id = visitor.Id },
            RoomData = new SaveRoomInfoRoomData { Id = room.Id, Topic = "Invoice" },
        };

        var refused = await Assert.ThrowsAsync<RocketChatForbiddenException>(async () => await (await server.ClientAsync(other)).Rooms.SaveRoomInfoAsync(request));
        await (await server.ClientAsync("manager")).Rooms.SaveRoomInfoAsync(request);

        Assert.Equal("unauthorized", refused.Error);
        Assert.Equal("Invoice", (await RoomAsync(server, room.Id)).Topic);
    }

    [Fact]
    public async Task Unknown_rooms_visitors_and_bad_bodies_are_refused()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync("Ada");
        LivechatClient admin = await server.ClientAsync("admin");

        var noRoom = await Assert.ThrowsAsync<RocketChatApiException>(() => admin.Rooms.SaveRoomInfoAsync(new SaveRoomInfoRequest
        {
            GuestData = new SaveRoomInfoGuestData { Id = visitor.Id }, RoomData = new SaveRoomInfoRoomData { Id = "no-such-room" },
        }));
        var noVisitor = await Assert.ThrowsAsync<RocketChatApiException>(() => admin.Rooms.SaveRoomInfoAsync(new SaveRoomInfoRequest
        {
            GuestData = new SaveRoomInfoGuestData { Id = "no-such-visitor" }, RoomData = new SaveRoomInfoRoomData { Id = room.Id },
        }));
        ApiResponse noGuest = await server.PostAsync("/api/v1/livechat/room.saveInfo", $$$"""{"roomData":{"_id":"{{{room.Id}}}"}}""", asUser: "admin");
        ApiResponse notAgent = await server.PostAsync("/api/v1/livechat/room.saveInfo", $$$"""{"guestData":{"_id":"{{{visitor.Id}}}"},"roomData":{"_id":"{{{room.Id}}}"}}""", asUser: "plain.user");

        Assert.Equal("error-invalid-room", noRoom.Error);
        Assert.Equal("error-invalid-visitor", noVisitor.Error);
        noGuest.ShouldBe(HttpStatusCode.BadRequest, """{"success":false,"error":"must have required property 'guestData' [invalid-params]","errorType":"invalid-params"}""");
        Assert.Equal(HttpStatusCode.Forbidden, notAgent.Status);
    }

    private static async Task<LivechatRoom> RoomAsync(EmulatorHarness server, string roomId) =>
        (await (await server.ClientAsync("admin")).Rooms.ListRoomsAsync()).Rooms.Single(r => r.Id == roomId);
}
