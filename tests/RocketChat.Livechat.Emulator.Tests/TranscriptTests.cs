using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>POST livechat/transcript: the visitor asks for the conversation by email.</summary>
public sealed class TranscriptTests
{
    [Fact]
    public async Task Sending_records_a_transcript_history_message_naming_the_visitor()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        SendTranscriptResponse response = await server.Anonymous.Rooms.SendTranscriptAsync(new SendTranscriptRequest { Token = visitor.Token, RoomId = room.Id, Email = "maria@example.com" });

        Assert.Equal("Livechat transcript sent", response.Message);
        Message history = (await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token)).Messages
            .Single(message => message.Type == "livechat_transcript_history");
        Assert.Equal("rocket.cat", history.User?.Username);
        Assert.Equal("visitor", history.AdditionalProperties!["requestData"].GetProperty("type").GetString());
        Assert.Equal(visitor.Id, history.AdditionalProperties["requestData"].GetProperty("visitor").GetProperty("_id").GetString());
    }

    [Fact]
    public async Task An_unknown_token_and_a_room_that_is_not_the_visitors_are_refused()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, _) = await server.StartChatAsync();
        (_, LivechatRoom otherRoom) = await server.StartChatAsync();

        var badToken = await Assert.ThrowsAsync<RocketChatApiException>(() =>
            server.Anonymous.Rooms.SendTranscriptAsync(new SendTranscriptRequest { Token = "no-such-token", RoomId = otherRoom.Id, Email = "a@example.com" }));
        var notTheirs = await Assert.ThrowsAsync<RocketChatApiException>(() =>
            server.Anonymous.Rooms.SendTranscriptAsync(new SendTranscriptRequest { Token = visitor.Token, RoomId = otherRoom.Id, Email = "a@example.com" }));
        var noRoom = await Assert.ThrowsAsync<RocketChatApiException>(() =>
            server.Anonymous.Rooms.SendTranscriptAsync(new SendTranscriptRequest { Token = visitor.Token, RoomId = "no-such-room", Email = "a@example.com" }));

        Assert.Equal("error-invalid-token", badToken.Error);
        Assert.Equal("error-invalid-room", notTheirs.Error);
        Assert.Equal("error-invalid-room", noRoom.Error);
    }

    [Fact]
    public async Task A_missing_email_is_invalid_params()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/transcript", """{ "token": "t", "rid": "r" }""");

        response.ShouldBe(HttpStatusCode.BadRequest, """
            { "success": false, "error": "must have required property 'email' [invalid-params]", "errorType": "invalid-params" }
            """);
    }
}
