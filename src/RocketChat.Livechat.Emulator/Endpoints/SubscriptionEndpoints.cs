using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>GET /api/v1/subscriptions.getOne: the caller's subscription to a room, or null.</summary>
internal sealed class SubscriptionEndpoints(EmulatorState state)
{
    /// <summary>
    /// Subscriptions.findOneByRoomIdAndUserId: the caller has one while it serves the open room (closing, forwarding
    /// and unassigning remove it), otherwise the answer is <c>subscription: null</c>, not an error.
    /// </summary>
    public async Task GetOneAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        string roomId = call.QueryString("roomId")!;
        OmnichannelSubscription? subscription;
        lock (state.Gate)
        {
            subscription = state.Rooms.TryGetValue(roomId, out RoomRecord? room) && room.IsOpen && room.ServedBy is { } servedBy && servedBy.AgentId == call.User.Id
                ? SubscriptionModels.ToModel(room, servedBy)
                : null;
        }

        var response = new GetSubscriptionResponse { Subscription = subscription, Success = true };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.GetSubscriptionResponse).ConfigureAwait(false);
    }
}
