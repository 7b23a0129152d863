using System.Net;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests;

/// <summary>A 200 whose body says <c>"success": false</c> is the server's error, for every operation.</summary>
public sealed class SuccessFalseTests : IAsyncLifetime
{
    private const string Failure = """{"success":false,"error":"Inquiry already taken [error-inquiry-taken]"}""";

    private readonly FaultServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string> Operations => new(Calls.Keys);

    private static readonly Dictionary<string, Func<LivechatClient, Task>> Calls = new()
    {
        ["TakeInquiry"] = c => c.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = "i1" }),
        ["CloseRoom"] = c => c.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = "r1" }),
        ["ForwardRoom"] = c => c.Rooms.ForwardRoomAsync(new ForwardRoomRequest { RoomId = "r1", DepartmentId = "d1" }),
        ["RemoveLivechatUser"] = c => c.Users.RemoveLivechatUserAsync(LivechatUserType.Agent, "u1"),
        ["GetVisitor"] = c => c.Visitors.GetVisitorAsync("tok"),
        ["GetServerInfo"] = c => c.Server.GetServerInfoAsync(),
        ["ListInquiries"] = c => c.Inquiries.ListInquiriesAsync(),
        ["SendMessage"] = c => c.Messages.SendMessageAsync(new SendMessageRequest { Token = "t", RoomId = "r", Text = "x" }),
        ["Login"] = c => c.Authentication.LoginAsync(new LoginRequest { User = "u", Password = "p" }),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_200_with_success_false_is_an_api_exception_with_the_servers_error(string operation)
    {
        _server.Reply(Faults.Json(Failure));
        LivechatClient client = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = _server.BaseAddress, UserId = "u1", AuthToken = "t" });

        var ex = await Assert.ThrowsAsync<RocketChatApiException>(() => Calls[operation](client));

        Assert.Equal(operation, ex.Operation);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("error-inquiry-taken", ex.ErrorCode);
        Assert.Equal("Inquiry already taken [error-inquiry-taken]", ex.Error);
    }

    [Theory]
    [InlineData("""{"data":{"success":false},"success":true}""")]
    [InlineData("""{"success":true,"note":"\"success\": false"}""")]
    [InlineData("""{"success":true,"items":[{"success":false}]}""")]
    public async Task Only_a_top_level_false_counts(string body)
    {
        _server.Reply(Faults.Json(body));
        LivechatClient client = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = _server.BaseAddress, UserId = "u1", AuthToken = "t" });

        await client.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = "i1" });
    }

    [Fact]
    public async Task Spacing_around_the_flag_does_not_hide_it()
    {
        _server.Reply(Faults.Json("{ \"error\" : \"nope [x-y]\" ,\n  \"success\"\t:\r\n false }"));
        LivechatClient client = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = _server.BaseAddress, UserId = "u1", AuthToken = "t" });

        var ex = await Assert.ThrowsAsync<RocketChatApiException>(() => client.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = "i1" }));

        Assert.Equal("x-y", ex.ErrorCode);
    }
}
