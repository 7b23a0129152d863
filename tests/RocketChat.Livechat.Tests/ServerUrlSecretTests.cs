using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests;

/// <summary>User info in the server URL is refused up front and never printed.</summary>
public sealed class ServerUrlSecretTests
{
    [Theory]
    [InlineData("https://admin:hunter2@chat.example.com/")]
    [InlineData("http://admin:hunter2@127.0.0.1:1/")]
    [InlineData("https://hunter2@chat.example.com/")]
    public void Options_with_user_info_in_the_server_URL_are_rejected_without_echoing_it(string url)
    {
        var options = new RocketChatLivechatOptions { ServerUrl = new Uri(url) };

        var ex = Assert.Throws<ArgumentException>(() => LivechatClient.Create(options));

        Assert.Contains("must not contain a user name or password", ex.Message);
        Assert.DoesNotContain("hunter2", ex.Message);
    }

    [Fact]
    public void A_non_http_URL_with_user_info_is_rejected_without_echoing_it()
    {
        var options = new RocketChatLivechatOptions { ServerUrl = new Uri("ftp://admin:hunter2@chat.example.com/") };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.DoesNotContain("hunter2", ex.Message);
    }

    [Fact]
    public void A_connection_refuses_user_info_without_echoing_it()
    {
        using var httpClient = new HttpClient();

        var ex = Assert.Throws<ArgumentException>(() => new RocketChatConnection(httpClient, new Uri("https://admin:hunter2@chat.example.com/")));

        Assert.DoesNotContain("hunter2", ex.Message);
    }

    [Fact]
    public void Dependency_injection_reports_invalid_options_without_the_secret()
    {
        var services = new ServiceCollection();
        services.AddRocketChatLivechat(o => o.ServerUrl = new Uri("https://admin:hunter2@chat.example.com/"));
        using ServiceProvider provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RocketChatLivechatOptions>>().Value);

        Assert.DoesNotContain("hunter2", ex.Message);
    }

    [Fact]
    public void A_connection_exception_names_only_scheme_host_and_port()
    {
        var ex = new RocketChatConnectionException("Op", new Uri("https://admin:hunter2@chat.example.com:8443/sub/api?token=visitor-secret"), "refused", new HttpRequestException());

        Assert.Equal("https://chat.example.com:8443/", ex.Server.ToString());
        Assert.DoesNotContain("hunter2", ex.Message);
        Assert.DoesNotContain("visitor-secret", ex.Message);
        Assert.Contains("https://chat.example.com:8443", ex.Message);
    }
}
