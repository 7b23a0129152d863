using System.Net;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests;

/// <summary>Each upstream error shape becomes a typed exception with the right fields, and no secret reaches its text.</summary>
public sealed class ErrorMappingTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;
    private LivechatClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _client = _server.CreateClient(userId: "user-1", authToken: "super-secret-auth-token");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<int, string, string?, string?, string> Shapes => new()
    {
        // status, body, expected errorType, expected code, expected error text
        { 400, """{"success":false,"error":"Sorry, no online agents [no-agent-online]","errorType":"no-agent-online"}""", "no-agent-online", "no-agent-online", "Sorry, no online agents [no-agent-online]" },
        { 400, """{"success":false,"error":"[invalid-token]","errorType":"invalid-token"}""", "invalid-token", "invalid-token", "[invalid-token]" },
        { 400, """{"success":false,"error":"invalid-token"}""", null, "invalid-token", "invalid-token" },
        { 400, """{"success":false,"error":"must have required property 'token' [invalid-params]","errorType":"invalid-params"}""", "invalid-params", "invalid-params", "must have required property 'token' [invalid-params]" },
        { 400, """{"success":false,"errorType":"error-invalid-params","error":"must have required property 'username'"}""", "error-invalid-params", "error-invalid-params", "must have required property 'username'" },
        { 400, """{"success":false,"error":"Match error: Missing key 'token'"}""", null, null, "Match error: Missing key 'token'" },
        { 400, """{"success":false,"error":"Invalid type"}""", null, null, "Invalid type" },
        { 400, """{"success":false,"error":"Token cannot be empty [error-invalid-token]","errorType":"error-invalid-token","details":{"method":"livechat/visitor"}}""", "error-invalid-token", "error-invalid-token", "Token cannot be empty [error-invalid-token]" },
        { 403, """{"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}""", null, "error-unauthorized", "User does not have the permissions required for this action [error-unauthorized]" },
        { 403, """{"success":false,"error":"unauthorized"}""", null, null, "unauthorized" },
        { 401, """{"success":false,"error":"You must be logged in to do this.","status":"error","message":"You must be logged in to do this."}""", null, null, "You must be logged in to do this." },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Error_bodies_become_typed_exceptions(int status, string body, string? errorType, string? code, string error)
    {
        _server.Respond(new CannedResponse(status, body));

        RocketChatApiException ex = await Assert.ThrowsAnyAsync<RocketChatApiException>(() => _client.Inquiries.ListInquiriesAsync());

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(error, ex.Error);
        Assert.Equal(errorType, ex.ErrorType);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal("ListInquiries", ex.Operation);
        Assert.IsType(status switch
        {
            401 => typeof(RocketChatUnauthorizedException),
            403 => typeof(RocketChatForbiddenException),
            _ => typeof(RocketChatApiException),
        }, ex);
        Assert.DoesNotContain("super-secret-auth-token", ex.ToString());
    }

    [Fact]
    public async Task Details_are_kept_for_a_2fa_challenge()
    {
        _server.Respond(new CannedResponse(401, """{"success":false,"error":"totp-required","status":"error","message":"TOTP Required","details":{"method":"totp","codeGenerated":false,"availableMethods":["totp","email"]}}"""));

        var ex = await Assert.ThrowsAsync<RocketChatUnauthorizedException>(() => _client.LoginAsync("ann", "pw"));

        Assert.True(ex.IsTwoFactorRequired);
        Assert.Equal("TOTP Required", ex.ServerMessage);
        Assert.Equal("totp", ex.Details!.Value.GetProperty("method").GetString());
        Assert.DoesNotContain("pw", ex.Message);
    }

    public static TheoryData<int, string, bool, string?, string[]> TwoFactorShapes => new()
    {
        // status, body, is a challenge, method, available methods
        { 400, """{"success":false,"error":"TOTP Required [totp-required]","errorType":"totp-required","details":{"method":"password","codeGenerated":false,"availableMethods":[]}}""", true, "password", [] },
        { 400, """{"success":false,"error":"TOTP Invalid [totp-invalid]","errorType":"totp-invalid","details":{"method":"totp","codeGenerated":false,"availableMethods":["totp","email"]}}""", true, "totp", ["totp", "email"] },
        { 401, """{"success":false,"error":"totp-max-attempts","status":"error","message":"TOTP Maximun Failed Attempts Reached","details":{"method":"email","availableMethods":["email",7]}}""", true, "email", ["email"] },
        { 400, """{"success":false,"error":"TOTP Required [totp-required]","errorType":"totp-required","details":"not an object"}""", true, null, [] },
        { 400, """{"success":false,"error":"Invalid user [error-invalid-user]","errorType":"error-invalid-user","details":{"method":"totp","availableMethods":["totp"]}}""", false, null, [] },
    };

    [Theory]
    [MemberData(nameof(TwoFactorShapes))]
    public async Task A_two_factor_challenge_on_any_route_names_the_method_and_the_available_methods(int status, string body, bool isChallenge, string? method, string[] available)
    {
        _server.Respond(new CannedResponse(status, body));

        RocketChatApiException ex = await Assert.ThrowsAnyAsync<RocketChatApiException>(
            () => _client.Integrations.SaveSettingAsync("Livechat_enabled", new SaveSettingRequest { Value = System.Text.Json.JsonElement.Parse("true") }));

        Assert.Equal(isChallenge, ex.IsTwoFactorChallenge);
        Assert.Equal(method, ex.TwoFactorMethod);
        Assert.Equal(available, ex.TwoFactorAvailableMethods);
    }

    [Fact]
    public async Task A_429_carries_the_reset_time_from_epoch_milliseconds()
    {
        DateTimeOffset reset = DateTimeOffset.UtcNow.AddSeconds(42);
        _server.Respond(new CannedResponse(
            429,
            """{"success":false,"error":"Error, too many requests. Please slow down. You must wait 42 seconds before trying this endpoint again. [error-too-many-requests]"}""",
            new Dictionary<string, string>
            {
                ["X-RateLimit-Limit"] = "5",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Reset"] = reset.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));

        var ex = await Assert.ThrowsAsync<RocketChatRateLimitException>(() => _client.Rooms.GetOrCreateRoomAsync("visitor-token-123"));

        Assert.Equal("error-too-many-requests", ex.ErrorCode);
        Assert.Equal(5, ex.RateLimit!.Limit);
        Assert.Equal(0, ex.RateLimit.Remaining);
        Assert.Equal(reset.ToUnixTimeMilliseconds(), ex.ResetAt!.Value.ToUnixTimeMilliseconds());
        Assert.InRange(ex.RetryAfter, TimeSpan.FromSeconds(35), TimeSpan.FromSeconds(43));
        Assert.DoesNotContain("visitor-token-123", ex.ToString());
    }

    [Fact]
    public async Task A_non_json_error_body_still_gives_a_readable_exception()
    {
        _server.Respond(new CannedResponse(502, "<html><body>Bad gateway</body></html>", ContentType: "text/html"));

        var ex = await Assert.ThrowsAsync<RocketChatApiException>(() => _client.Server.GetServerInfoAsync());

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Contains("Bad gateway", ex.Error);
        Assert.Null(ex.ErrorCode);
    }

    [Fact]
    public async Task A_success_body_that_breaks_the_contract_is_a_response_exception()
    {
        _server.Respond(CannedResponse.Json("""{"success":true}"""));

        var ex = await Assert.ThrowsAsync<RocketChatResponseException>(() => _client.Visitors.GetVisitorAsync("tok"));

        Assert.Contains("visitor", ex.Message);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
    }

    [Theory]
    [InlineData("""{"visitor":{"_id":42,"token":"t","username":"g"}}""")]
    [InlineData("""{"visitor":{"_id":"v1","ts":"not a date"}}""")]
    [InlineData("""{"visitor":""")]
    [InlineData("""<html>200 but not JSON</html>""")]
    public async Task A_body_of_the_wrong_shape_is_a_response_exception(string body)
    {
        _server.Respond(CannedResponse.Json(body));

        var ex = await Assert.ThrowsAsync<RocketChatResponseException>(() => _client.Visitors.GetVisitorAsync("tok"));

        Assert.Equal("GetVisitor", ex.Operation);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task A_large_chunked_body_is_read_whole()
    {
        string rooms = string.Join(",", Enumerable.Range(0, 400).Select(i => OperationWireTests.RoomJson("r" + i, "t")));
        _server.Respond(CannedResponse.Json($$"""{"rooms":[{{rooms}}],"total":400,"success":true}"""));

        ListRoomsResponse page = await _client.Rooms.ListRoomsAsync();

        Assert.Equal(400, page.Rooms.Count);
        Assert.Equal("r399", page.Rooms[^1].Id);
    }

    [Fact]
    public async Task A_refused_connection_is_a_connection_exception()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        LivechatClient client = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = new Uri($"http://127.0.0.1:{port}/") });

        var ex = await Assert.ThrowsAsync<RocketChatConnectionException>(() => client.Server.GetServerInfoAsync());

        Assert.Contains("refused", ex.Message);
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), ex.Server);
    }

    [Fact]
    public async Task An_authenticated_call_without_credentials_fails_before_sending()
    {
        LivechatClient anonymous = _server.CreateClient(userId: null, authToken: null);

        await Assert.ThrowsAsync<RocketChatAuthenticationRequiredException>(() => anonymous.Rooms.ListRoomsAsync());

        Assert.Empty(_server.Requests);
    }
}
