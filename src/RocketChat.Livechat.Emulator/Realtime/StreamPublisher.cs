using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Events;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Realtime.Contract;
using RocketChat.Livechat.Emulator.Settings;

namespace RocketChat.Livechat.Emulator.Realtime;

/// <summary>
/// Turns the emulator's state changes into what Rocket.Chat's listeners emit on the streams: messages on
/// <c>stream-room-messages</c>, <c>agentData</c>, <c>agentStatus</c>, <c>visitorData</c> and <c>queueData</c> on
/// <c>stream-livechat-room</c>, subscription changes on
/// <c>stream-notify-user</c>, and the queue on <c>stream-livechat-inquiry-queue-observer</c>.
/// </summary>
internal sealed class StreamPublisher(StreamRegistry registry, SettingsRegistry settings) : IEmulatorEvents
{
    /// <summary>The sender of the waiting-queue message (the server's bot user).</summary>
    private const string RocketCat = "rocket.cat";

    public void MessageSaved(MessageRecord message)
    {
        if (registry.HasListeners(StreamNames.RoomMessages, message.RoomId))
        {
            registry.Publish(StreamNames.RoomMessages, message.RoomId, DdpServerFrames.Changed(StreamNames.RoomMessages, message.RoomId, writer =>
                Ejson.WriteDocument(writer, rest => JsonSerializer.Serialize(rest, MessageModels.ToModel(message), LivechatJsonContext.Default.Message))));
        }
    }

    /// <summary>Deletions go to <c>stream-notify-room</c> <c>&lt;rid&gt;/deleteMessage</c> as <c>{_id}</c>.</summary>
    public void MessageDeleted(MessageRecord message)
    {
        string eventName = $"{message.RoomId}/deleteMessage";
        registry.Publish(StreamNames.NotifyRoom, eventName, DdpServerFrames.Changed(StreamNames.NotifyRoom, eventName, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("_id", message.Id);
            writer.WriteEndObject();
        }));
    }

    /// <summary>
    /// The inquiry's own key gets <c>{_id, ...inquiry, clientAction}</c> (only <c>_id</c> and <c>clientAction</c> when
    /// removed), the contract's <see cref="Contract.InquiryChange"/>; the queue key (<c>department/&lt;id&gt;</c>, else
    /// <c>agent/&lt;defaultAgent&gt;</c>, else <c>public</c>) gets <c>{type, ...inquiry}</c>, its
    /// <see cref="InquiryQueueUpdate"/>. A taken inquiry is an update whose status is no longer <c>queued</c>, as the
    /// server sends it.
    /// </summary>
    public void InquiryChanged(InquiryRecord inquiry, Events.InquiryChange change)
    {
        (InquiryChangeAction action, InquiryQueueUpdateType type) = change switch
        {
            Events.InquiryChange.Queued => (InquiryChangeAction.Inserted, InquiryQueueUpdateType.Added),
            Events.InquiryChange.Updated => (InquiryChangeAction.Updated, InquiryQueueUpdateType.Changed),
            _ => (InquiryChangeAction.Removed, InquiryQueueUpdateType.Removed),
        };

        Inquiry document = InquiryModels.ToModel(inquiry);
        string ownKey = LivechatRealtimeStreams.InquiryChanges.EventName(inquiry.Id);
        var own = new InquiryChangedArguments
        {
            Change = new Contract.InquiryChange { Inquiry = change == Events.InquiryChange.Removed ? new Inquiry { Id = inquiry.Id } : document, ClientAction = action },
        };
        registry.Publish(StreamNames.InquiryQueue, ownKey, DdpServerFrames.Changed(StreamNames.InquiryQueue, ownKey, writer =>
            Ejson.WriteArguments(writer, args => LivechatRealtimeStreams.InquiryChanges.WriteInquiryChanged(args, own))));

        string queueKey = inquiry.Department is { } department ? LivechatRealtimeStreams.InquiryQueue.DepartmentEventName(department)
            : inquiry.DefaultAgent is { } agent ? LivechatRealtimeStreams.InquiryQueue.AgentEventName(agent.AgentId)
            : LivechatRealtimeStreams.InquiryQueue.PublicEventName();
        var update = new InquiryQueueEventArguments { Update = new InquiryQueueUpdate { Type = type, Inquiry = document } };
        registry.Publish(StreamNames.InquiryQueue, queueKey, DdpServerFrames.Changed(StreamNames.InquiryQueue, queueKey, writer =>
            Ejson.WriteArguments(writer, args => LivechatRealtimeStreams.InquiryQueue.WriteInquiryQueueEvent(args, update))));
    }

    /// <summary>
    /// The agent's new subscription, then <c>agentData</c> to the visitor (after the join messages): the agent info,
    /// or <c>{hiddenInfo:true}</c> with <c>Livechat_show_agent_info</c> off.
    /// </summary>
    public void AgentAssigned(RoomRecord room, UserRecord agent)
    {
        AgentReference servedBy = room.ServedBy ?? new AgentReference(agent.Id, agent.Username, room.UpdatedAt);
        PublishSubscriptionChange(agent.Id, SubscriptionChangeAction.Inserted, SubscriptionModels.ToModel(room, servedBy));
        JsonElement data = settings.ShowAgentInfo()
            ? JsonSerializer.SerializeToElement(UserModels.AgentInfo(agent), LivechatJsonContext.Default.LivechatUser)
            : JsonSerializer.SerializeToElement(new LivechatRoomHiddenAgent { HiddenInfo = true }, LivechatRealtimeJsonContext.Default.LivechatRoomHiddenAgent);
        PublishLivechatRoom(room.Id, new LivechatRoomEventPayload { Type = LivechatRoomEventPayloadType.AgentData, Data = data });
    }

    /// <summary>
    /// The subscription goes (the removed event carries it as it was created); the visitor learns the room awaits an
    /// agent (<c>agentData</c> without data).
    /// </summary>
    public void AgentUnassigned(RoomRecord room, AgentReference previous)
    {
        PublishSubscriptionChange(previous.AgentId, SubscriptionChangeAction.Removed, SubscriptionModels.ToModel(room, previous));
        PublishLivechatRoom(room.Id, new LivechatRoomEventPayload { Type = LivechatRoomEventPayloadType.AgentData });
    }

    public void RoomClosed(RoomRecord room)
    {
        if (room.ServedBy is { } servedBy)
        {
            PublishSubscriptionChange(servedBy.AgentId, SubscriptionChangeAction.Removed, SubscriptionModels.ToModel(room, servedBy));
        }
    }

    /// <summary><c>{type:"agentStatus", status}</c> to each open room the agent serves, only with <c>Livechat_show_agent_info</c> on.</summary>
    public void AgentStatusChanged(UserRecord agent, IReadOnlyList<RoomRecord> servedRooms)
    {
        if (!settings.ShowAgentInfo())
        {
            return;
        }

        foreach (RoomRecord room in servedRooms)
        {
            PublishLivechatRoom(room.Id, new LivechatRoomEventPayload { Type = LivechatRoomEventPayloadType.AgentStatus, Status = new UserStatus(agent.Status.Value) });
        }
    }

    /// <summary><c>{type:"visitorData", visitor}</c>: the new visitor document, dates as EJSON.</summary>
    public void RoomVisitorChanged(RoomRecord room, VisitorRecord visitor) =>
        PublishLivechatRoom(room.Id, new LivechatRoomEventPayload { Type = LivechatRoomEventPayloadType.VisitorData, Visitor = VisitorModels.ToModel(visitor) });

    /// <summary>
    /// <c>{type:"queueData", data:{spot, message:{text, user:{_id:"rocket.cat", username:"rocket.cat"}}, estimatedWaitTimeSeconds?}}</c>.
    /// </summary>
    public void QueuePositionDispatched(InquiryRecord inquiry, QueuePosition position)
    {
        var data = new LivechatRoomQueueData
        {
            Spot = position.Spot,
            Message = new LivechatRoomQueueDataMessage
            {
                Text = position.Message,
                User = new LivechatRoomQueueDataMessageUser { Id = RocketCat, Username = RocketCat },
            },
            EstimatedWaitTimeSeconds = position.EstimatedWaitTimeSeconds,
        };
        PublishLivechatRoom(inquiry.RoomId, new LivechatRoomEventPayload
        {
            Type = LivechatRoomEventPayloadType.QueueData,
            Data = JsonSerializer.SerializeToElement(data, LivechatRealtimeJsonContext.Default.LivechatRoomQueueData),
        });
    }

    /// <summary>One <c>stream-livechat-room</c> event, by the contract's writer, dates as EJSON; framed only for a listener.</summary>
    private void PublishLivechatRoom(string roomId, LivechatRoomEventPayload payload)
    {
        if (registry.HasListeners(StreamNames.LivechatRoom, roomId))
        {
            var arguments = new LivechatRoomEventArguments { Event = payload };
            registry.Publish(StreamNames.LivechatRoom, roomId, DdpServerFrames.Changed(StreamNames.LivechatRoom, roomId, writer =>
                Ejson.WriteArguments(writer, args => LivechatRealtimeStreams.LivechatRoom.WriteLivechatRoomEvent(args, arguments))));
        }
    }

    /// <summary><c>[action, subscription]</c> on <c>&lt;uid&gt;/subscriptions-changed</c>, by the contract's writer, dates as EJSON.</summary>
    private void PublishSubscriptionChange(string userId, SubscriptionChangeAction action, OmnichannelSubscription subscription)
    {
        string eventName = LivechatRealtimeStreams.SubscriptionsChanged.EventName(userId);
        if (!registry.HasListeners(StreamNames.NotifyUser, eventName))
        {
            return;
        }

        var change = new SubscriptionChangedArguments { Action = action, Subscription = subscription };
        registry.Publish(StreamNames.NotifyUser, eventName, DdpServerFrames.Changed(StreamNames.NotifyUser, eventName, writer =>
            Ejson.WriteArguments(writer, args => LivechatRealtimeStreams.SubscriptionsChanged.WriteSubscriptionChanged(args, change))));
    }
}
