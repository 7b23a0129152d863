using System.Text.Json;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests;

/// <summary>Path escaping, paging, cancellation and login renewal, over real HTTP.</summary>
public sealed class TransportBehaviourTests : IAsyncLifetime
{
    private const string VisitorJson = """{"visitor":{"_id":"v1","token":"x","username":"guest-1","ts":"2024-01-01T00:00:00.000Z","_updatedAt":"2024-01-01T00:00:00.000Z"},"success":true}""";

    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("a/b", "/api/v1/livechat/visitor/a%2Fb")]
    [InlineData("a?b=c", "/api/v1/livechat/visitor/a%3Fb%3Dc")]
    [InlineData("a#b", "/api/v1/livechat/visitor/a%23b")]
    [InlineData("..", "/api/v1/livechat/visitor/%2E%2E")]
    [InlineData(".", "/api/v1/livechat/visitor/%2E")]
    [InlineData("../../users/agent", "/api/v1/livechat/visitor/..%2F..%2Fusers%2Fagent")]
    [InlineData("100%", "/api/v1/livechat/visitor/100%25")]
    [InlineData("é ü", "/api/v1/livechat/visitor/%C3%A9%20%C3%BC")]
    public async Task A_token_stays_inside_its_path_segment(string token, string expectedTarget)
    {
        _server.Respond(CannedResponse.Json(VisitorJson));

        await _server.CreateClient().Visitors.GetVisitorAsync(token);

        Assert.Equal(expectedTarget, _server.LastRequest.RawTarget);
    }

    [Fact]
    public async Task Paging_walks_every_page_and_advances_by_what_the_server_returned()
    {
        // 7 rooms; the server caps count at 3 whatever the client asks.
        _server.Respond(request =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(request.Query);
            int offset = int.Parse(query["offset"]!, System.Globalization.CultureInfo.InvariantCulture);
            int count = Math.Min(3, int.Parse(query["count"]!, System.Globalization.CultureInfo.InvariantCulture));
            var rooms = Enumerable.Range(offset, Math.Max(0, Math.Min(count, 7 - offset))).Select(i => OperationWireTests.RoomJson("r" + i, "t"));
            return CannedResponse.Json($$"""{"rooms":[{{string.Join(",", rooms)}}],"count":{{count}},"offset":{{offset}},"total":7,"success":true}""");
        });

        var ids = new List<string>();
        await foreach (LivechatRoom room in _server.CreateClient().Rooms.EnumerateRoomsAsync(open: true, pageSize: 50))
        {
            ids.Add(room.Id);
        }

        Assert.Equal(Enumerable.Range(0, 7).Select(i => "r" + i), ids);
        Assert.Equal(3, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Contains("open=true", r.Query));
    }

    [Fact]
    public async Task Cancelling_a_call_in_flight_throws_OperationCanceledException()
    {
        var release = new TaskCompletionSource();
        _server.RespondAsync(async _ =>
        {
            await release.Task;
            return CannedResponse.Json(VisitorJson);
        });
        using var cancellation = new CancellationTokenSource();

        Task call = _server.CreateClient().Visitors.GetVisitorAsync("tok", cancellation.Token);
        await WaitUntilAsync(() => _server.Requests.Count == 1);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        release.SetResult();
    }

    [Fact]
    public async Task Login_options_log_in_once_for_concurrent_calls_and_again_after_a_401()
    {
        int logins = 0;
        _server.Respond(request =>
        {
            if (request.Path == "/api/v1/login")
            {
                int n = Interlocked.Increment(ref logins);
                return CannedResponse.Json($$$"""{"status":"success","data":{"userId":"u1","authToken":"token-{{{n}}}"}}""");
            }

            // The first token expires once; the renewed one works.
            return request.Headers["X-Auth-Token"] == "token-1" && request.Path == "/api/v1/livechat/inquiries.take"
                ? new CannedResponse(401, """{"success":false,"error":"You must be logged in to do this.","status":"error","message":"You must be logged in to do this."}""")
                : CannedResponse.Json("""{"inquiries":[],"count":0,"offset":0,"total":0,"success":true}""");
        });
        LivechatClient client = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = _server.BaseAddress, Username = "bot", Password = "pw" });

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.Inquiries.ListInquiriesAsync()));
        Assert.Equal(1, logins);
        JsonElement login = JsonDocument.Parse(_server.Requests.First(r => r.Path == "/api/v1/login").Body).RootElement;
        Assert.Equal("bot", login.GetProperty("user").GetString());

        _server.Respond(request => request.Path == "/api/v1/login"
            ? CannedResponse.Json("""{"status":"success","data":{"userId":"u1","authToken":"token-2"}}""")
            : request.Headers["X-Auth-Token"] == "token-1"
                ? new CannedResponse(401, """{"success":false,"error":"You must be logged in to do this."}""")
                : CannedResponse.Json("""{"success":true}"""));
        await client.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = "i1" });
        Assert.Equal("token-2", _server.LastRequest.Headers["X-Auth-Token"]);
    }

    [Fact]
    public async Task Fixed_credentials_surface_a_401_without_retrying()
    {
        _server.Respond(new CannedResponse(401, """{"success":false,"error":"You must be logged in to do this."}"""));

        await Assert.ThrowsAsync<RocketChatUnauthorizedException>(() => _server.CreateClient().Inquiries.ListInquiriesAsync());

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Unknown_fields_and_enum_values_are_kept_not_lost()
    {
        _server.Respond(CannedResponse.Json("""{"users":[{"_id":"u1","username":"ann","statusLivechat":"on-break","futureField":{"a":[1,2]}}],"success":true,"extra":1}"""));

        ListLivechatUsersResponse page = await _server.CreateClient().Users.ListLivechatUsersAsync(LivechatUserType.Agent);

        LivechatUser user = Assert.Single(page.Users);
        Assert.Equal("on-break", user.LivechatStatus!.Value.Value);
        Assert.False(user.LivechatStatus.Value.IsKnown);
        Assert.Equal("[1,2]", user.AdditionalProperties!["futureField"].GetProperty("a").GetRawText());
        Assert.Equal(1, page.AdditionalProperties!["extra"].GetInt32());
        Assert.Null(page.Total);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
