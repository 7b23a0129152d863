using RocketChat.Livechat.Webhooks.Tests.Infrastructure;

namespace RocketChat.Livechat.Webhooks.Tests;

/// <summary>livechat/room.saveInfo sends LivechatEdit only for a closed room, with no switch of its own.</summary>
public sealed class RoomEditedWebhookTests
{
    [Fact]
    public async Task Saving_a_closed_rooms_info_sends_LivechatEdit_with_the_saved_room()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();
        await using EmulatorSetup server = await EmulatorSetup.StartAsync();
        (string token, string roomId) = await server.StartChatAsync("Ada");
        await server.VisitorSaysAsync(token, roomId, "My invoice is wrong");
        await server.TakeAsync("agent.one", roomId);
        await server.CloseAsync("agent.one", roomId);
        // Only the URL: every switch stays off, and LivechatEdit has none.
        await (await server.ClientAsync("admin")).Integrations.SaveWebhookIntegrationAsync(new WebhookIntegrationRequest { LivechatWebhookUrl = receiver.WebhookUrl.ToString() });
        string visitorId = (await server.Anonymous.Visitors.GetVisitorAsync(token)).Visitor.Id;

        await (await server.ClientAsync("agent.one")).Rooms.SaveRoomInfoAsync(new SaveRoomInfoRequest
        {
            GuestData = new SaveRoomInfoGuestData { Id = visitorId, Email = "ada@example.com" },
            RoomData = new SaveRoomInfoRoomData { Id = roomId, Topic = "Invoice", Tags = ["billing"] },
        });
        await server.Emulator.WaitForWebhooksAsync();

        (string method, LivechatWebhookEvent received) = Assert.Single(await receiver.Received.WaitForAsync(1));
        Assert.Equal("OnRoomEditedAsync", method);
        Assert.Equal("LivechatEdit", received.Type);
        var edited = Assert.IsType<LivechatWebhookEvent<LivechatWebhookRoomPayload>>(received);
        Assert.Equal(roomId, edited.Payload.Id);
        Assert.Equal("Invoice", edited.Payload.Topic);
        Assert.Equal(["billing"], edited.Payload.Tags);
        Assert.Equal(["ada@example.com"], edited.Payload.Visitor.EmailAddresses);
        Assert.Equal(["My invoice is wrong", "Solved"], edited.Payload.Messages.Select(m => m.Msg));
    }

    [Fact]
    public async Task Saving_an_open_rooms_info_sends_nothing()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();
        await using EmulatorSetup server = await EmulatorSetup.StartAsync();
        await server.ConfigureWebhookAsync(receiver.WebhookUrl, "s3cret");
        (string token, string roomId) = await server.StartChatAsync("Ada");
        await server.TakeAsync("agent.one", roomId);
        await server.Emulator.WaitForWebhooksAsync();
        int before = server.Emulator.WebhookAttempts.Count;
        string visitorId = (await server.Anonymous.Visitors.GetVisitorAsync(token)).Visitor.Id;

        await (await server.ClientAsync("agent.one")).Rooms.SaveRoomInfoAsync(new SaveRoomInfoRequest
        {
            GuestData = new SaveRoomInfoGuestData { Id = visitorId },
            RoomData = new SaveRoomInfoRoomData { Id = roomId, Topic = "Invoice" },
        });
        await server.Emulator.WaitForWebhooksAsync();

        Assert.Equal(before, server.Emulator.WebhookAttempts.Count);
        Assert.DoesNotContain(server.Emulator.WebhookAttempts, attempt => attempt.Type == "LivechatEdit");
        Assert.DoesNotContain(receiver.Received.All, e => e.Method == "OnRoomEditedAsync");
    }
}
