using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Services;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>POST /api/v1/livechat/message, POST /api/v1/chat.sendMessage and GET /api/v1/livechat/messages.history/:rid.</summary>
internal sealed class MessageEndpoints(MessageService messages)
{
    public async Task SendAsync(HttpContext context)
    {
        SendMessageRequest request = context.Api().BodyAs(LivechatJsonContext.Default.SendMessageRequest);
        MessageRecord message = messages.Send(request.Token, request.RoomId, request.Text, request.Id);
        await JsonResponses.SuccessAsync(context, writer =>
        {
            writer.WritePropertyName("message");
            MessageJson.Write(writer, message);
        }).ConfigureAwait(false);
    }

    public async Task SendAsAgentAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        SendAgentMessageRequest request = call.BodyAs(LivechatJsonContext.Default.SendAgentMessageRequest);
        MessageRecord message = messages.SendAsAgent(call.User, request.Message.RoomId, request.Message.Text, request.Message.Id);
        await JsonResponses.SuccessAsync(context, writer =>
        {
            writer.WritePropertyName("message");
            MessageJson.Write(writer, message);
        }).ConfigureAwait(false);
    }

    public async Task HistoryAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        Paging paging = QueryParsing.Paging(call);
        int limit = QueryParsing.Integer(call, "limit") ?? MessageService.DefaultHistoryLimit;

        // new Date(end): an unparseable value becomes an Invalid Date that no timestamp is before.
        DateTimeOffset? end = call.QueryString("end") is { Length: > 0 } endText
            ? JavaScriptJson.ParseDate(endText) ?? DateTimeOffset.MinValue
            : null;
        IReadOnlyList<MessageRecord> history = messages.History(
            call.QueryString("token")!, context.RouteValue("rid"), limit, paging.Offset, end);
        await JsonResponses.SuccessAsync(context, writer =>
        {
            writer.WriteStartArray("messages");
            foreach (MessageRecord message in history)
            {
                MessageJson.Write(writer, message);
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }
}
