using System.Collections.Concurrent;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Settings;
using RocketChat.Livechat.Emulator.State;
using RocketChat.Livechat.Webhooks;

namespace RocketChat.Livechat.Emulator.Webhooks;

/// <summary>
/// The services' one hook into webhooks: each method is called inside the state lock right after the change it
/// reports, checks Livechat_webhookUrl and the event's switch, snapshots the body, and hands it to the sender.
/// A 200 answer's body becomes the room's crmData for later events (sendToCRM's saveCRMDataByRoomId).
/// </summary>
internal sealed class WebhookDispatcher(EmulatorState state, WebhookSender sender)
{
    private readonly ConcurrentDictionary<string, string> _crmData = new(StringComparer.Ordinal);

    public WebhookSender Sender => sender;

    public void SessionStarted(RoomRecord room) =>
        RoomEvent(WebhookSettings.OnStart, "LivechatSessionStart", room, (type, guest) => WebhookPayloadWriter.Serialize(
            new LivechatSessionStartPayload
            {
                Type = type,
                Id = room.Id,
                Label = room.DisplayName,
                Topic = room.Topic,
                CreatedAt = room.CreatedAt,
                LastMessageAt = room.LastMessageAt,
                Tags = Tags(room),
                Visitor = guest.Visitor,
                Agent = guest.Agent,
                CrmData = guest.CrmData,
                Messages = guest.Messages,
                DepartmentId = room.DepartmentId,
            },
            LivechatWebhooksJsonContext.Default.LivechatSessionStartPayload));

    public void SessionQueued(RoomRecord room) =>
        RoomEvent(WebhookSettings.OnChatQueued, "LivechatSessionQueued", room, (type, guest) => WebhookPayloadWriter.Serialize(
            new LivechatSessionQueuedPayload
            {
                Type = type,
                Id = room.Id,
                Label = room.DisplayName,
                Topic = room.Topic,
                CreatedAt = room.CreatedAt,
                LastMessageAt = room.LastMessageAt,
                Tags = Tags(room),
                Visitor = guest.Visitor,
                Agent = guest.Agent,
                CrmData = guest.CrmData,
                Messages = guest.Messages,
                DepartmentId = room.DepartmentId,
            },
            LivechatWebhooksJsonContext.Default.LivechatSessionQueuedPayload));

    public void SessionTaken(RoomRecord room) =>
        RoomEvent(WebhookSettings.OnChatTaken, "LivechatSessionTaken", room, (type, guest) => WebhookPayloadWriter.Serialize(
            new LivechatSessionTakenPayload
            {
                Type = type,
                Id = room.Id,
                Label = room.DisplayName,
                Topic = room.Topic,
                CreatedAt = room.CreatedAt,
                LastMessageAt = room.LastMessageAt,
                Tags = Tags(room),
                Visitor = guest.Visitor,
                Agent = guest.Agent,
                CrmData = guest.CrmData,
                Messages = guest.Messages,
                DepartmentId = room.DepartmentId,
                ServedBy = WebhookPayloadWriter.ServedBy(room.ServedBy),
            },
            LivechatWebhooksJsonContext.Default.LivechatSessionTakenPayload));

    /// <summary>
    /// LivechatSessionForwarded. The server's forward-to-agent caller passes the transferring user as servedBy and the
    /// target as oldServedBy, but servedBy is then re-read from the room (the new agent); oldServedBy here is the agent
    /// who served the room before, the reading the receiver's documentation gives.
    /// </summary>
    public void SessionForwarded(RoomRecord room, AgentReference? oldServedBy, string? oldDepartmentId) =>
        RoomEvent(WebhookSettings.OnForward, "LivechatSessionForwarded", room, (type, guest) => WebhookPayloadWriter.Serialize(
            new LivechatSessionForwardedPayload
            {
                Type = type,
                Id = room.Id,
                Label = room.DisplayName,
                Topic = room.Topic,
                CreatedAt = room.CreatedAt,
                LastMessageAt = room.LastMessageAt,
                Tags = Tags(room),
                Visitor = guest.Visitor,
                Agent = guest.Agent,
                CrmData = guest.CrmData,
                Messages = guest.Messages,
                DepartmentId = room.DepartmentId,
                ServedBy = WebhookPayloadWriter.ServedBy(room.ServedBy),
                OldDepartmentId = oldDepartmentId,
                OldServedBy = WebhookPayloadWriter.ServedBy(oldServedBy),
            },
            LivechatWebhooksJsonContext.Default.LivechatSessionForwardedPayload));

    public void SessionClosed(RoomRecord room) =>
        RoomEvent(WebhookSettings.OnClose, "LivechatSession", room, (type, guest) => WebhookPayloadWriter.Serialize(
            new LivechatSessionPayload
            {
                Type = type,
                Id = room.Id,
                Label = room.DisplayName,
                Topic = room.Topic,
                CreatedAt = room.CreatedAt,
                LastMessageAt = room.LastMessageAt,
                Tags = Tags(room),
                Visitor = guest.Visitor,
                Agent = guest.Agent,
                CrmData = guest.CrmData,
                Messages = guest.Messages,
                DepartmentId = room.DepartmentId,
                ServedBy = WebhookPayloadWriter.ServedBy(room.ServedBy),
                ClosedAt = room.ClosedAt,
                ClosedBy = room.ClosedBy is { } closedBy ? new LivechatWebhookClosedBy { Id = closedBy.Id, Username = closedBy.Username } : null,
                Closer = room.Closer?.Value,
            },
            LivechatWebhooksJsonContext.Default.LivechatSessionPayload));

    /// <summary>
    /// A saved message: Message (visitor or agent switch) for chat messages and the closing message; for a visitor's
    /// chat message also the lead capture, which updates the visitor whether or not its webhook is on.
    /// </summary>
    public void MessageSaved(RoomRecord room, MessageRecord message)
    {
        if (!WebhookPayloadWriter.IsSentToCrm(state, message))
        {
            return;
        }

        bool fromVisitor = message.Token is not null;
        string messageSwitch = fromVisitor ? WebhookSettings.OnVisitorMessage : WebhookSettings.OnAgentMessage;
        RoomEvent(messageSwitch, "Message", room, RoomPayload, onlyMessage: [message]);
        if (fromVisitor && message.Type is null)
        {
            LeadCapture.Apply(state, room.Visitor.Id, message.Text);
            RoomEvent(WebhookSettings.OnCapture, "LeadCapture", room, RoomPayload, onlyMessage: []);
        }
    }

    /// <summary>
    /// LivechatEdit (the saveInfo hook): sent with the saved room, only when the room is closed, and with no switch of
    /// its own, only Livechat_webhookUrl.
    /// </summary>
    public void RoomInfoSaved(RoomRecord room)
    {
        if (room.IsOpen || string.IsNullOrEmpty(state.Settings.GetString(WebhookSettings.WebhookUrl)))
        {
            return;
        }

        string roomId = room.Id;
        byte[] body = RoomPayload("LivechatEdit", WebhookPayloadWriter.Guest(state, room, _crmData.GetValueOrDefault(roomId), onlyMessage: null));
        sender.Send("LivechatEdit", roomId, body, crmData => _crmData[roomId] = crmData);
    }

    /// <summary>
    /// LivechatOfflineMessage (the offlineMessage hook): no room and no guest info, only the form's fields, and no
    /// crmData is kept from the answer.
    /// </summary>
    public void OfflineMessageSent(string name, string email, string message)
    {
        if (string.IsNullOrEmpty(state.Settings.GetString(WebhookSettings.WebhookUrl)) || !state.Settings.GetBoolean(WebhookSettings.OnOfflineMessage))
        {
            return;
        }

        const string Type = "LivechatOfflineMessage";
        var payload = new LivechatOfflineMessagePayload
        {
            Type = Type,
            SentAt = state.Now,
            Visitor = new LivechatOfflineVisitor { Name = name, Email = email },
            Message = message,
        };
        byte[] body = WebhookPayloadWriter.Serialize(payload, LivechatWebhooksJsonContext.Default.LivechatOfflineMessagePayload);
        sender.Send(Type, roomId: null, body, onDelivered: null);
    }

    private void RoomEvent(string switchId, string type, RoomRecord room, Func<string, GuestInfo, byte[]> build, IReadOnlyList<MessageRecord>? onlyMessage = null)
    {
        if (string.IsNullOrEmpty(state.Settings.GetString(WebhookSettings.WebhookUrl)) || !state.Settings.GetBoolean(switchId))
        {
            return;
        }

        string roomId = room.Id;
        byte[] body = build(type, WebhookPayloadWriter.Guest(state, room, _crmData.GetValueOrDefault(roomId), onlyMessage));
        sender.Send(type, roomId, body, crmData => _crmData[roomId] = crmData);
    }

    /// <summary>Message, LeadCapture and LivechatEdit: the guest info and messages with no extra keys.</summary>
    private static byte[] RoomPayload(string type, GuestInfo guest) => WebhookPayloadWriter.Serialize(
        new LivechatWebhookRoomPayload
        {
            Type = type,
            Id = guest.Room.Id,
            Label = guest.Room.DisplayName,
            Topic = guest.Room.Topic,
            CreatedAt = guest.Room.CreatedAt,
            LastMessageAt = guest.Room.LastMessageAt,
            Tags = Tags(guest.Room),
            Visitor = guest.Visitor,
            Agent = guest.Agent,
            CrmData = guest.CrmData,
            Messages = guest.Messages,
        },
        LivechatWebhooksJsonContext.Default.LivechatWebhookRoomPayload);

    private static IReadOnlyList<string>? Tags(RoomRecord room) => room.Tags.IsEmpty ? null : room.Tags;
}
