using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Security;
using RocketChat.Livechat.Emulator.Services;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>GET me, POST logout and POST users.setStatus: what clients call around the livechat flow.</summary>
internal sealed class AccountEndpoints(AccountService accounts)
{
    /// <summary>GET me: getUserInfo(user) spread into the success object.</summary>
    public async Task MeAsync(HttpContext context)
    {
        var serverUrl = new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
        GetMeResponse response = UserModels.MeResponse(context.Api().User, serverUrl);
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.GetMeResponse).ConfigureAwait(false);
    }

    /// <summary>POST logout: the token stops working; the body is the REST layer's own, with no <c>success</c> field.</summary>
    public async Task LogoutAsync(HttpContext context)
    {
        _ = context.Api().User;
        accounts.Logout(context.Request.Headers["X-Auth-Token"].ToString());
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "success");
            writer.WriteStartObject("data");
            writer.WriteString("message", "You've been logged out!");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>POST users.setStatus <c>{status?, message?, userId?}</c>.</summary>
    public async Task SetStatusAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        JsonObject body = call.BodyObject;
        accounts.SetStatus(
            call.User,
            Text(body, "status"),
            Text(body, "userId"),
            user => Permissions.Has(user, Permissions.EditOtherUserInfo));
        await JsonResponses.SuccessAsync(context).ConfigureAwait(false);
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
