using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Services;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>POST /api/v1/livechat/room.saveInfo.</summary>
internal sealed class RoomInfoEndpoints(RoomInfoService roomInfo)
{
    public async Task SaveAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        JsonObject body = call.BodyObject;
        roomInfo.Save(call.User, (JsonObject)body["guestData"]!, (JsonObject)body["roomData"]!);
        await JsonResponses.SuccessAsync(context).ConfigureAwait(false);
    }
}
