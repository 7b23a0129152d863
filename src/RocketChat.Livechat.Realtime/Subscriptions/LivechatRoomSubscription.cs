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
/// <remarks>
/// The server does not replay <c>stream-livechat-room</c> events either. For a visitor, the serving agent is read
/// from REST (<c>GET livechat/config?token=</c>: its open room and that room's agent) when subscribing (the agent
/// then counts as already seen) and after each reconnection. What changed during a gap is then delivered after the
/// gap's messages, from that state rather than from history: an <see cref="AgentChangedEvent"/> when another agent
/// (or nobody) serves the room, with intermediate changes collapsed into the final one (a change from one hidden
/// agent to another cannot be told), or else an <see cref="AgentStatusChangedEvent"/> when the same agent's status
/// changed. Nothing when nothing changed, and a live event that repeats what REST told is not delivered twice. Not
/// reconstructed: <see cref="VisitorChangedEvent"/> (a room handed to another visitor is no longer the token's to
/// read), <see cref="QueuePositionChangedEvent"/> (the next one brings the position), typing and deletions. A room
/// that is no longer the visitor's open one (closed during the gap) gets no agent event; its history tells the close.
/// </remarks>
public sealed class LivechatRoomSubscription : RealtimeSubscription<LivechatRoomEvent>
{
    private readonly IRoomHistory _history;
    private readonly MessageDeduplicator _delivered = new();
    private readonly LivechatClient _rest;
    private readonly string? _visitorToken;
    private readonly VisitorRoomAgentState? _agentState;

    /// <summary>Stream events that arrived while catching up, in order: <see cref="Message"/>s and <see cref="LivechatRoomEvent"/>s.</summary>
    private readonly List<object> _heldDuringCatchUp = [];
    private bool _catchingUp;
    private Exception? _baselineError;

    internal LivechatRoomSubscription(LivechatRealtimeClient client, LivechatClient rest, string roomId, string? visitorToken, LivechatRealtimeOptions options)
        : base(client, $"room {roomId} subscription", Specs(roomId, visitorToken), options.EventBufferCapacity)
    {
        RoomId = roomId;
        _rest = rest;
        _visitorToken = visitorToken;
        _agentState = visitorToken is null ? null : new VisitorRoomAgentState(roomId);
        _history = visitorToken is null
            ? new AgentRoomHistory(roomId, options.HistoryPageSize)
            : new VisitorRoomHistory(rest, roomId, visitorToken, options.HistoryPageSize);
    }

    /// <summary>A year: any longer estimated queue wait is a broken value, and far beyond it TimeSpan overflows.</summary>
    private const double MaxWaitSeconds = 366 * 24 * 3600;

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
                    Hold(message);
                }
                else
                {
                    Deliver(message);
                }

                break;
            case LivechatRealtimeStreams.LivechatRoom.Publication:
                LivechatRoomEventPayload payload = StreamPayloads.Read(args, collection, LivechatRealtimeStreams.LivechatRoom.ReadLivechatRoomEvent).Event;
                LivechatRoomEvent roomEvent = ReadLivechatRoomEvent(collection, eventName, args, payload);
                if (_catchingUp)
                {
                    // Held so that what a reconnection reconstructs comes first, and a repeat of it not at all.
                    Hold(roomEvent);
                }
                else
                {
                    _agentState?.Observe(roomEvent);
                    Emit(roomEvent);
                }

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

        // The agent is read before the history: an agent taking the chat in between brings its join messages in the
        // history and its agentData live (held, then delivered after them), so the agent never precedes them.
        ServingAgent? servingNow = await ReadServingAgentAsync(cancellationToken).ConfigureAwait(false);
        List<Message> missed = await _history.SinceAsync(connection, since, IsDelivered, cancellationToken).ConfigureAwait(false);
        lock (DeliveryGate)
        {
            foreach (Message message in missed)
            {
                Deliver(message);
            }

            // On subscribing, the agent REST names is known already and every held event is news; after a gap, what
            // changed is told after the gap's messages, and held events that repeat it are dropped. (Not isFirst: a
            // first attach whose connection died midway is retried with isFirst false, still without a baseline.)
            bool isGap = _agentState is { IsKnown: true };
            if (_agentState is not null && servingNow is not null)
            {
                if (isGap)
                {
                    if (_agentState.Reconcile(servingNow) is { } missedAgentEvent)
                    {
                        Emit(missedAgentEvent);
                    }
                }
                else
                {
                    _agentState.Reset(servingNow);
                }
            }

            foreach (object held in _heldDuringCatchUp)
            {
                if (held is Message message)
                {
                    Deliver(message);
                }
                else if (held is LivechatRoomEvent roomEvent && ((_agentState?.Observe(roomEvent) ?? true) || !isGap))
                {
                    Emit(roomEvent);
                }
            }

            _heldDuringCatchUp.Clear();
            _catchingUp = false;
        }
    }

    /// <summary>The agent of this room as REST shows it to the visitor; null for an agent's subscription, or when REST no longer shows this room.</summary>
    private async Task<ServingAgent?> ReadServingAgentAsync(CancellationToken cancellationToken)
    {
        if (_visitorToken is null)
        {
            return null;
        }

        GetLivechatConfigResponse config = await _rest.Visitors.GetLivechatConfigAsync(_visitorToken, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ServingAgent.FromConfig(config.Config, RoomId);
    }

    private bool IsDelivered(Message message)
    {
        lock (DeliveryGate)
        {
            return _delivered.Knows(message);
        }
    }

    private void Hold(object streamEvent)
    {
        if (_heldDuringCatchUp.Count >= Capacity)
        {
            throw new RealtimeConsumerTooSlowException(Operation, Capacity);
        }

        _heldDuringCatchUp.Add(streamEvent);
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

        // A wait no TimeSpan can hold (1e300) or a negative one is no estimate at all: refused, not turned into an overflow.
        if (queue.EstimatedWaitTimeSeconds is < 0 or > MaxWaitSeconds)
        {
            throw new RealtimeProtocolException(collection, $"a queueData event's estimated wait of {queue.EstimatedWaitTimeSeconds} seconds is no wait.");
        }

        TimeSpan? wait = queue.EstimatedWaitTimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
        return new QueuePositionChangedEvent(RoomId, (int)queue.Spot, queue.Message?.Text, wait);
    }
}
