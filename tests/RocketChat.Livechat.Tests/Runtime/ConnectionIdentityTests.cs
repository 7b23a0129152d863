using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary><see cref="RocketChatConnection.WithCredentials"/>: the same server and HttpClient under another identity.</summary>
public sealed class ConnectionIdentityTests
{
    [Fact]
    public async Task A_connection_with_other_credentials_sends_them_through_the_same_client_and_leaves_the_original_alone()
    {
        var handler = new CapturingHandler();
        using var http = new HttpClient(handler);
        var original = new RocketChatConnection(http, new Uri("https://chat.example.com/sub/"), new StaticCredentialProvider(new RocketChatCredentials("bot", "bot-token")));

        RocketChatConnection other = original.WithCredentials(new StaticCredentialProvider(new RocketChatCredentials("agent", "ddp-resume-token")));
        await other.SendAsync(new ApiRequest(HttpMethod.Get, "probe", requiresAuthentication: true).AppendPath("api/v1/probe"), CancellationToken.None);
        await original.SendAsync(new ApiRequest(HttpMethod.Get, "probe", requiresAuthentication: true).AppendPath("api/v1/probe"), CancellationToken.None);

        Assert.Equal(original.ServerUri, other.ServerUri);
        Assert.Equal(["https://chat.example.com/sub/api/v1/probe", "https://chat.example.com/sub/api/v1/probe"], handler.Requests.Select(r => r.RequestUri!.AbsoluteUri));
        Assert.Equal(["agent"], handler.Requests[0].Headers.GetValues("X-User-Id"));
        Assert.Equal(["ddp-resume-token"], handler.Requests[0].Headers.GetValues("X-Auth-Token"));
        Assert.Equal(["bot"], handler.Requests[1].Headers.GetValues("X-User-Id"));
        Assert.Equal(["bot-token"], handler.Requests[1].Headers.GetValues("X-Auth-Token"));
    }
}
