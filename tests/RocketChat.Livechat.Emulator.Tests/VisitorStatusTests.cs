using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>POST livechat/visitor.status: the presence the widget reports lands on the room and the queued inquiry.</summary>
public sealed class VisitorStatusTests
{
    [Fact]
    public async Task The_status_is_echoed_and_copied_to_the_open_room_and_the_queued_inquiry_but_not_the_visitor()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        SetVisitorStatusResponse response = await server.Anonymous.Visitors.SetVisitorStatusAsync(new SetVisitorStatusRequest { Token = visitor.Token, Status = VisitorStatus.Away });

        Assert.Equal(visitor.Token, response.Token);
        Assert.Equal(VisitorStatus.Away, response.Status);
        LivechatRoom stored = (await (await server.ClientAsync("manager")).Rooms.ListRoomsAsync()).Rooms.Single(r => r.Id == room.Id);
        Assert.Equal(VisitorStatus.Away, stored.Visitor?.Status);
        Assert.Equal(VisitorStatus.Away, (await server.InquiryOfAsync(room.Id)).Visitor?.Status);
        Assert.Equal(VisitorStatus.Online, (await server.Anonymous.Visitors.GetVisitorAsync(visitor.Token)).Visitor.Status);
    }

    [Fact]
    public async Task An_unknown_token_is_a_meteor_invalid_token_error()
    {
        await using var server = await EmulatorHarness.StartAsync();

        var error = await Assert.ThrowsAsync<RocketChatApiException>(() =>
            server.Anonymous.Visitors.SetVisitorStatusAsync(new SetVisitorStatusRequest { Token = "no-such-token", Status = VisitorStatus.Busy }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("[invalid-token]", error.Error);
        Assert.Equal("invalid-token", error.ErrorType);
    }

    [Theory]
    [InlineData("""{ "token": "t" }""", "Match error: Missing key 'status'")]
    [InlineData("""{ "status": "away" }""", "Match error: Missing key 'token'")]
    [InlineData("""{ "token": "t", "status": 1 }""", "Match error: Expected string, got number in field status")]
    [InlineData("""{ "token": "t", "status": "away", "extra": 1 }""", "Match error: Unknown key in field extra")]
    public async Task The_body_is_checked_with_meteor_check(string body, string error)
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/visitor.status", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(error, response.Text("error"));
        Assert.False(response.Body.TryGetProperty("errorType", out _));
    }
}
