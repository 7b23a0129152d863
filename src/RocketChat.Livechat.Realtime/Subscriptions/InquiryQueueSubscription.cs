using System.Text.Json;

namespace RocketChat.Livechat.Realtime;

/// <summary>
/// One part of the omnichannel queue (<see cref="InquiryQueueKey"/>): new chats appear as
/// <see cref="InquiryQueueChange.Added"/> without polling. Needs a logged-in user with <c>view-l-room</c>.
/// </summary>
public sealed class InquiryQueueSubscription : RealtimeSubscription<InquiryQueueEvent>
{
    internal InquiryQueueSubscription(LivechatRealtimeClient client, InquiryQueueKey key, LivechatRealtimeOptions options)
        : base(client, $"inquiry queue '{key}' subscription", [new(LivechatRealtimeStreams.InquiryQueue.Publication, key.EventName, null)], options.EventBufferCapacity)
    {
        Key = key;
    }

    /// <summary>The part of the queue watched.</summary>
    public InquiryQueueKey Key { get; }

    /// <summary>
    /// Read by the contract's reader (<c>{type, ...inquiry}</c> as one <see cref="InquiryQueueUpdate"/>). A payload that
    /// does not fit, or a <c>type</c> the contract does not list, is a <see cref="RealtimeProtocolException"/>: a change
    /// the client cannot name is not guessed.
    /// </summary>
    private protected override void OnEvent(string collection, string eventName, JsonElement args)
    {
        InquiryQueueUpdate update = StreamPayloads.Read(args, collection, LivechatRealtimeStreams.InquiryQueue.ReadInquiryQueueEvent).Update;
        InquiryQueueChange change =
            update.Type == InquiryQueueUpdateType.Added ? InquiryQueueChange.Added
            : update.Type == InquiryQueueUpdateType.Changed ? InquiryQueueChange.Changed
            : update.Type == InquiryQueueUpdateType.Removed ? InquiryQueueChange.Removed
            : throw new RealtimeProtocolException(collection, $"an inquiry event has the type '{update.Type}', which the contract does not list.");
        Emit(new InquiryQueueEvent(change, update.Inquiry));
    }
}
