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
    public static IServiceCollection AddRocketChatLivechatWebhooks<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IServiceCollection services, Action<LivechatWebhookOptions>? configure = null)
        where THandler : class, ILivechatWebhookHandler
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
        services.TryAddScoped<ILivechatWebhookHandler, THandler>();
        services.TryAddSingleton<LivechatWebhookQueue>();
        services.TryAddSingleton<LivechatWebhookEndpoint>();
        services.AddHostedService<LivechatWebhookWorker>();
        return services;
    }
}
