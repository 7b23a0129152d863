using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>POST livechat/room.survey: the visitor rates its chat.</summary>
public sealed class RoomSurveyTests
{
    private static RoomSurveyRequest Survey(string token, string roomId, params (string Name, string Value)[] answers) => new()
    {
        Token = token,
        RoomId = roomId,
        Answers = [.. answers.Select(a => new RoomSurveyAnswer { Name = a.Name, Value = a.Value })],
    };

    [Fact]
    public async Task Known_answers_and_additional_feedback_are_kept_and_stored_on_the_closed_room()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        await server.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = room.Id, Token = visitor.Token });

        RoomSurveyResponse response = await server.Anonymous.Rooms.SendRoomSurveyAsync(Survey(
            visitor.Token,
            room.Id,
            ("satisfaction", "5"),
            ("agentKnowledge", "9"),
            ("unknownItem", "3"),
            ("additionalFeedback", "Quick, thanks")));

        Assert.Equal(room.Id, response.RoomId);
        Assert.Equal(new Dictionary<string, string> { ["satisfaction"] = "5", ["additionalFeedback"] = "Quick, thanks" }, response.Answers);
        LivechatRoom stored = (await (await server.ClientAsync("manager")).Rooms.ListRoomsAsync()).Rooms.Single(r => r.Id == room.Id);
        Assert.Equal("5", stored.AdditionalProperties!["surveyFeedback"].GetProperty("satisfaction").GetString());
    }

    [Fact]
    public async Task No_acceptable_answer_is_invalid_data()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        var error = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Rooms.SendRoomSurveyAsync(Survey(visitor.Token, room.Id, ("satisfaction", "great"))));

        Assert.Equal("invalid-data", error.Error);
    }

    [Fact]
    public async Task An_unknown_token_or_another_visitors_room_is_refused()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, _) = await server.StartChatAsync();
        (_, LivechatRoom otherRoom) = await server.StartChatAsync();

        var badToken = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Rooms.SendRoomSurveyAsync(Survey("no-such-token", otherRoom.Id, ("satisfaction", "5"))));
        var notTheirs = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Rooms.SendRoomSurveyAsync(Survey(visitor.Token, otherRoom.Id, ("satisfaction", "5"))));

        Assert.Equal("invalid-token", badToken.Error);
        Assert.Equal("invalid-room", notTheirs.Error);
        Assert.Null(notTheirs.ErrorType);
    }

    [Theory]
    [InlineData("""{ "token": "t", "rid": "r", "data": [] }""", "must NOT have fewer than 1 items [invalid-params]")]
    [InlineData("""{ "token": "t", "rid": "r" }""", "must have required property 'data' [invalid-params]")]
    [InlineData("""{ "token": "t", "rid": "r", "data": [{ "name": "satisfaction" }] }""", "must have required property 'value' [invalid-params]")]
    [InlineData("""{ "token": "t", "rid": "r", "data": [{ "name": "a", "value": "1", "x": 1 }] }""", "must NOT have additional properties [invalid-params]")]
    public async Task Schema_violations_are_invalid_params(string body, string error)
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.PostAsync("/api/v1/livechat/room.survey", body);

        response.ShouldBe(HttpStatusCode.BadRequest, $$"""{ "success": false, "error": "{{error}}", "errorType": "invalid-params" }""");
    }
}
