using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Services;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>GET, PUT and DELETE /api/v1/livechat/message/:_id.</summary>
internal sealed class VisitorMessageEndpoints(VisitorMessageService messages)
{
    public async Task GetAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        MessageRecord message = messages.Get(call.QueryString("token")!, call.QueryString("rid")!, context.RouteValue("_id"));
        await WriteMessageAsync(context, message).ConfigureAwait(false);
    }

    public async Task UpdateAsync(HttpContext context)
    {
        UpdateVisitorMessageRequest request = context.Api().BodyAs(LivechatJsonContext.Default.UpdateVisitorMessageRequest);
        MessageRecord message = messages.Update(request.Token, request.RoomId, context.RouteValue("_id"), request.Text);
        await WriteMessageAsync(context, message).ConfigureAwait(false);
    }

    public async Task DeleteAsync(HttpContext context)
    {
        DeleteVisitorMessageRequest request = context.Api().BodyAs(LivechatJsonContext.Default.DeleteVisitorMessageRequest);
        string messageId = context.RouteValue("_id");
        DateTimeOffset deletedAt = messages.Delete(request.Token, request.RoomId, messageId);
        var response = new DeleteVisitorMessageResponse { Message = new DeletedMessage { Id = messageId, Timestamp = deletedAt }, Success = true };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.DeleteVisitorMessageResponse).ConfigureAwait(false);
    }

    private static Task WriteMessageAsync(HttpContext context, MessageRecord message) => JsonResponses.ModelAsync(
        context,
        new GetVisitorMessageResponse { Message = MessageModels.ToModel(message), Success = true },
        LivechatJsonContext.Default.GetVisitorMessageResponse);
}
