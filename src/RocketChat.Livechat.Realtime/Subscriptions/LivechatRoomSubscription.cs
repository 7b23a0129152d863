using System.Runtime.ExceptionServices;
using System.Text.Json;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Realtime.Ddp;

namespace RocketChat.Livechat.Realtime;

/// <summary>
/// The events of one livechat room. For a visitor (token given) that is messages, deletions, typing and the
/// <c>stream-livechat-room</c> events; for an agent, messages, deletions and typing. A gap left by a dropped
/// connection is filled from history (a visitor's REST <c>livechat/messages.history</c>, a logged-in user's DDP
/// <c>loadHistory</c>): every message is delivered once and in order. The first page of history at subscribe time
/// counts as already seen; events start after it.
/// </summary>
public sealed class LivechatRoomSubscription : RealtimeSubscription<LivechatRoomEvent>
{
    private readonly IRoomHistory _history;
    private readonly MessageDeduplicator _delivered = new();
    private readonly List<Message> _heldDuringCatchUp = [];
    private bool _catchingUp;
    private Exception? _baselineError;

    internal LivechatRoomSubscription(LivechatRealtimeClient client, LivechatClient rest, string roomId, string? visitorToken, LivechatRealtimeOptions options)
        : base(client, $"room {roomId} subscription", Specs(roomId, visitorToken), options.EventBufferCapacity)
    {
        RoomId = roomId;
        _history = visitorToken is null
            ? new AgentRoomHistory(roomId, options.HistoryPageSize)
            : new VisitorRoomHistory(rest, roomId, visitorToken, options.HistoryPageSize);
    }

    /// <summary>The room watched.</summary>
    public string RoomId { get; }

    private static StreamSpec[] Specs(string roomId, string? visitorToken) => visitorToken is null
        ?
        [
            new(LivechatRealtimeStreams.RoomMessages.Stream(roomId), null),
            new(LivechatRealtimeStreams.UserActivity.Stream(roomId), null),
            new(LivechatRealtimeStreams.DeleteMessage.Stream(roomId), null),
        ]
        :
        [
            new(LivechatRealtimeStreams.RoomMessages.Stream(roomId), visitorToken),
            new(LivechatRealtimeStreams.LivechatRoom.Stream(roomId), visitorToken),
            new(LivechatRealtimeStreams.UserActivity.Stream(roomId), visitorToken),
            new(LivechatRealtimeStreams.DeleteMessage.Stream(roomId), visitorToken),
        ];

    private protected override void OnEvent(string collection, string eventName, JsonElement args)
    {
        switch (collection)
        {
            case LivechatRealtimeStreams.RoomMessages.Publication:
                Message message = StreamPayloads.Read(args, collection, LivechatRealtimeStreams.RoomMessages.ReadRoomMessage).Message;
                if (_catchingUp)
                {
                    if (_heldDuringCatchUp.Count >= Capacity)
                    {
                        throw new RealtimeConsumerTooSlowException(Operation, Capacity);
                    }

                    _heldDuringCatchUp.Add(message);
                }
                else
                {
                    Deliver(message);
                }

                break;
            case LivechatRealtimeStreams.LivechatRoom.Publication:
                LivechatRoomEventPayload payload = StreamPayloads.Read(args, collection, LivechatRealtimeStreams.LivechatRoom.ReadLivechatRoomEvent).Event;
                Emit(ReadLivechatRoomEvent(collection, eventName, args, payload));
                break;
            case LivechatRealtimeStreams.UserActivity.Publication when eventName == LivechatRealtimeStreams.UserActivity.EventName(RoomId):
                UserActivityArguments activity = StreamPayloads.Read(args, collection, LivechatRealtimeStreams.UserActivity.ReadUserActivity);
                Emit(new UserActivityEvent(RoomId, activity.Username, activity.Activities.ToArray()));
                break;
            case LivechatRealtimeStreams.DeleteMessage.Publication:
                DeletedMessage deleted = StreamPayloads.Read(args, collection, LivechatRealtimeStreams.DeleteMessage.ReadMessageDeleted).Message;
                Emit(new MessageDeletedEvent(RoomId, deleted.Id));
                break;
            default:
                Emit(new UnrecognizedRoomEvent(RoomId, collection, eventName, args));
                break;
        }
    }

    private protected override async Task BeforeSubscribeAsync(DdpConnection connection, bool isFirst, CancellationToken cancellationToken)
    {
        lock (DeliveryGate)
        {
            _catchingUp = true;
        }

        if (isFirst)
        {
            // What exists before subscribing is history, not news: remember it so the catch-up below skips it.
            IReadOnlyList<Message> latest;
            try
            {
                latest = await _history.LatestAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RocketChatApiException or RealtimeServerException)
            {
                // A token that does not own the room (or a user that may not read it): the subscription's refusal
                // (not-allowed) is the error to report; should the server accept it anyway, AfterSubscribeAsync
                // reports this one.
                _baselineError = ex;
                return;
            }

            lock (DeliveryGate)
            {
                foreach (Message message in latest)
                {
                    _delivered.Observe(message);
                }
            }
        }
    }

    private protected override async Task AfterSubscribeAsync(DdpConnection connection, bool isFirst, CancellationToken cancellationToken)
    {
        if (_baselineError is { } error)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        DateTimeOffset? since;
        lock (DeliveryGate)
        {
            since = _delivered.NewestTimestamp;
        }

        List<Message> missed = await _history.SinceAsync(connection, since, cancellationToken).ConfigureAwait(false);
        lock (DeliveryGate)
        {
            foreach (Message message in missed)
            {
                Deliver(message);
            }

            foreach (Message message in _heldDuringCatchUp)
            {
                Deliver(message);
            }

            _heldDuringCatchUp.Clear();
            _catchingUp = false;
        }
    }

    private void Deliver(Message message)
    {
        DeliveryVerdict verdict = _delivered.Observe(message);
        if (verdict != DeliveryVerdict.Duplicate)
        {
            Emit(new RoomMessageEvent(RoomId, message, StreamPayloads.KindOf(message), verdict == DeliveryVerdict.Edited));
        }
    }

    private LivechatRoomEvent ReadLivechatRoomEvent(string collection, string eventName, JsonElement args, LivechatRoomEventPayload payload)
    {
        switch (payload.Type.Value)
        {
            case RealtimeStreams.LivechatRoomEventTypes.AgentData:
                if (payload.Data is not { ValueKind: not JsonValueKind.Null } data)
                {
                    return new AgentChangedEvent(RoomId, null, IsHidden: false);
                }

                // The contract's two shapes of data: LivechatRoomHiddenAgent when the server hides the agent, else the agent.
                return data.ValueKind == JsonValueKind.Object && data.TryGetProperty("hiddenInfo", out _)
                    && StreamPayloads.Read(data, collection, "hidden agent", static (ref Utf8JsonReader reader) => LivechatRoomHiddenAgentJsonConverter.ReadValue(ref reader)).HiddenInfo
                    ? new AgentChangedEvent(RoomId, null, IsHidden: true)
                    : new AgentChangedEvent(RoomId, StreamPayloads.ReadAgent(data), IsHidden: false);
            case RealtimeStreams.LivechatRoomEventTypes.AgentStatus:
                return payload.Status is { } status
                    ? new AgentStatusChangedEvent(RoomId, status)
                    : throw new RealtimeProtocolException(collection, "an agentStatus event lacks 'status'.");
            case RealtimeStreams.LivechatRoomEventTypes.VisitorData:
                return payload.Visitor is { } visitor
                    ? new VisitorChangedEvent(RoomId, visitor)
                    : throw new RealtimeProtocolException(collection, "a visitorData event lacks 'visitor'.");
            case RealtimeStreams.LivechatRoomEventTypes.QueueData:
                return ReadQueueData(collection, payload);
            default:
                return new UnrecognizedRoomEvent(RoomId, collection, eventName, args);
        }
    }

    /// <summary>The contract's <see cref="LivechatRoomQueueData"/>, read by its generated converter: a member that does not fit fails the event, never reads as absent.</summary>
    private QueuePositionChangedEvent ReadQueueData(string collection, LivechatRoomEventPayload payload)
    {
        if (payload.Data is not { ValueKind: JsonValueKind.Object } data)
        {
            throw new RealtimeProtocolException(collection, "a queueData event lacks 'data'.");
        }

        LivechatRoomQueueData queue = StreamPayloads.Read(data, collection, "queue position", static (ref Utf8JsonReader reader) => LivechatRoomQueueDataJsonConverter.ReadValue(ref reader));
        if (queue.Spot is < 0 or > int.MaxValue)
        {
            throw new RealtimeProtocolException(collection, $"a queueData event's spot {queue.Spot} is no place in a queue.");
        }

        TimeSpan? wait = queue.EstimatedWaitTimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
        return new QueuePositionChangedEvent(RoomId, (int)queue.Spot, queue.Message?.Text, wait);
    }
}
