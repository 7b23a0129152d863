using System.Text.Json;

namespace RocketChat.Livechat.Realtime;

/// <summary>
/// One inquiry, by its id: every change of it (taken by another agent, closed) as an <see cref="InquiryChangedEvent"/>,
/// without watching a whole queue. Needs a logged-in user with <c>view-l-room</c>.
/// </summary>
public sealed class InquirySubscription : RealtimeSubscription<InquiryChangedEvent>
{
    internal InquirySubscription(LivechatRealtimeClient client, string inquiryId, LivechatRealtimeOptions options)
        : base(client, $"inquiry '{inquiryId}' subscription", [new(LivechatRealtimeStreams.InquiryChanges.Stream(inquiryId), null)], options.EventBufferCapacity)
    {
        InquiryId = inquiryId;
    }

    /// <summary>The inquiry watched.</summary>
    public string InquiryId { get; }

    /// <summary>
    /// Read by the contract's reader (<c>{_id, ...inquiry, clientAction}</c> as one <see cref="InquiryChange"/>). A
    /// payload that does not fit, or a <c>clientAction</c> the contract does not list, is a
    /// <see cref="RealtimeProtocolException"/>: a change the client cannot name is not guessed.
    /// </summary>
    private protected override void OnEvent(string collection, string eventName, JsonElement args)
    {
        InquiryChange change = StreamPayloads.Read(args, collection, LivechatRealtimeStreams.InquiryChanges.ReadInquiryChanged).Change;
        InquiryChangeKind kind =
            change.ClientAction == InquiryChangeAction.Inserted ? InquiryChangeKind.Inserted
            : change.ClientAction == InquiryChangeAction.Updated ? InquiryChangeKind.Updated
            : change.ClientAction == InquiryChangeAction.Removed ? InquiryChangeKind.Removed
            : throw new RealtimeProtocolException(collection, $"an inquiry event has the clientAction '{change.ClientAction}', which the contract does not list.");
        Emit(new InquiryChangedEvent(kind, change.Inquiry));
    }
}
