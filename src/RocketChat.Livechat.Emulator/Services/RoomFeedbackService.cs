using System.Collections.Immutable;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>What a visitor sends about its room once the talk is done: the survey (room.survey) and the transcript request (transcript).</summary>
internal sealed class RoomFeedbackService(EmulatorState state)
{
    /// <summary>The answer a free-text survey item may give, whatever the survey's values.</summary>
    private const string AdditionalFeedback = "additionalFeedback";

    /// <summary>The localized 'Livechat_transcript_sent' text.</summary>
    public const string TranscriptSentText = "Livechat transcript sent";

    /// <summary>
    /// Keeps the answers the survey knows (an item with one of the values, or additionalFeedback), a later answer to the
    /// same item replacing an earlier one, and stores them as the room's surveyFeedback.
    /// </summary>
    public IReadOnlyDictionary<string, string> Survey(string token, string roomId, IEnumerable<RoomSurveyAnswer> answers)
    {
        lock (state.Gate)
        {
            _ = state.FindVisitorByToken(token) ?? throw ApiErrors.Plain("invalid-token");
            RoomRecord room = state.FindRoomOfVisitor(roomId, token) ?? throw ApiErrors.Plain("invalid-room");
            var kept = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (RoomSurveyAnswer answer in answers)
            {
                bool known = WidgetConfigService.SurveyItems.Contains(answer.Name) && WidgetConfigService.SurveyValues.Contains(answer.Value);
                if (known || answer.Name == AdditionalFeedback)
                {
                    kept[answer.Name] = answer.Value;
                }
            }

            if (kept.Count == 0)
            {
                throw ApiErrors.Plain("invalid-data");
            }

            state.Rooms[room.Id] = room with { SurveyFeedback = kept.ToImmutableDictionary(StringComparer.Ordinal), UpdatedAt = state.Now };
            return kept;
        }
    }

    /// <summary>
    /// sendTranscript: the emulator sends no email, but records what the server stores afterwards, a
    /// <c>livechat_transcript_history</c> message from rocket.cat naming the visitor.
    /// </summary>
    public void SendTranscript(string token, string roomId)
    {
        lock (state.Gate)
        {
            VisitorRecord visitor = state.FindVisitorByToken(token) ?? throw ApiErrors.Plain("error-invalid-token");
            RoomRecord room = state.FindRoomOfVisitor(roomId, token) ?? throw ApiErrors.Plain("error-invalid-room");
            MessageRecord history = AgentRouter.SystemMessage(room.Id, "livechat_transcript_history", string.Empty, SystemUsers.RocketCat, state.Now)
                with { TranscriptRequestedBy = visitor.ToSummary() };
            state.AddMessage(history);
        }
    }
}
