using System.Net;
using System.Security.Cryptography;
using System.Text;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>POST /api/v1/login, GET /api/info and the 401 of authenticated routes (reference §4, §2.0).</summary>
public sealed class AuthenticationTests
{
    [Fact]
    public async Task Login_with_user_and_password_returns_a_token_that_authenticates_later_calls()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse login = await server.PostAsync("/api/v1/login", """{ "user": "manager", "password": "staff-password" }""");

        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Equal("success", login.Text("status"));
        Assert.True(login.Body.GetProperty("success").GetBoolean());
        var data = login.Body.GetProperty("data");
        string userId = data.GetProperty("userId").GetString()!;
        string authToken = data.GetProperty("authToken").GetString()!;
        Assert.Equal(userId, data.GetProperty("me").GetProperty("_id").GetString());
        Assert.Equal("manager", data.GetProperty("me").GetProperty("username").GetString());
        Assert.Contains("livechat-manager", data.GetProperty("me").GetProperty("roles").EnumerateArray().Select(role => role.GetString()));

        ApiResponse inquiries = await server.SendAsync(HttpMethod.Get, "/api/v1/livechat/inquiries.list", configure: request =>
        {
            request.Headers.Add("X-User-Id", userId);
            request.Headers.Add("X-Auth-Token", authToken);
        });
        Assert.Equal(HttpStatusCode.OK, inquiries.Status);
    }

    [Theory]
    [InlineData("""{ "username": "agent.one", "password": "staff-password" }""")]
    [InlineData("""{ "email": "agent.one@example.com", "password": "staff-password" }""")]
    [InlineData("""{ "user": "agent.one@example.com", "password": "staff-password" }""")]
    public async Task Login_accepts_username_email_and_an_email_in_user(string body)
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse login = await server.PostAsync("/api/v1/login", body);

        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Equal("agent.one", login.Body.GetProperty("data").GetProperty("me").GetProperty("username").GetString());
    }

    [Fact]
    public async Task Login_accepts_a_sha256_digest_of_the_password()
    {
        await using var server = await EmulatorHarness.StartAsync();
        string digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("staff-password")));

        ApiResponse login = await server.PostAsync("/api/v1/login", $$"""{ "user": "agent.one", "password": { "digest": "{{digest}}", "algorithm": "sha-256" } }""");

        Assert.Equal(HttpStatusCode.OK, login.Status);
    }

    [Theory]
    [InlineData("""{ "user": "manager", "password": "wrong" }""")]
    [InlineData("""{ "user": "nobody", "password": "staff-password" }""")]
    [InlineData("""{ "resume": "not-a-token" }""")]
    [InlineData("""{}""")]
    public async Task Failed_logins_answer_401_Unauthorized_in_the_legacy_shape(string body)
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse login = await server.PostAsync("/api/v1/login", body);

        login.ShouldBe(HttpStatusCode.Unauthorized, """{ "success": false, "status": "error", "error": "Unauthorized", "message": "Unauthorized" }""");
    }

    [Fact]
    public async Task Resume_login_returns_the_same_token()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (string userId, string authToken) = await server.SessionAsync("agent.one");

        ApiResponse login = await server.PostAsync("/api/v1/login", $$"""{ "resume": "{{authToken}}" }""");

        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Equal(userId, login.Body.GetProperty("data").GetProperty("userId").GetString());
        Assert.Equal(authToken, login.Body.GetProperty("data").GetProperty("authToken").GetString());
    }

    [Fact]
    public async Task Generated_client_logs_in_and_resumes()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient client = server.Anonymous;

        RocketChatCredentials credentials = await client.LoginAsync("manager", "staff-password");
        RocketChatCredentials resumed = await client.ResumeAsync(credentials.AuthToken);

        Assert.Equal(credentials.UserId, resumed.UserId);
        ListInquiriesResponse inquiries = await client.Inquiries.ListInquiriesAsync();
        Assert.Empty(inquiries.Inquiries);
    }

    [Fact]
    public async Task Generated_client_reports_a_bad_password_as_RocketChatUnauthorizedException()
    {
        await using var server = await EmulatorHarness.StartAsync();

        var error = await Assert.ThrowsAsync<RocketChatUnauthorizedException>(() => server.Anonymous.LoginAsync("manager", "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Unauthorized", error.Error);
        Assert.Equal("Unauthorized", error.ServerMessage);
    }

    [Fact]
    public async Task LoginAsync_helper_rejects_a_wrong_password()
    {
        await using var server = await EmulatorHarness.StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => server.Emulator.LoginAsync("manager", "wrong"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("some-user", "some-token")]
    public async Task Authenticated_routes_answer_401_without_valid_credentials(string? userId, string? authToken)
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse response = await server.SendAsync(HttpMethod.Get, "/api/v1/livechat/rooms", configure: request =>
        {
            if (userId is not null)
            {
                request.Headers.Add("X-User-Id", userId);
                request.Headers.Add("X-Auth-Token", authToken);
            }
        });

        response.ShouldBe(HttpStatusCode.Unauthorized,
            """{ "success": false, "error": "You must be logged in to do this.", "status": "error", "message": "You must be logged in to do this." }""");
    }

    [Fact]
    public async Task A_token_only_authenticates_its_own_user()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (_, string managerToken) = await server.SessionAsync("manager");
        string agentId = await server.UserIdAsync("agent.one");

        ApiResponse response = await server.SendAsync(HttpMethod.Get, "/api/v1/livechat/inquiries.list", configure: request =>
        {
            request.Headers.Add("X-User-Id", agentId);
            request.Headers.Add("X-Auth-Token", managerToken);
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task Generated_client_gets_RocketChatUnauthorizedException_for_unknown_credentials()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient client = LivechatClient.Create(new RocketChatLivechatOptions
        {
            ServerUrl = server.Emulator.BaseAddress,
            UserId = "someone",
            AuthToken = "stale",
        }, server.Http);

        var error = await Assert.ThrowsAsync<RocketChatUnauthorizedException>(() => client.Rooms.ListRoomsAsync());

        Assert.Equal("You must be logged in to do this.", error.Error);
    }

    [Fact]
    public async Task Server_info_needs_no_credentials_and_reports_major_minor()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse raw = await server.GetAsync("/api/info");
        GetServerInfoResponse typed = await server.Anonymous.Server.GetServerInfoAsync();

        raw.ShouldBe(HttpStatusCode.OK, """{ "version": "8.0", "success": true }""");
        Assert.Equal("8.0", typed.Version);
    }
}
