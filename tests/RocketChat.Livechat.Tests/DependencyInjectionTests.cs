using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RocketChat.Livechat.Tests;

/// <summary>services.AddRocketChatLivechat: options from configuration, IHttpClientFactory, logging without secrets.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task The_client_resolves_from_configuration_and_logs_each_call_without_tokens()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync();
        server.Respond(CannedResponse.Json("""{"visitor":{"_id":"v1","token":"visitor-secret","username":"guest-1","ts":"2024-01-01T00:00:00.000Z","_updatedAt":"2024-01-01T00:00:00.000Z"},"success":true}"""));
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RocketChat:ServerUrl"] = server.BaseAddress.ToString(),
            ["RocketChat:UserId"] = "u1",
            ["RocketChat:AuthToken"] = "auth-secret",
        }).Build();
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        IHttpClientBuilder builder = services.AddRocketChatLivechat(configuration.GetSection(RocketChatLivechatOptions.SectionName));
        await using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);

        LivechatClient client = provider.GetRequiredService<LivechatClient>();
        await client.Visitors.GetVisitorAsync("visitor-secret");
        await client.Inquiries.ListInquiriesAsync().ContinueWith(_ => { });

        Assert.Equal(RocketChatLivechatServiceCollectionExtensions.HttpClientName, builder.Name);
        Assert.Equal("u1", server.Requests[1].Headers["X-User-Id"]);
        Assert.Contains(logs.Messages, m => m.Contains("Rocket.Chat GetVisitor returned 200", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("visitor-secret", StringComparison.Ordinal) || m.Contains("auth-secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_options_fail_validation_with_a_clear_message()
    {
        var services = new ServiceCollection();
        services.AddRocketChatLivechat(o => o.ServerUrl = new Uri("ftp://example.com/"));
        using ServiceProvider provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RocketChatLivechatOptions>>().Value);

        Assert.Contains("ServerUrl must be an absolute http(s) URL", ex.Message);
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new ListLogger(Messages);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
