using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RocketChat.Livechat.Webhooks;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the livechat webhook endpoint.</summary>
public static class LivechatWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> to the webhook receiver registered by
    /// <c>AddRocketChatLivechatWebhooks</c>. Set the server's Livechat_webhookUrl to this address.
    /// </summary>
    public static IEndpointConventionBuilder MapRocketChatLivechatWebhook(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        LivechatWebhookEndpoint endpoint = endpoints.ServiceProvider.GetService<LivechatWebhookEndpoint>()
            ?? throw new InvalidOperationException(
                "The livechat webhook receiver is not registered: call services.AddRocketChatLivechatWebhooks<THandler>() first.");
        return endpoints.MapPost(pattern, endpoint.HandleAsync).WithDisplayName("Rocket.Chat livechat webhook");
    }
}
