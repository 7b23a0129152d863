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

    private protected override void OnEvent(string collection, string eventName, JsonElement args)
    {
        JsonElement payload = StreamPayloads.FirstArgument(args, collection);
        InquiryQueueChange change = StreamPayloads.RequiredString(payload, "type", collection) switch
        {
            "added" => InquiryQueueChange.Added,
            "changed" => InquiryQueueChange.Changed,
            "removed" => InquiryQueueChange.Removed,
            string other => throw new RealtimeProtocolException(collection, $"an inquiry event has the unknown type '{other}'."),
        };
        Emit(new InquiryQueueEvent(change, StreamPayloads.ReadInquiry(payload)));
    }
}
