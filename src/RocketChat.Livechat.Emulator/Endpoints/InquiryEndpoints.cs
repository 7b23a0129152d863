using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Services;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>GET livechat/inquiries.list, inquiries.queuedForUser, inquiries.getOne and POST inquiries.take.</summary>
internal sealed class InquiryEndpoints(InquiryService inquiries)
{
    public async Task ListAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        Paging paging = QueryParsing.Paging(call);
        (IReadOnlyList<InquiryRecord> page, int total) = inquiries.ListQueued(paging, Department(call));
        await WritePageAsync(context, page, paging, total, InquiryJson.WriteListItem).ConfigureAwait(false);
    }

    public async Task ListQueuedForUserAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        Paging paging = QueryParsing.Paging(call);
        (IReadOnlyList<InquiryRecord> page, int total) = inquiries.ListQueuedFor(call.User, paging, Department(call));
        await WritePageAsync(context, page, paging, total, InquiryJson.Write).ConfigureAwait(false);
    }

    public async Task GetOneAsync(HttpContext context)
    {
        InquiryRecord? inquiry = inquiries.FindByRoom(context.Api().QueryString("roomId")!);
        await JsonResponses.SuccessAsync(context, writer =>
        {
            writer.WritePropertyName("inquiry");
            if (inquiry is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                InquiryJson.Write(writer, inquiry);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Answers only <c>{success: true}</c>: takeInquiry returns nothing, so the declared <c>inquiry</c> key is absent.</summary>
    public async Task TakeAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        TakeInquiryRequest request = call.BodyAs(LivechatJsonContext.Default.TakeInquiryRequest);
        inquiries.Take(call.User, request.InquiryId, request.UserId);
        await JsonResponses.SuccessAsync(context).ConfigureAwait(false);
    }

    private static string? Department(ApiCall call) => call.QueryString("department") is { Length: > 0 } department ? department : null;

    private static Task WritePageAsync(
        HttpContext context, IReadOnlyList<InquiryRecord> page, Paging paging, int total, Action<System.Text.Json.Utf8JsonWriter, InquiryRecord> write) =>
        JsonResponses.SuccessAsync(context, writer =>
        {
            writer.WriteStartArray("inquiries");
            foreach (InquiryRecord inquiry in page)
            {
                write(writer, inquiry);
            }

            writer.WriteEndArray();
            writer.WriteNumber("offset", paging.Offset);
            writer.WriteNumber("count", page.Count);
            writer.WriteNumber("total", total);
        });
}
