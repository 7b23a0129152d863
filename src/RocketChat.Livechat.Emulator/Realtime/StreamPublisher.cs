using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Events;
using RocketChat.Livechat.Emulator.Json;
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
    /// else <c>agent/&lt;defaultAgent&gt;</c>, else <c>public</c>) gets <c>{type, ...inquiry}</c>. A taken inquiry is
    /// an update whose status is no longer <c>queued</c>, as the server sends it.
    /// </summary>
    public void InquiryChanged(InquiryRecord inquiry, InquiryChange change)
    {
        (string clientAction, string type) = change switch
        {
            InquiryChange.Queued => ("inserted", "added"),
            InquiryChange.Updated => ("updated", "changed"),
            _ => ("removed", "removed"),
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
        registry.Publish(StreamNames.InquiryQueue, queueKey, DdpServerFrames.Changed(StreamNames.InquiryQueue, queueKey, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            Ejson.WriteSpread(writer, rest => JsonSerializer.Serialize(rest, InquiryModels.ToModel(inquiry), LivechatJsonContext.Default.Inquiry));
            writer.WriteEndObject();
        }));
    }

    /// <summary>
    /// The agent's new subscription, then <c>agentData</c> to the visitor (after the join messages): the agent info,
    /// or <c>{hiddenInfo:true}</c> with <c>Livechat_show_agent_info</c> off.
    /// </summary>
    public void AgentAssigned(RoomRecord room, UserRecord agent)
    {
        PublishSubscriptionChange(agent.Id, "inserted", room, agent);
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
        PublishSubscriptionChange(agentId, "removed", room, agent: null);
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
            PublishSubscriptionChange(servedBy.AgentId, "removed", room, agent: null);
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

    private void PublishSubscriptionChange(string userId, string action, RoomRecord room, UserRecord? agent)
    {
        string eventName = $"{userId}/subscriptions-changed";
        if (!registry.HasListeners(StreamNames.NotifyUser, eventName))
        {
            return;
        }

        registry.Publish(StreamNames.NotifyUser, eventName, DdpServerFrames.Changed(StreamNames.NotifyUser, eventName, writer =>
        {
            writer.WriteStringValue(action);
            WriteSubscription(writer, userId, room, agent);
        }));
    }

    /// <summary>An omnichannel subscription document (<c>t:"l"</c>, <c>rid</c>, <c>v</c>, ...).</summary>
    private static void WriteSubscription(Utf8JsonWriter writer, string userId, RoomRecord room, UserRecord? agent)
    {
        writer.WriteStartObject();
        writer.WriteString("_id", $"{room.Id}-{userId}");
        writer.WriteString("rid", room.Id);
        writer.WriteString("t", "l");
        writer.WriteString("name", room.Visitor.Username);
        writer.WriteString("fname", room.DisplayName);
        writer.WriteStartObject("u");
        writer.WriteString("_id", userId);
        if (agent is not null)
        {
            writer.WriteString("username", agent.Username);
            writer.WriteString("name", agent.Name);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("v");
        writer.WriteString("_id", room.Visitor.Id);
        writer.WriteString("username", room.Visitor.Username);
        writer.WriteString("token", room.Visitor.Token);
        writer.WriteString("status", room.Visitor.Status.Value);
        writer.WriteEndObject();
        writer.WriteStringIfSet("department", room.DepartmentId);
        writer.WriteBoolean("open", room.IsOpen);
        writer.WriteBoolean("onHold", room.IsOnHold);
        writer.WritePropertyName("ts");
        Ejson.WriteDate(writer, room.CreatedAt);
        writer.WritePropertyName("_updatedAt");
        Ejson.WriteDate(writer, room.UpdatedAt);
        writer.WriteEndObject();
    }
}
