using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RocketChat.Livechat.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the livechat webhook receiver.</summary>
public static class LivechatWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers the receiver with <typeparamref name="THandler"/> as the (scoped) handler of every event, and the
    /// background worker. Map the endpoint with <c>app.MapRocketChatLivechatWebhook("/hooks/rocketchat")</c>.
    /// </summary>
    public static IServiceCollection AddRocketChatLivechatWebhooks<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(
        this IServiceCollection services, Action<LivechatWebhookOptions>? configure = null)
        where THandler : class, ILivechatWebhookHandler
    {
        AddReceiver(services, configure);
        services.TryAddScoped<ILivechatWebhookHandler, THandler>();
        return services;
    }

    /// <summary>
    /// Registers the receiver with per-event delegates instead of a handler class:
    /// <c>services.AddRocketChatLivechatWebhooks(on => on.OnSessionStart = (webhook, ct) => ...)</c>.
    /// </summary>
    public static IServiceCollection AddRocketChatLivechatWebhooks(
        this IServiceCollection services, Action<LivechatWebhookDelegates> handlers, Action<LivechatWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        var delegates = new LivechatWebhookDelegates();
        handlers(delegates);
        AddReceiver(services, configure);
        services.TryAddSingleton<ILivechatWebhookHandler>(delegates);
        return services;
    }

    private static void AddReceiver(IServiceCollection services, Action<LivechatWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure != null)
        {
            services.Configure(configure);
        }
        else
        {
            services.AddOptions<LivechatWebhookOptions>();
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LivechatWebhookQueue>();
        services.TryAddSingleton<LivechatWebhookEndpoint>();
        services.AddHostedService<LivechatWebhookWorker>();
    }
}
