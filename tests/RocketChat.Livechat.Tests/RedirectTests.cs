using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests;

/// <summary>
/// Credentials and bodies go only to the configured origin: no redirect is followed, whatever its status, and the
/// redirect reaches the caller as a typed exception. A second loopback server plays the foreign host.
/// </summary>
public sealed class RedirectTests : IAsyncLifetime
{
    private readonly FaultServer _origin = new();
    private readonly FaultServer _foreign = new();

    public Task InitializeAsync()
    {
        _foreign.Reply(Faults.Json("""{"status":"success","data":{"userId":"u1","authToken":"stolen"},"inquiries":[],"success":true}"""));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _origin.DisposeAsync();
        await _foreign.DisposeAsync();
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Token_headers_are_not_sent_to_the_host_a_redirect_names(int status)
    {
        _origin.Reply(Faults.Redirect(status, new Uri(_foreign.BaseAddress, "api/v1/livechat/inquiries.list?x=secret-path")));
        LivechatClient client = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = _origin.BaseAddress, UserId = "u1", AuthToken = "auth-secret" });

        var ex = await Assert.ThrowsAsync<RocketChatRedirectException>(() => client.Inquiries.ListInquiriesAsync());

        Assert.Empty(_foreign.Requests);
        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(new Uri(_foreign.BaseAddress.GetLeftPart(UriPartial.Authority)), ex.LocationOrigin);
        Assert.Contains($"redirected ({status}", ex.Message);
        Assert.Contains("not followed", ex.Message);
        Assert.DoesNotContain("secret-path", ex.Message);
        Assert.Equal("auth-secret", Assert.Single(_origin.Requests).Headers["X-Auth-Token"]);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_login_body_with_the_password_is_not_posted_to_the_host_a_redirect_names(int status)
    {
        _origin.Reply(Faults.Redirect(status, new Uri(_foreign.BaseAddress, "api/v1/login")));
        LivechatClient client = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = _origin.BaseAddress, Username = "bot", Password = "the-password" });

        // The login happens lazily, before the authenticated call.
        var ex = await Assert.ThrowsAsync<RocketChatRedirectException>(() => client.Inquiries.ListInquiriesAsync());

        Assert.Empty(_foreign.Requests);
        Assert.Equal("Login", ex.Operation);
        FaultRequest login = Assert.Single(_origin.Requests);
        Assert.Contains("the-password", login.Body);
    }

    [Fact]
    public async Task A_same_origin_redirect_is_not_followed_either()
    {
        _origin.Reply(Faults.Redirect(307, new Uri(_origin.BaseAddress, "elsewhere/api/v1/livechat/inquiries.list")));
        LivechatClient client = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = _origin.BaseAddress, UserId = "u1", AuthToken = "auth-secret" });

        await Assert.ThrowsAsync<RocketChatRedirectException>(() => client.Inquiries.ListInquiriesAsync());

        Assert.Single(_origin.Requests);
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task The_client_from_dependency_injection_does_not_follow_redirects(int status)
    {
        _origin.Reply(Faults.Redirect(status, new Uri(_foreign.BaseAddress, "api/v1/livechat/inquiries.list")));
        var services = new ServiceCollection();
        services.AddRocketChatLivechat(o =>
        {
            o.ServerUrl = _origin.BaseAddress;
            o.UserId = "u1";
            o.AuthToken = "auth-secret";
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<RocketChatRedirectException>(() => provider.GetRequiredService<LivechatClient>().Inquiries.ListInquiriesAsync());

        Assert.Empty(_foreign.Requests);
    }

    [Fact]
    public async Task A_caller_supplied_HttpClient_that_follows_a_redirect_to_another_origin_fails_the_call()
    {
        _origin.Reply(Faults.Redirect(302, new Uri(_foreign.BaseAddress, "api/v1/livechat/inquiries.list")));
        using var following = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        LivechatClient client = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = _origin.BaseAddress, UserId = "u1", AuthToken = "t" }, following);

        // The handler already went there (the caller chose it); the answer from the other origin is not used.
        var ex = await Assert.ThrowsAsync<RocketChatRedirectException>(() => client.Inquiries.ListInquiriesAsync());

        Assert.Equal(new Uri(_foreign.BaseAddress.GetLeftPart(UriPartial.Authority)), ex.LocationOrigin);
    }
}
