using System.Net;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>GET subscriptions.getOne: the caller's subscription to a room, the document subscriptions-changed carries.</summary>
public sealed class SubscriptionTests
{
    [Fact]
    public async Task The_serving_agent_gets_its_subscription_and_anyone_else_null()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync(name: "Maria");
        LivechatClient agent = await server.ClientAsync("agent.one");
        LivechatClient other = await server.ClientAsync("agent.two");
        Assert.Null((await agent.Rooms.GetSubscriptionAsync(room.Id)).Subscription); // Queued: nobody serves it yet.
        await agent.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(room.Id)).Id });

        OmnichannelSubscription subscription = (await agent.Rooms.GetSubscriptionAsync(room.Id)).Subscription!;
        GetSubscriptionResponse notServing = await other.Rooms.GetSubscriptionAsync(room.Id);
        ApiResponse unknownRoom = await server.GetAsync("/api/v1/subscriptions.getOne?roomId=no-such-room", asUser: "agent.one");

        Assert.Equal(room.Id, subscription.Rid);
        Assert.Equal("l", subscription.T);
        Assert.Equal(await server.UserIdAsync("agent.one"), subscription.User?.Id);
        Assert.Equal(visitor.Token, subscription.Visitor?.Token);
        Assert.True(subscription.Open);
        Assert.Null(notServing.Subscription);
        unknownRoom.ShouldBe(HttpStatusCode.OK, """{ "subscription": null, "success": true }""");
    }

    [Fact]
    public async Task A_closed_room_has_no_subscription_left_and_roomId_is_required()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, LivechatRoom room) = await server.StartChatAsync();
        LivechatClient agent = await server.ClientAsync("agent.one");
        await agent.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(room.Id)).Id });
        await agent.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = room.Id });

        ApiResponse closed = await server.GetAsync($"/api/v1/subscriptions.getOne?roomId={room.Id}", asUser: "agent.one");
        ApiResponse noRoomId = await server.GetAsync("/api/v1/subscriptions.getOne", asUser: "agent.one");
        ApiResponse anonymous = await server.GetAsync($"/api/v1/subscriptions.getOne?roomId={room.Id}");

        closed.ShouldBe(HttpStatusCode.OK, """{ "subscription": null, "success": true }""");
        noRoomId.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "must have required property 'roomId' [invalid-params]", "errorType": "invalid-params" }""");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
    }
}
