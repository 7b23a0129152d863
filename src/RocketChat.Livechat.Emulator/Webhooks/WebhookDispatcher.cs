using System.Collections.Concurrent;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Settings;
using RocketChat.Livechat.Emulator.State;

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
        RoomEvent(WebhookSettings.OnStart, "LivechatSessionStart", room, writer => writer.WriteStringIfSet("departmentId", room.DepartmentId));

    public void SessionQueued(RoomRecord room) =>
        RoomEvent(WebhookSettings.OnChatQueued, "LivechatSessionQueued", room, writer => writer.WriteStringIfSet("departmentId", room.DepartmentId));

    public void SessionTaken(RoomRecord room) =>
        RoomEvent(WebhookSettings.OnChatTaken, "LivechatSessionTaken", room, writer =>
        {
            writer.WriteStringIfSet("departmentId", room.DepartmentId);
            WebhookPayloadWriter.WriteServedBy(writer, "servedBy", room.ServedBy);
        });

    /// <summary>
    /// LivechatSessionForwarded. The server's forward-to-agent caller passes the transferring user as servedBy and the
    /// target as oldServedBy, but servedBy is then re-read from the room (the new agent); oldServedBy here is the agent
    /// who served the room before, the reading the receiver's documentation gives.
    /// </summary>
    public void SessionForwarded(RoomRecord room, AgentReference? oldServedBy, string? oldDepartmentId) =>
        RoomEvent(WebhookSettings.OnForward, "LivechatSessionForwarded", room, writer =>
        {
            writer.WriteStringIfSet("departmentId", room.DepartmentId);
            WebhookPayloadWriter.WriteServedBy(writer, "servedBy", room.ServedBy);
            writer.WriteStringIfSet("oldDepartmentId", oldDepartmentId);
            WebhookPayloadWriter.WriteServedBy(writer, "oldServedBy", oldServedBy);
        });

    public void SessionClosed(RoomRecord room) =>
        RoomEvent(WebhookSettings.OnClose, "LivechatSession", room, writer =>
        {
            writer.WriteStringIfSet("departmentId", room.DepartmentId);
            WebhookPayloadWriter.WriteServedBy(writer, "servedBy", room.ServedBy);
            writer.WriteDateIfSet("closedAt", room.ClosedAt);
            if (room.ClosedBy is { } closedBy)
            {
                writer.WriteStartObject("closedBy");
                writer.WriteString("_id", closedBy.Id);
                writer.WriteString("username", closedBy.Username);
                writer.WriteEndObject();
            }

            if (room.Closer is { } closer)
            {
                writer.WriteString("closer", closer.Value);
            }
        });

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
        RoomEvent(messageSwitch, "Message", room, writeExtra: null, onlyMessage: [message]);
        if (fromVisitor && message.Type is null)
        {
            LeadCapture.Apply(state, room.Visitor.Id, message.Text);
            RoomEvent(WebhookSettings.OnCapture, "LeadCapture", room, writeExtra: null, onlyMessage: []);
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
        byte[] body = WebhookPayloadWriter.RoomEvent(state, "LivechatEdit", room, _crmData.GetValueOrDefault(roomId), onlyMessage: null, writeExtra: null);
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
        DateTimeOffset sentAt = state.Now;
        byte[] body = WebhookPayloadWriter.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", Type);
            writer.WriteDate("sentAt", sentAt);
            writer.WriteStartObject("visitor");
            writer.WriteString("name", name);
            writer.WriteString("email", email);
            writer.WriteEndObject();
            writer.WriteString("message", message);
            writer.WriteEndObject();
        });
        sender.Send(Type, roomId: null, body, onDelivered: null);
    }

    private void RoomEvent(string switchId, string type, RoomRecord room, Action<System.Text.Json.Utf8JsonWriter>? writeExtra, IReadOnlyList<MessageRecord>? onlyMessage = null)
    {
        if (string.IsNullOrEmpty(state.Settings.GetString(WebhookSettings.WebhookUrl)) || !state.Settings.GetBoolean(switchId))
        {
            return;
        }

        string roomId = room.Id;
        byte[] body = WebhookPayloadWriter.RoomEvent(state, type, room, _crmData.GetValueOrDefault(roomId), onlyMessage, writeExtra);
        sender.Send(type, roomId, body, crmData => _crmData[roomId] = crmData);
    }
}
