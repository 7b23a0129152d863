using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>
/// A visitor reading, editing and deleting its own messages (GET/PUT/DELETE livechat/message/:_id). Edits and
/// deletions are announced on <see cref="EmulatorState.Events"/>, which the streams carry to the room.
/// </summary>
internal sealed class VisitorMessageService(EmulatorState state)
{
    private static readonly KeyValuePair<string, string> s_updateMethod = ApiErrors.Detail("method", "livechatUpdateMessage");
    private static readonly KeyValuePair<string, string> s_deleteMethod = ApiErrors.Detail("method", "livechatDeleteMessage");

    /// <summary>The message if it is in the visitor's room (Messages.findOneByRoomIdAndMessageId).</summary>
    public MessageRecord Get(string token, string roomId, string messageId)
    {
        lock (state.Gate)
        {
            CheckVisitorAndRoom(token, roomId);
            return state.Messages.GetValueOrDefault(roomId, []).Find(message => message.Id == messageId)
                ?? throw ApiErrors.Plain("invalid-message");
        }
    }

    /// <summary>Livechat.updateMessage: only the visitor's own message; records editedAt/editedBy and a new _updatedAt.</summary>
    public MessageRecord Update(string token, string roomId, string messageId, string text)
    {
        lock (state.Gate)
        {
            VisitorRecord visitor = CheckVisitorAndRoom(token, roomId);
            (List<MessageRecord> list, int index) = FindAnywhere(messageId);
            MessageRecord message = list[index];
            if (message.Sender.Id != visitor.Id)
            {
                throw ApiErrors.Meteor("error-action-not-allowed", "Message editing not allowed", s_updateMethod);
            }

            DateTimeOffset now = state.Now;
            MessageRecord edited = message with
            {
                Text = text,
                UpdatedAt = now,
                EditedAt = now,
                EditedBy = new MessageSender(visitor.Id, visitor.Username, visitor.Name),
            };
            list[index] = edited;
            if (state.Rooms.TryGetValue(message.RoomId, out RoomRecord? room) && room.LastMessage?.Id == messageId)
            {
                state.Rooms[room.Id] = room with { LastMessage = edited };
            }

            state.Events.MessageSaved(edited);
            return edited;
        }
    }

    /// <summary>Livechat.deleteMessage: only the visitor's own message; returns when it was deleted.</summary>
    public DateTimeOffset Delete(string token, string roomId, string messageId)
    {
        lock (state.Gate)
        {
            VisitorRecord visitor = CheckVisitorAndRoom(token, roomId);
            (List<MessageRecord> list, int index) = FindAnywhere(messageId);
            MessageRecord message = list[index];
            if (message.Sender.Id != visitor.Id)
            {
                throw ApiErrors.Meteor("error-action-not-allowed", "Message deleting not allowed", s_deleteMethod);
            }

            list.RemoveAt(index);
            state.MessageIds.Remove(messageId);
            state.Events.MessageDeleted(message);
            return state.Now;
        }
    }

    private VisitorRecord CheckVisitorAndRoom(string token, string roomId)
    {
        VisitorRecord visitor = state.FindVisitorByToken(token) ?? throw ApiErrors.Plain("invalid-token");
        _ = state.FindRoomOfVisitor(roomId, token) ?? throw ApiErrors.Plain("invalid-room");
        return visitor;
    }

    /// <summary>Messages.findOneById: the route looks the id up in every room, then the ownership check decides.</summary>
    private (List<MessageRecord> List, int Index) FindAnywhere(string messageId)
    {
        foreach (List<MessageRecord> list in state.Messages.Values)
        {
            int index = list.FindIndex(message => message.Id == messageId);
            if (index >= 0)
            {
                return (list, index);
            }
        }

        throw ApiErrors.Plain("invalid-message");
    }
}
