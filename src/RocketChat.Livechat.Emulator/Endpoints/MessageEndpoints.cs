using System.Text.Json;
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
        var response = new SendMessageResponse { Message = MessageModels.ToModel(message), Success = true };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.SendMessageResponse).ConfigureAwait(false);
    }

    public async Task SendAsAgentAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        SendAgentMessageRequest request = call.BodyAs(LivechatJsonContext.Default.SendAgentMessageRequest);
        MessageRecord message = messages.SendAsAgent(call.User, request.Message.RoomId, request.Message.Text, request.Message.Id);
        var response = new SendAgentMessageResponse { Message = MessageModels.ToModel(message), Success = true };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.SendAgentMessageResponse).ConfigureAwait(false);
    }

    public async Task UploadAsync(HttpContext context)
    {
        string token = context.Request.Headers["x-visitor-token"].ToString();
        Func<UploadForm> form = await ReadUploadFormAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        MessageRecord message = messages.SendFile(token, context.RouteValue("rid"), form);
        // The route spreads the message into its answer: {...message, newRoom, showConnecting}.
        JsonElement fields = JsonSerializer.SerializeToElement(MessageModels.ToModel(message), LivechatJsonContext.Default.Message);
        await JsonResponses.SuccessAsync(context, writer =>
        {
            foreach (JsonProperty field in fields.EnumerateObject())
            {
                field.WriteTo(writer);
            }

            writer.WriteBoolean("newRoom", false);
            writer.WriteBoolean("showConnecting", false);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the multipart form now, but reports what busboy would refuse (no or another content type) only when
    /// the route gets that far: the visitor and room checks come first.
    /// </summary>
    private static async Task<Func<UploadForm>> ReadUploadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.ContentType))
        {
            return () => throw ApiErrors.Plain("Missing Content-Type");
        }

        if (!request.HasFormContentType || !request.ContentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            string mediaType = request.ContentType.Split(';')[0].Trim();
            return () => throw ApiErrors.Plain($"Unsupported content type: {mediaType}");
        }

        IFormCollection form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);

        // busboy is limited to one file: a second part is ignored.
        UploadedFile? file = form.Files.Count == 0 ? null
            : new UploadedFile(form.Files[0].Name, form.Files[0].FileName, form.Files[0].ContentType ?? "application/octet-stream", form.Files[0].Length);
        var upload = new UploadForm(file, fields);
        return () => upload;
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
        var response = new GetMessageHistoryResponse { Messages = [.. history.Select(MessageModels.ToModel)], Success = true };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.GetMessageHistoryResponse).ConfigureAwait(false);
    }
}
