using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Services;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>POST livechat/room.survey and POST livechat/transcript.</summary>
internal sealed class RoomFeedbackEndpoints(RoomFeedbackService feedback)
{
    public async Task SendSurveyAsync(HttpContext context)
    {
        RoomSurveyRequest request = context.Api().BodyAs(LivechatJsonContext.Default.RoomSurveyRequest);
        IReadOnlyDictionary<string, string> kept = feedback.Survey(request.Token, request.RoomId, request.Answers);
        var response = new RoomSurveyResponse { RoomId = request.RoomId, Answers = kept, Success = true };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.RoomSurveyResponse).ConfigureAwait(false);
    }

    public async Task SendTranscriptAsync(HttpContext context)
    {
        SendTranscriptRequest request = context.Api().BodyAs(LivechatJsonContext.Default.SendTranscriptRequest);
        feedback.SendTranscript(request.Token, request.RoomId);
        var response = new SendTranscriptResponse { Message = RoomFeedbackService.TranscriptSentText, Success = true };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.SendTranscriptResponse).ConfigureAwait(false);
    }
}
