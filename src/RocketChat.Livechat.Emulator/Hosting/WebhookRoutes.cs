using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using RocketChat.Livechat.Emulator.Endpoints;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Security;

namespace RocketChat.Livechat.Emulator.Hosting;

/// <summary>The routes that configure and test livechat webhooks, and the settings routes they rely on.</summary>
internal static class WebhookRoutes
{
    public static void Map(IEndpointRouteBuilder app, WebhookEndpoints webhooks)
    {
        Map(app, "POST", "/api/v1/omnichannel/integrations", webhooks.SaveIntegrationAsync, [Permissions.ViewLivechatManager]);
        Map(app, "POST", "/api/v1/livechat/webhook.test", webhooks.TestAsync, [WebhookPermissions.ViewLivechatWebhooks]);
        Map(app, "GET", "/api/v1/settings/{_id}", webhooks.GetSettingAsync, [WebhookPermissions.ViewPrivilegedSetting]);

        // The one emulated route that is twoFactorRequired upstream (apps/meteor/app/api/server/v1/settings.ts).
        Map(app, "POST", "/api/v1/settings/{_id}", webhooks.SaveSettingAsync, [WebhookPermissions.EditPrivilegedSetting], twoFactorRequired: true);
    }

    private static void Map(IEndpointRouteBuilder app, string method, string pattern, Microsoft.AspNetCore.Http.RequestDelegate handler, string[] permissions, bool twoFactorRequired = false) =>
        app.MapMethods(pattern, [method], handler).WithMetadata(ApiRoute.Authenticated with { Permissions = permissions, TwoFactorRequired = twoFactorRequired });
}
