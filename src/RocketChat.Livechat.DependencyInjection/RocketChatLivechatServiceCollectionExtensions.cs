using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat;

/// <summary>Registers <see cref="LivechatClient"/> with IHttpClientFactory.</summary>
public static class RocketChatLivechatServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the client uses; configure it further through the returned builder.</summary>
    public const string HttpClientName = "RocketChat.Livechat";

    /// <summary>Registers the client with options bound from <paramref name="configuration"/> (e.g. the "RocketChat" section).</summary>
    public static IHttpClientBuilder AddRocketChatLivechat(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RocketChatLivechatOptions>().Bind(configuration);
        return services.AddRocketChatLivechatCore();
    }

    /// <summary>Registers the client with options set in code.</summary>
    public static IHttpClientBuilder AddRocketChatLivechat(this IServiceCollection services, Action<RocketChatLivechatOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RocketChatLivechatOptions>().Configure(configure);
        return services.AddRocketChatLivechatCore();
    }

    private static IHttpClientBuilder AddRocketChatLivechatCore(this IServiceCollection services)
    {
        services.AddOptions<RocketChatLivechatOptions>().Validate(
            options =>
            {
                try
                {
                    options.Validate();
                    return true;
                }
                catch (ArgumentException)
                {
                    return false;
                }
            },
            "RocketChat options are invalid: ServerUrl must be an absolute http(s) URL without user info; UserId/AuthToken and Username/Password go in pairs; Timeout and MaxResponseBodySize must be positive.");

        // One credential provider for the whole app, so concurrent clients share a single login.
        services.TryAddSingleton<IRocketChatCredentialProvider>(provider => LivechatClient.CreateCredentialProvider(
            provider.GetRequiredService<IOptions<RocketChatLivechatOptions>>().Value,
            provider.GetRequiredService<LivechatClient>));

        services.TryAddTransient<RocketChatLoggingHandler>();
        IHttpClientBuilder builder = services.AddHttpClient(HttpClientName, (provider, client) =>
            {
                RocketChatLivechatOptions options = provider.GetRequiredService<IOptions<RocketChatLivechatOptions>>().Value;
                if (options.Timeout is { } timeout)
                {
                    client.Timeout = timeout;
                }
            })
            // Redirects are not followed: X-Auth-Token and login bodies go only to the configured origin.
            .ConfigurePrimaryHttpMessageHandler(RocketChatHttpHandler.Create)
            // The factory's default loggers write full URIs, and visitor tokens travel in paths and queries.
            .RemoveAllLoggers()
            .AddHttpMessageHandler<RocketChatLoggingHandler>();

        services.TryAddTransient(provider =>
        {
            RocketChatLivechatOptions options = provider.GetRequiredService<IOptions<RocketChatLivechatOptions>>().Value;
            HttpClient httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new LivechatClient(new RocketChatConnection(httpClient, options.ServerUrl, provider.GetRequiredService<IRocketChatCredentialProvider>(), options.ToConnectionOptions()));
        });
        return builder;
    }
}
