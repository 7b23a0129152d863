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
        var response = new ListInquiriesResponse
        {
            Inquiries = [.. page.Select(InquiryModels.ToListItem)],
            Offset = paging.Offset,
            Count = page.Count,
            Total = total,
            Success = true,
        };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.ListInquiriesResponse).ConfigureAwait(false);
    }

    public async Task ListQueuedForUserAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        Paging paging = QueryParsing.Paging(call);
        (IReadOnlyList<InquiryRecord> page, int total) = inquiries.ListQueuedFor(call.User, paging, Department(call));
        var response = new ListQueuedInquiriesForUserResponse
        {
            Inquiries = [.. page.Select(InquiryModels.ToModel)],
            Offset = paging.Offset,
            Count = page.Count,
            Total = total,
            Success = true,
        };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.ListQueuedInquiriesForUserResponse).ConfigureAwait(false);
    }

    public async Task GetOneAsync(HttpContext context)
    {
        InquiryRecord? inquiry = inquiries.FindByRoom(context.Api().QueryString("roomId")!);
        var response = new GetInquiryResponse { Inquiry = inquiry is null ? null : InquiryModels.ToModel(inquiry), Success = true };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.GetInquiryResponse).ConfigureAwait(false);
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
}
