using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>What the connection puts on the wire for one request: headers, Accept, and the URL under the server's base.</summary>
public sealed class ConnectionRequestTests
{
    [Fact]
    public async Task Every_extra_header_is_sent_not_only_the_last()
    {
        var handler = new CapturingHandler();
        var request = new ApiRequest(HttpMethod.Get, "probe", requiresAuthentication: false)
            .AppendPath("/api/v1/probe")
            .AddHeader("X-First", "one")
            .AddHeader("X-Second", "two")
            .AddHeader("X-Skipped", null);

        await Connect(handler, "https://chat.example.com").SendAsync(request, CancellationToken.None);

        HttpRequestMessage sent = Assert.Single(handler.Requests);
        Assert.Equal(["one"], sent.Headers.GetValues("X-First"));
        Assert.Equal(["two"], sent.Headers.GetValues("X-Second"));
        Assert.False(sent.Headers.Contains("X-Skipped"));
    }

    [Fact]
    public async Task Two_values_of_the_same_header_are_both_sent()
    {
        var handler = new CapturingHandler();
        var request = new ApiRequest(HttpMethod.Get, "probe", requiresAuthentication: false)
            .AppendPath("api/v1/probe")
            .AddHeader("X-Tag", "a")
            .AddHeader("X-Tag", "b");

        await Connect(handler, "https://chat.example.com").SendAsync(request, CancellationToken.None);

        Assert.Equal(["a", "b"], Assert.Single(handler.Requests).Headers.GetValues("X-Tag"));
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("text/plain", "text/plain")]
    public async Task The_Accept_header_is_the_requests(string? accept, string expected)
    {
        var handler = new CapturingHandler();
        var request = new ApiRequest(HttpMethod.Get, "probe", requiresAuthentication: false).AppendPath("api/v1/probe");
        if (accept is not null)
        {
            request.Accept = accept;
        }

        await Connect(handler, "https://chat.example.com").SendAsync(request, CancellationToken.None);

        Assert.Equal([expected], Assert.Single(handler.Requests).Headers.GetValues("Accept"));
    }

    [Theory]
    [InlineData("https://chat.example.com/chat", "https://chat.example.com/chat/", "/chat/api/v1/probe")]
    [InlineData("https://chat.example.com/chat/", "https://chat.example.com/chat/", "/chat/api/v1/probe")]
    [InlineData("http://chat.example.com", "http://chat.example.com/", "/api/v1/probe")]
    public async Task A_sub_path_server_keeps_its_path_in_front_of_the_api(string server, string expectedBase, string expectedPath)
    {
        var handler = new CapturingHandler();
        RocketChatConnection connection = Connect(handler, server);

        await connection.SendAsync(new ApiRequest(HttpMethod.Get, "probe", requiresAuthentication: false).AppendPath("/api/v1/probe"), CancellationToken.None);

        Assert.Equal(expectedBase, connection.ServerUri.AbsoluteUri);
        Assert.Equal(expectedPath, Assert.Single(handler.Requests).RequestUri!.AbsolutePath);
    }

    [Fact]
    public void The_HttpClients_base_address_is_the_server_when_none_is_given()
    {
        using var client = new HttpClient(new CapturingHandler()) { BaseAddress = new Uri("https://chat.example.com/sub") };

        Assert.Equal("https://chat.example.com/sub/", new RocketChatConnection(client).ServerUri.AbsoluteUri);
    }

    [Theory]
    [InlineData("ftp://chat.example.com/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ws://chat.example.com/")]
    public void A_non_http_server_url_is_rejected(string server)
    {
        using var client = new HttpClient(new CapturingHandler());

        ArgumentException error = Assert.Throws<ArgumentException>(() => new RocketChatConnection(client, new Uri(server)));
        Assert.Equal("serverUri", error.ParamName);
        Assert.Contains("absolute http or https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_server_url_is_rejected()
    {
        using var client = new HttpClient(new CapturingHandler());

        ArgumentException error = Assert.Throws<ArgumentException>(() => new RocketChatConnection(client, new Uri("chat/", UriKind.Relative)));
        Assert.Equal("serverUri", error.ParamName);
        Assert.Contains("'chat/'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_server_url_and_no_base_address_is_rejected()
    {
        using var client = new HttpClient(new CapturingHandler());

        ArgumentException error = Assert.Throws<ArgumentException>(() => new RocketChatConnection(client));
        Assert.Equal("serverUri", error.ParamName);
    }

    private static RocketChatConnection Connect(CapturingHandler handler, string server) =>
        new(new HttpClient(handler), new Uri(server));
}
