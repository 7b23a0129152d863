using System.Text.Json.Nodes;

namespace RocketChat.Livechat.Tests;

/// <summary>For each operation: the exact method, path, query, auth headers and JSON body that go over real HTTP.</summary>
public sealed class OperationWireTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;
    private LivechatClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static void AssertJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}\nactual   {actual}");

    private void AssertPublic(RecordedRequest request)
    {
        Assert.False(request.Headers.ContainsKey("X-Auth-Token"));
        Assert.False(request.Headers.ContainsKey("X-User-Id"));
    }

    private static void AssertAuthenticated(RecordedRequest request)
    {
        Assert.Equal("user-1", request.Headers["X-User-Id"]);
        Assert.Equal("secret-token", request.Headers["X-Auth-Token"]);
    }

    [Fact]
    public async Task Login_posts_credentials_and_the_2fa_header()
    {
        _server.Respond(CannedResponse.Json("""{"status":"success","data":{"userId":"u1","authToken":"t1"}}"""));
        LoginResponse response = await _client.Authentication.LoginAsync(
            new LoginRequest { User = "agent@example.com", Password = "pw", Code = "123456" }, x2faCode: "654321");

        RecordedRequest request = _server.LastRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/login", request.RawTarget);
        AssertJson("""{"user":"agent@example.com","password":"pw","code":"123456"}""", request.Body);
        Assert.Equal("654321", request.Headers["x-2fa-code"]);
        AssertPublic(request);
        Assert.Equal("t1", response.Data.AuthToken);
    }

    [Fact]
    public async Task GetServerInfo_gets_api_info_without_v1()
    {
        _server.Respond(CannedResponse.Json("""{"version":"7.5","success":true}"""));
        GetServerInfoResponse info = await _client.Server.GetServerInfoAsync();
        Assert.Equal("GET", _server.LastRequest.Method);
        Assert.Equal("/api/info", _server.LastRequest.RawTarget);
        Assert.Equal("7.5", info.Version);
    }

    [Fact]
    public async Task RegisterVisitor_nests_fields_under_visitor_with_custom_fields_as_key_value_overwrite()
    {
        _server.Respond(CannedResponse.Json("""{"visitor":{"_id":"v1","token":"tok","username":"guest-1","ts":"2024-01-01T00:00:00.000Z","_updatedAt":"2024-01-01T00:00:00.000Z"},"success":true}"""));
        await _client.Visitors.RegisterVisitorAsync(new RegisterVisitorRequest
        {
            Visitor = new VisitorInput
            {
                Token = "tok",
                Name = "Ann",
                Email = "ann@example.com",
                Phone = "+15550100",
                CustomFields = [new CustomFieldInput { Key = "address", Value = "Main St", Overwrite = false }],
            },
        });

        RecordedRequest request = _server.LastRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/livechat/visitor", request.RawTarget);
        AssertJson("""{"visitor":{"token":"tok","name":"Ann","email":"ann@example.com","phone":"+15550100","customFields":[{"key":"address","value":"Main St","overwrite":false}]}}""", request.Body);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        AssertPublic(request);
    }

    [Fact]
    public async Task GetVisitor_and_DeleteVisitor_put_the_token_in_the_path()
    {
        _server.Respond(CannedResponse.Json("""{"visitor":{"_id":"v1","token":"tok","username":"guest-1","ts":"2024-01-01T00:00:00.000Z","_updatedAt":"2024-01-01T00:00:00.000Z"},"success":true}"""));
        await _client.Visitors.GetVisitorAsync("tok");
        Assert.Equal("GET", _server.LastRequest.Method);
        Assert.Equal("/api/v1/livechat/visitor/tok", _server.LastRequest.RawTarget);
        AssertPublic(_server.LastRequest);

        _server.Respond(CannedResponse.Json("""{"visitor":{"_id":"v1","ts":"2024-01-01T00:00:00.000Z"},"success":true}"""));
        DeleteVisitorResponse deleted = await _client.Visitors.DeleteVisitorAsync("tok");
        Assert.Equal("DELETE", _server.LastRequest.Method);
        Assert.Equal("/api/v1/livechat/visitor/tok", _server.LastRequest.RawTarget);
        Assert.Equal("v1", deleted.Visitor.Id);
    }

    [Fact]
    public async Task GetOrCreateRoom_sends_only_the_given_query_keys()
    {
        _server.Respond(CannedResponse.Json(RoomJson("r1", "tok") is var room ? $$"""{"room":{{room}},"newRoom":true,"success":true}""" : ""));
        GetOrCreateRoomResponse response = await _client.Rooms.GetOrCreateRoomAsync("tok");
        Assert.Equal("/api/v1/livechat/room?token=tok", _server.LastRequest.RawTarget);
        Assert.True(response.IsNewRoom);
        Assert.Equal("r1", response.Room.Id);

        await _client.Rooms.GetOrCreateRoomAsync("tok", roomId: "r1", agentId: "a1");
        Assert.Equal("/api/v1/livechat/room?token=tok&rid=r1&agentId=a1", _server.LastRequest.RawTarget);
        AssertPublic(_server.LastRequest);
    }

    [Fact]
    public async Task ListRooms_encodes_arrays_with_brackets_booleans_lowercase_and_json_parameters()
    {
        _server.Respond(CannedResponse.Json("""{"rooms":[],"count":0,"offset":0,"total":0,"success":true}"""));
        await _client.Rooms.ListRoomsAsync(
            agents: ["a1", "a 2"],
            departmentId: "d1",
            open: false,
            createdAt: new DateRange { Start = DateTimeOffset.Parse("2024-01-02T03:04:05Z"), End = DateTimeOffset.Parse("2024-02-01T00:00:00Z") },
            tags: ["vip", "a&b"],
            roomName: "\"TEST_1\"",
            onhold: true,
            customFields: new Dictionary<string, string> { ["docId"] = "x+y" },
            offset: 10,
            count: 25,
            sort: new Dictionary<string, int> { ["ts"] = -1 });

        RecordedRequest request = _server.LastRequest;
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/v1/livechat/rooms", request.Path);
        string expected = "?agents%5B%5D=a1&agents%5B%5D=a%202&departmentId=d1&open=false"
            + "&createdAt=" + Uri.EscapeDataString("""{"start":"2024-01-02T03:04:05+00:00","end":"2024-02-01T00:00:00+00:00"}""")
            + "&tags%5B%5D=vip&tags%5B%5D=a%26b&roomName=%22TEST_1%22&onhold=true"
            + "&customFields=" + Uri.EscapeDataString("""{"docId":"x+y"}""")
            + "&offset=10&count=25&sort=" + Uri.EscapeDataString("""{"ts":-1}""");
        Assert.Equal(expected, request.Query);
        AssertAuthenticated(request);
    }

    [Fact]
    public async Task The_widgets_visitor_routes_send_their_exact_query_and_bodies_without_credentials()
    {
        _server.Respond(CannedResponse.Json("""{"config":{"enabled":false},"success":true}"""));
        LivechatConfig config = (await _client.Visitors.GetLivechatConfigAsync(token: "tok", department: "d1")).Config;
        Assert.Equal("GET", _server.LastRequest.Method);
        Assert.Equal("/api/v1/livechat/config?token=tok&department=d1", _server.LastRequest.RawTarget);
        Assert.False(config.IsEnabled);
        AssertPublic(_server.LastRequest);

        // One body with every member these responses require (the others are kept as extra members).
        _server.Respond(CannedResponse.Json("""{"token":"tok","status":"away","fields":[],"rid":"r1","data":{},"success":true}"""));
        await _client.Visitors.SetVisitorStatusAsync(new SetVisitorStatusRequest { Token = "tok", Status = VisitorStatus.Away });
        Assert.Equal("/api/v1/livechat/visitor.status", _server.LastRequest.RawTarget);
        AssertJson("""{"token":"tok","status":"away"}""", _server.LastRequest.Body);

        await _client.Visitors.SendVisitorNavigationAsync(new VisitorNavigationRequest
        {
            Token = "tok",
            PageInfo = new VisitorPageInfo { Title = "Home", Change = "url", Location = new VisitorPageLocation { Href = "https://example.com" } },
        });
        Assert.Equal("/api/v1/livechat/page.visited", _server.LastRequest.RawTarget);
        AssertJson("""{"token":"tok","pageInfo":{"title":"Home","change":"url","location":{"href":"https://example.com"}}}""", _server.LastRequest.Body);

        await _client.Visitors.SetCustomFieldsAsync(new SetCustomFieldsRequest { Token = "tok", CustomFields = [new CustomFieldInput { Key = "k", Value = "v", Overwrite = false }] });
        Assert.Equal("/api/v1/livechat/custom.fields", _server.LastRequest.RawTarget);
        AssertJson("""{"token":"tok","customFields":[{"key":"k","value":"v","overwrite":false}]}""", _server.LastRequest.Body);

        await _client.Rooms.SendRoomSurveyAsync(new RoomSurveyRequest { Token = "tok", RoomId = "r1", Answers = [new RoomSurveyAnswer { Name = "satisfaction", Value = "5" }] });
        Assert.Equal("/api/v1/livechat/room.survey", _server.LastRequest.RawTarget);
        AssertJson("""{"token":"tok","rid":"r1","data":[{"name":"satisfaction","value":"5"}]}""", _server.LastRequest.Body);

        await _client.Rooms.TransferRoomToDepartmentAsync(new TransferRoomToDepartmentRequest { Token = "tok", RoomId = "r1", DepartmentId = "d2" });
        Assert.Equal("/api/v1/livechat/visitor/department.transfer", _server.LastRequest.RawTarget);
        AssertJson("""{"token":"tok","rid":"r1","department":"d2"}""", _server.LastRequest.Body);
        AssertPublic(_server.LastRequest);
    }

    [Fact]
    public async Task SendMessage_posts_token_rid_msg_and_leaves_out_null_optionals()
    {
        _server.Respond(CannedResponse.Json("""{"message":{"_id":"m1","rid":"r1","msg":"hello","ts":"2024-01-01T00:00:00.000Z","u":{"_id":"v1","username":"guest-1"}},"success":true}"""));
        SendMessageResponse response = await _client.Messages.SendMessageAsync(new SendMessageRequest { Token = "tok", RoomId = "r1", Text = "hello" });
        Assert.Equal("POST", _server.LastRequest.Method);
        Assert.Equal("/api/v1/livechat/message", _server.LastRequest.RawTarget);
        AssertJson("""{"token":"tok","rid":"r1","msg":"hello"}""", _server.LastRequest.Body);
        Assert.Equal("hello", response.Message.Text);

        await _client.Messages.SendMessageAsync(new SendMessageRequest
        {
            Token = "tok", RoomId = "r1", Text = "hi", Id = "client-id", Agent = new SendMessageAgent { AgentId = "a1", Username = "agent" },
        });
        AssertJson("""{"token":"tok","rid":"r1","msg":"hi","_id":"client-id","agent":{"agentId":"a1","username":"agent"}}""", _server.LastRequest.Body);
        AssertPublic(_server.LastRequest);
    }

    [Fact]
    public async Task GetMessageHistory_sends_token_end_limit_ls_offset()
    {
        _server.Respond(CannedResponse.Json("""{"messages":[],"success":true}"""));
        await _client.Messages.GetMessageHistoryAsync(
            "r1", "tok", end: DateTimeOffset.Parse("2024-05-06T07:08:09.123Z"), limit: 20, lastSeen: DateTimeOffset.Parse("2024-05-01T00:00:00Z"), offset: 1);
        Assert.Equal("GET", _server.LastRequest.Method);
        Assert.Equal(
            "/api/v1/livechat/messages.history/r1?token=tok&end=2024-05-06T07%3A08%3A09.123Z&limit=20&ls=2024-05-01T00%3A00%3A00.000Z&offset=1",
            _server.LastRequest.RawTarget);
        AssertPublic(_server.LastRequest);
    }

    [Fact]
    public async Task Inquiries_list_take_get_and_queued_for_user()
    {
        _server.Respond(CannedResponse.Json("""{"inquiries":[],"count":0,"offset":0,"total":0,"success":true}"""));
        await _client.Inquiries.ListInquiriesAsync(department: "sales", offset: 0, count: 10);
        Assert.Equal("/api/v1/livechat/inquiries.list?department=sales&offset=0&count=10", _server.LastRequest.RawTarget);
        AssertAuthenticated(_server.LastRequest);

        await _client.Inquiries.ListQueuedInquiriesForUserAsync(department: "d1");
        Assert.Equal("/api/v1/livechat/inquiries.queuedForUser?department=d1", _server.LastRequest.RawTarget);

        _server.Respond(CannedResponse.Json("""{"success":true}"""));
        await _client.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = "i1", UserId = "a1" });
        Assert.Equal("POST", _server.LastRequest.Method);
        Assert.Equal("/api/v1/livechat/inquiries.take", _server.LastRequest.RawTarget);
        AssertJson("""{"inquiryId":"i1","userId":"a1"}""", _server.LastRequest.Body);
        AssertAuthenticated(_server.LastRequest);

        _server.Respond(CannedResponse.Json("""{"inquiry":null,"success":true}"""));
        GetInquiryResponse none = await _client.Inquiries.GetInquiryAsync("room-id");
        Assert.Equal("/api/v1/livechat/inquiries.getOne?roomId=room-id", _server.LastRequest.RawTarget);
        Assert.Null(none.Inquiry);
    }

    [Fact]
    public async Task Users_by_type_list_add_get_remove()
    {
        _server.Respond(CannedResponse.Json("""{"users":[],"count":0,"offset":0,"total":0,"success":true}"""));
        await _client.Users.ListLivechatUsersAsync(LivechatUserType.Agent, text: "ann", onlyAvailable: true, showIdleAgents: false);
        Assert.Equal("GET", _server.LastRequest.Method);
        Assert.Equal("/api/v1/livechat/users/agent?text=ann&onlyAvailable=true&showIdleAgents=false", _server.LastRequest.RawTarget);
        AssertAuthenticated(_server.LastRequest);

        _server.Respond(CannedResponse.Json("""{"user":{"_id":"u1","username":"ann"},"success":true}"""));
        await _client.Users.AddLivechatUserAsync(LivechatUserType.Manager, new AddLivechatUserRequest { Username = "ann" });
        Assert.Equal("POST", _server.LastRequest.Method);
        Assert.Equal("/api/v1/livechat/users/manager", _server.LastRequest.RawTarget);
        AssertJson("""{"username":"ann"}""", _server.LastRequest.Body);

        _server.Respond(CannedResponse.Json("""{"user":null,"success":true}"""));
        GetLivechatUserResponse missing = await _client.Users.GetLivechatUserAsync(LivechatUserType.Agent, "u1");
        Assert.Equal("/api/v1/livechat/users/agent/u1", _server.LastRequest.RawTarget);
        Assert.Null(missing.User);

        _server.Respond(CannedResponse.Json("""{"success":true}"""));
        await _client.Users.RemoveLivechatUserAsync(LivechatUserType.Agent, "u1");
        Assert.Equal("DELETE", _server.LastRequest.Method);
        Assert.Equal("/api/v1/livechat/users/agent/u1", _server.LastRequest.RawTarget);
    }

    [Fact]
    public async Task Close_and_forward_rooms()
    {
        _server.Respond(CannedResponse.Json("""{"rid":"r1","comment":"Closed by visitor","success":true}"""));
        await _client.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = "r1", Token = "tok" });
        Assert.Equal("/api/v1/livechat/room.close", _server.LastRequest.RawTarget);
        AssertJson("""{"rid":"r1","token":"tok"}""", _server.LastRequest.Body);
        AssertPublic(_server.LastRequest);

        _server.Respond(CannedResponse.Json("""{"success":true}"""));
        await _client.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = "r1", Comment = "done", Tags = ["solved"] });
        Assert.Equal("/api/v1/livechat/room.closeByUser", _server.LastRequest.RawTarget);
        AssertJson("""{"rid":"r1","comment":"done","tags":["solved"]}""", _server.LastRequest.Body);
        AssertAuthenticated(_server.LastRequest);

        await _client.Rooms.ForwardRoomAsync(new ForwardRoomRequest { RoomId = "r1", DepartmentId = "d2" });
        Assert.Equal("/api/v1/livechat/room.forward", _server.LastRequest.RawTarget);
        AssertJson("""{"roomId":"r1","departmentId":"d2"}""", _server.LastRequest.Body);
    }

    internal static string RoomJson(string id, string token) =>
        $$"""{"_id":"{{id}}","t":"l","ts":"2024-01-01T00:00:00.000Z","_updatedAt":"2024-01-01T00:00:00.000Z","v":{"_id":"v1","username":"guest-1","token":"{{token}}","status":"online"},"source":{"type":"api"},"open":true}""";
}
