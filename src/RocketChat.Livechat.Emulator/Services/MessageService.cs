using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Events;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Settings;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>The visitor's side of a conversation: sending messages and reading the room history.</summary>
internal sealed class MessageService(EmulatorState state)
{
    /// <summary>loadMessageHistory's default page size.</summary>
    public const int DefaultHistoryLimit = 20;

    /// <summary>POST livechat/message: appends a visitor message to its open room.</summary>
    public MessageRecord Send(string token, string roomId, string text, string? messageId)
    {
        lock (state.Gate)
        {
            VisitorRecord visitor = state.FindVisitorByToken(token) ?? throw ApiErrors.Plain("invalid-token");
            RoomRecord room = state.FindRoomOfVisitor(roomId, token) ?? throw ApiErrors.Plain("invalid-room");
            if (!room.IsOpen)
            {
                throw ApiErrors.Plain("room-closed");
            }

            if (state.Settings.LivechatMessageCharacterLimit() is { } characterLimit && text.Length > characterLimit)
            {
                throw ApiErrors.Plain("message-length-exceeds-character-limit");
            }

            EnsureAllowedSize(text);

            // What MongoDB's unique _id index answers, passed through by the route's failure().
            string id = NewMessageId(messageId, taken => ApiErrors.Plain($"E11000 duplicate key error collection: rocketchat.rocketchat_message index: _id_ dup key: {{ _id: \"{taken}\" }}"));

            var message = new MessageRecord
            {
                Id = id,
                RoomId = roomId,
                Text = text,
                Timestamp = state.Now,
                Sender = new MessageSender(visitor.Id, visitor.Username, visitor.Name),
                Alias = visitor.Name,
                Token = visitor.Token,
            };
            AppendVisitorMessage(room, message);
            return message;
        }
    }

    /// <summary>
    /// POST livechat/upload/:rid, in upload.ts's order: the visitor token and the open room of that visitor (403
    /// otherwise), then the multipart form (one file, in the field <c>file</c>, within FileUpload_MaxFileSize), then
    /// the media type; the file message carries <c>file</c>, <c>files</c> and an attachment, its text is <c>msg</c>.
    /// </summary>
    public MessageRecord SendFile(string visitorToken, string roomId, Func<UploadForm> readForm)
    {
        lock (state.Gate)
        {
            if (string.IsNullOrEmpty(visitorToken) || state.FindVisitorByToken(visitorToken) is not { } visitor
                || state.FindRoomOfVisitor(roomId, visitorToken) is not { IsOpen: true } room)
            {
                throw ApiErrors.Forbidden();
            }

            UploadForm form = readForm();
            UploadedFile file = form.File ?? throw ApiErrors.Meteor("No file uploaded");
            if (file.FieldName != "file")
            {
                throw ApiErrors.Meteor("invalid-field");
            }

            long limit = state.Options.MaxFileSize == 0 ? 104_857_600 : state.Options.MaxFileSize;
            if (limit > -1 && file.Length > limit)
            {
                throw ApiErrors.Meteor("error-file-too-large");
            }

            if (!MediaTypeFilter.Allows(file.ContentType, state.Options.MediaTypeWhiteList, state.Options.MediaTypeBlackList))
            {
                throw new ApiException(new ApiError(400) { Reason = "error-type-not-allowed" });
            }

            var record = new FileRecord(MeteorIds.NewId(), file.FileName, file.ContentType, file.Length, form.Fields.GetValueOrDefault("description"));
            var message = new MessageRecord
            {
                Id = MeteorIds.NewId(),
                RoomId = roomId,
                Text = form.Fields.GetValueOrDefault("msg") ?? string.Empty,
                Timestamp = state.Now,
                Sender = new MessageSender(visitor.Id, visitor.Username, visitor.Name),
                Alias = visitor.Name,
                Token = visitor.Token,
                File = record,
            };
            AppendVisitorMessage(room, message);
            return message;
        }
    }

    /// <summary>
    /// POST chat.sendMessage by an agent: only the agent serving the open livechat room may post in it
    /// (what canSendMessage answers for an agent who has not joined).
    /// </summary>
    public MessageRecord SendAsAgent(UserRecord agent, string roomId, string text, string? messageId)
    {
        lock (state.Gate)
        {
            EnsureAllowedSize(text);
            if (!state.Rooms.TryGetValue(roomId, out RoomRecord? room))
            {
                throw ApiErrors.Meteor("error-invalid-room", "Invalid room");
            }

            if (!room.IsOpen || room.ServedBy?.AgentId != agent.Id)
            {
                throw ApiErrors.Meteor("error-not-allowed", "Not allowed");
            }

            string id = NewMessageId(messageId, _ => ApiErrors.Meteor("error-duplicate-id", "Message id already exists"));

            DateTimeOffset now = state.Now;
            var message = new MessageRecord
            {
                Id = id,
                RoomId = roomId,
                Text = text,
                Timestamp = now,
                Sender = new MessageSender(agent.Id, agent.Username, agent.Name),
            };
            state.AddMessage(message);
            state.Rooms[roomId] = room with
            {
                MessageCount = room.MessageCount + 1,
                LastMessageAt = now,
                LastMessage = message,
                WaitingResponse = false,
                UpdatedAt = now,
            };
            state.Webhooks.MessageSaved(state.Rooms[roomId], message);
            return message;
        }
    }

    /// <summary>
    /// GET livechat/messages.history/:rid: newest first, skipping <paramref name="offset"/>, at most
    /// <paramref name="limit"/> (0 for all), and only messages strictly before <paramref name="end"/> when given.
    /// The room may be closed. (<c>ls</c> only feeds the unread count, which this route does not return.)
    /// </summary>
    public IReadOnlyList<MessageRecord> History(string token, string roomId, int limit, int offset, DateTimeOffset? end)
    {
        lock (state.Gate)
        {
            _ = state.FindVisitorByToken(token) ?? throw ApiErrors.Plain("invalid-token");
            _ = state.FindRoomOfVisitor(roomId, token) ?? throw ApiErrors.Plain("invalid-room");
            IEnumerable<MessageRecord> newestFirst = state.Messages.GetValueOrDefault(roomId, []).AsEnumerable().Reverse();
            if (end is { } before)
            {
                newestFirst = newestFirst.Where(message => message.Timestamp < before);
            }

            newestFirst = newestFirst.Skip(offset);
            return (limit == 0 ? newestFirst : newestFirst.Take(Math.Abs(limit))).ToList();
        }
    }

    /// <summary>Stores a visitor's message, updates its room and inquiry as sendMessageLivechat does, and tells the webhooks.</summary>
    private void AppendVisitorMessage(RoomRecord room, MessageRecord message)
    {
        DateTimeOffset now = message.Timestamp;
        string roomId = message.RoomId;
        state.AddMessage(message);
        state.Rooms[roomId] = room with
        {
            MessageCount = room.MessageCount + 1,
            LastMessageAt = now,
            LastMessage = message,
            VisitorLastMessageAt = now,
            WaitingResponse = true,
            UpdatedAt = now,
        };
        if (state.FindInquiryByRoom(roomId) is { } inquiry)
        {
            InquiryRecord updated = state.Inquiries[inquiry.Id] = inquiry with
            {
                LastMessage = message,
                Message = inquiry.Message.Length == 0 ? message.Text : inquiry.Message,
                UpdatedAt = now,
            };
            state.Events.InquiryChanged(updated, InquiryChange.Updated);
        }

        state.Webhooks.MessageSaved(state.Rooms[roomId], message);
    }

    /// <summary>executeSendMessage's check against Message_MaxAllowedSize (the string's length in UTF-16 units).</summary>
    private void EnsureAllowedSize(string text)
    {
        if (text.Length > state.Settings.MessageMaxAllowedSize())
        {
            throw ApiErrors.Meteor("error-message-size-exceeded", "Message size exceeds Message_MaxAllowedSize", ApiErrors.Detail("method", "sendMessage"));
        }
    }

    /// <summary>The client's message id, or a new one; a client id already stored is refused as the route refuses it.</summary>
    private string NewMessageId(string? requested, Func<string, ApiException> duplicate)
    {
        string id = string.IsNullOrEmpty(requested) ? MeteorIds.NewId() : requested;
        return state.MessageIds.Contains(id) ? throw duplicate(id) : id;
    }
}
