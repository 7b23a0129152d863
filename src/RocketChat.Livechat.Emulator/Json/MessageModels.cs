using System.Buffers;
using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>A message as Rocket.Chat's <c>IMessage</c> document, in the contract's <see cref="Message"/>.</summary>
internal static class MessageModels
{
    public static Message ToModel(MessageRecord message)
    {
        bool system = message.IsSystemMessage;
        FileRecord? file = system ? null : message.File;
        MessageSender? editor = message.EditedAt is null ? null : message.EditedBy;
        return new Message
        {
            Id = message.Id,
            RoomId = message.RoomId,
            Text = message.Text,
            Type = message.Type,
            Timestamp = message.Timestamp,
            UpdatedAt = message.UpdatedAt ?? message.Timestamp,
            User = User(message.Sender),
            Alias = message.Alias,
            Token = message.Token,
            IsGroupable = system ? false : null,
            // An edit is shown only with both its time and its author.
            EditedAt = editor is null ? null : message.EditedAt,
            EditedBy = editor is null ? null : new MessageUser { Id = editor.Id, Username = editor.Username },
            MarkdownTokens = system || (file is not null && message.Text.Length == 0) ? null : Markdown(message.Text),
            Urls = system ? null : [],
            Mentions = system ? null : [],
            Channels = system ? null : [],
            Attachments = file is null ? null : [Attachment(file)],
            File = file is null ? null : File(file),
            Files = file is null ? null : [File(file)],
            TransferData = system && message.Transfer is { } transfer ? Transfer(transfer) : null,
            Navigation = system && message.Navigation is { } navigation ? Navigation(navigation) : null,
            RequestData = system && message.TranscriptRequestedBy is { } visitor
                // sendTranscript: a visitor's own request names rocket.cat as the user and 'visitor' as the type.
                ? new MessageRequestData { Type = "visitor", Visitor = VisitorModels.RoomSummary(visitor), User = User(message.Sender) }
                : null,
        };
    }

    /// <summary>The <c>navigation: {page: {change, title, location: {href}}, token}</c> of a page.visited entry.</summary>
    public static VisitorNavigation Navigation(NavigationRecord navigation) => new()
    {
        Page = new VisitorPageInfo { Change = navigation.Change, Title = navigation.Title, Location = new VisitorPageLocation { Href = navigation.Href } },
        Token = navigation.Token,
    };

    private static MessageUser User(MessageSender sender) => new() { Id = sender.Id, Username = sender.Username, Name = sender.Name };

    private static MessageTransferData Transfer(TransferRecord transfer) => new()
    {
        TransferredBy = new MessageTransferUser
        {
            Id = transfer.TransferredBy.Id,
            Username = transfer.TransferredBy.Username,
            Name = transfer.TransferredBy.Name,
            Type = transfer.TransferredByType,
        },
        Timestamp = transfer.Timestamp,
        Scope = transfer.Scope,
        Comment = transfer.Comment,
        TransferredTo = transfer.TransferredTo is { } target ? User(target) : null,
    };

    private static MessageFile File(FileRecord file) => new() { Id = file.Id, Name = file.Name, Type = file.Type, Size = file.Size, Format = file.Format };

    /// <summary>
    /// The one attachment of sendFileLivechatMessage and parseFileIntoMessageAttachments. Images, audio and video carry
    /// their URL, type and size; other files their format and size. The emulator computes no image dimensions or
    /// preview (the server does when it can read the image).
    /// </summary>
    private static MessageAttachment Attachment(FileRecord file)
    {
        string family = file.Type.Split('/')[0];
        string? description = file.Description is { Length: > 0 } text ? text : null;
        return new MessageAttachment
        {
            Ts = DateTimeOffset.UnixEpoch,
            Title = file.Name,
            TitleLink = file.Url,
            TitleLinkDownload = true,
            Type = "file",
            Description = description,
            DescriptionMarkdownTokens = description is null ? null : Markdown(description),
            Format = family is "image" or "audio" or "video" ? null : file.Format,
            Size = family is "image" or "audio" or "video" ? null : file.Size,
            ImageUrl = family == "image" ? file.Url : null,
            ImageType = family == "image" ? file.Type : null,
            ImageSize = family == "image" ? file.Size : null,
            AudioUrl = family == "audio" ? file.Url : null,
            AudioType = family == "audio" ? file.Type : null,
            AudioSize = family == "audio" ? file.Size : null,
            VideoUrl = family == "video" ? file.Url : null,
            VideoType = family == "video" ? file.Type : null,
            VideoSize = family == "video" ? file.Size : null,
        };
    }

    /// <summary>
    /// The parsed body (<c>md</c>) of plain text as the message parser produces it: one paragraph of plain text per
    /// line, an empty line a line break. Markdown syntax is not interpreted. The contract leaves these tokens free-form.
    /// </summary>
    private static JsonElement[] Markdown(string text) => [.. text.Split('\n').Select(MarkdownLine)];

    private static JsonElement MarkdownLine(string line)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (line.Length == 0)
            {
                writer.WriteString("type", "LINE_BREAK");
                writer.WriteNull("value");
            }
            else
            {
                writer.WriteString("type", "PARAGRAPH");
                writer.WriteStartArray("value");
                writer.WriteStartObject();
                writer.WriteString("type", "PLAIN_TEXT");
                writer.WriteString("value", line);
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }
}
