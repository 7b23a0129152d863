using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Services;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>POST /api/v1/livechat/offline.message.</summary>
internal sealed class OfflineMessageEndpoints(OfflineMessageService offlineMessages)
{
    public async Task SendAsync(HttpContext context)
    {
        var body = context.Api().BodyObject;
        offlineMessages.Send((string)body["name"]!, (string)body["email"]!, (string)body["message"]!);
        await JsonResponses.SuccessAsync(context, writer => writer.WriteString("message", "Livechat offline message sent")).ConfigureAwait(false);
    }
}
