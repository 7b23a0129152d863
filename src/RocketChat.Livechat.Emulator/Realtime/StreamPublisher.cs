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
    /// The inquiry's own key gets <c>{_id, ...inquiry, clientAction}</c>; the queue key (<c>department/&lt;id&gt;</c>,
    /// else <c>agent/&lt;defaultAgent&gt;</c>, else <c>public</c>) gets <c>{type, ...inquiry}</c>, written by the
    /// contract's <see cref="InquiryQueueUpdate"/> writer. A taken inquiry is an update whose status is no longer
    /// <c>queued</c>, as the server sends it.
    /// </summary>
    public void InquiryChanged(InquiryRecord inquiry, InquiryChange change)
    {
        (string clientAction, InquiryQueueUpdateType type) = change switch
        {
            InquiryChange.Queued => ("inserted", InquiryQueueUpdateType.Added),
            InquiryChange.Updated => ("updated", InquiryQueueUpdateType.Changed),
            _ => ("removed", InquiryQueueUpdateType.Removed),
        };

        registry.Publish(StreamNames.InquiryQueue, inquiry.Id, DdpServerFrames.Changed(StreamNames.InquiryQueue, inquiry.Id, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("_id", inquiry.Id);
            if (change != InquiryChange.Removed)
            {
                Ejson.WriteSpread(writer, rest => JsonSerializer.Serialize(rest, InquiryModels.ToModel(inquiry), LivechatJsonContext.Default.Inquiry));
            }

            writer.WriteString("clientAction", clientAction);
            writer.WriteEndObject();
        }));

        string queueKey = inquiry.Department is { } department ? $"department/{department}"
            : inquiry.DefaultAgent is { } agent ? $"agent/{agent.AgentId}"
            : "public";
        var update = new InquiryQueueEventArguments { Update = new InquiryQueueUpdate { Type = type, Inquiry = InquiryModels.ToModel(inquiry) } };
        registry.Publish(StreamNames.InquiryQueue, queueKey, DdpServerFrames.Changed(StreamNames.InquiryQueue, queueKey, writer =>
            Ejson.WriteArguments(writer, args => LivechatRealtimeStreams.InquiryQueue.WriteInquiryQueueEvent(args, update))));
    }

    /// <summary>
    /// The agent's new subscription, then <c>agentData</c> to the visitor (after the join messages): the agent info,
    /// or <c>{hiddenInfo:true}</c> with <c>Livechat_show_agent_info</c> off.
    /// </summary>
    public void AgentAssigned(RoomRecord room, UserRecord agent)
    {
        PublishSubscriptionChange(agent.Id, SubscriptionChangeAction.Inserted, room, agent);
        registry.Publish(StreamNames.LivechatRoom, room.Id, DdpServerFrames.Changed(StreamNames.LivechatRoom, room.Id, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", "agentData");
            writer.WritePropertyName("data");
            if (settings.ShowAgentInfo())
            {
                JsonSerializer.Serialize(writer, UserModels.AgentInfo(agent), LivechatJsonContext.Default.LivechatUser);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteBoolean("hiddenInfo", true);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }));
    }

    /// <summary>The subscription goes; the visitor learns the room awaits an agent (<c>agentData</c> without data).</summary>
    public void AgentUnassigned(RoomRecord room, string agentId)
    {
        PublishSubscriptionChange(agentId, SubscriptionChangeAction.Removed, room, agent: null);
        registry.Publish(StreamNames.LivechatRoom, room.Id, DdpServerFrames.Changed(StreamNames.LivechatRoom, room.Id, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", "agentData");
            writer.WriteEndObject();
        }));
    }

    public void RoomClosed(RoomRecord room)
    {
        if (room.ServedBy is { } servedBy)
        {
            PublishSubscriptionChange(servedBy.AgentId, SubscriptionChangeAction.Removed, room, agent: null);
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
            PublishLivechatRoom(room.Id, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("type", "agentStatus");
                writer.WriteString("status", agent.Status.Value);
                writer.WriteEndObject();
            });
        }
    }

    /// <summary><c>{type:"visitorData", visitor}</c>: the new visitor document, dates as EJSON.</summary>
    public void RoomVisitorChanged(RoomRecord room, VisitorRecord visitor) => PublishLivechatRoom(room.Id, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("type", "visitorData");
        writer.WritePropertyName("visitor");
        Ejson.WriteDocument(writer, rest => JsonSerializer.Serialize(rest, VisitorModels.ToModel(visitor), LivechatJsonContext.Default.Visitor));
        writer.WriteEndObject();
    });

    /// <summary>
    /// <c>{type:"queueData", data:{spot, message:{text, user:{_id:"rocket.cat", username:"rocket.cat"}}, estimatedWaitTimeSeconds?}}</c>.
    /// </summary>
    public void QueuePositionDispatched(InquiryRecord inquiry, QueuePosition position) => PublishLivechatRoom(inquiry.RoomId, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("type", "queueData");
        writer.WriteStartObject("data");
        writer.WriteNumber("spot", position.Spot);
        writer.WriteStartObject("message");
        writer.WriteString("text", position.Message);
        writer.WriteStartObject("user");
        writer.WriteString("_id", "rocket.cat");
        writer.WriteString("username", "rocket.cat");
        writer.WriteEndObject();
        writer.WriteEndObject();
        if (position.EstimatedWaitTimeSeconds is { } seconds)
        {
            writer.WriteNumber("estimatedWaitTimeSeconds", seconds);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private void PublishLivechatRoom(string roomId, Action<Utf8JsonWriter> writePayload)
    {
        if (registry.HasListeners(StreamNames.LivechatRoom, roomId))
        {
            registry.Publish(StreamNames.LivechatRoom, roomId, DdpServerFrames.Changed(StreamNames.LivechatRoom, roomId, writePayload));
        }
    }

    /// <summary><c>[action, subscription]</c> on <c>&lt;uid&gt;/subscriptions-changed</c>, by the contract's writer, dates as EJSON.</summary>
    private void PublishSubscriptionChange(string userId, SubscriptionChangeAction action, RoomRecord room, UserRecord? agent)
    {
        string eventName = LivechatRealtimeStreams.SubscriptionsChanged.EventName(userId);
        if (!registry.HasListeners(StreamNames.NotifyUser, eventName))
        {
            return;
        }

        var change = new SubscriptionChangedArguments { Action = action, Subscription = SubscriptionModels.ToModel(userId, room, agent) };
        registry.Publish(StreamNames.NotifyUser, eventName, DdpServerFrames.Changed(StreamNames.NotifyUser, eventName, writer =>
            Ejson.WriteArguments(writer, args => LivechatRealtimeStreams.SubscriptionsChanged.WriteSubscriptionChanged(args, change))));
    }
}
