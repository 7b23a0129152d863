using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>Writes a message as Rocket.Chat's <c>IMessage</c> document.</summary>
internal static class MessageJson
{
    public static void Write(Utf8JsonWriter writer, MessageRecord message)
    {
        writer.WriteStartObject();
        WriteProperties(writer, message);
        writer.WriteEndObject();
    }

    /// <summary>The message's fields into an object the caller has opened (upload answers with them at the top level).</summary>
    public static void WriteProperties(Utf8JsonWriter writer, MessageRecord message)
    {
        writer.WriteString("_id", message.Id);
        writer.WriteStringIfSet("t", message.Type);
        writer.WriteString("rid", message.RoomId);
        writer.WriteString("msg", message.Text);
        writer.WriteStringIfSet("token", message.Token);
        writer.WriteStringIfSet("alias", message.Alias);
        writer.WriteDate("ts", message.Timestamp);
        writer.WriteStartObject("u");
        writer.WriteString("_id", message.Sender.Id);
        writer.WriteString("username", message.Sender.Username);
        writer.WriteStringIfSet("name", message.Sender.Name);
        writer.WriteEndObject();
        writer.WriteDate("_updatedAt", message.UpdatedAt ?? message.Timestamp);
        if (message.EditedAt is { } editedAt && message.EditedBy is { } editedBy)
        {
            writer.WriteDate("editedAt", editedAt);
            writer.WriteStartObject("editedBy");
            writer.WriteString("_id", editedBy.Id);
            writer.WriteString("username", editedBy.Username);
            writer.WriteEndObject();
        }

        if (message.IsSystemMessage)
        {
            writer.WriteBoolean("groupable", false);
            if (message.Transfer is { } transfer)
            {
                WriteTransfer(writer, transfer);
            }

            if (message.Navigation is { } navigation)
            {
                WriteNavigation(writer, navigation);
            }

            if (message.TranscriptRequestedBy is { } visitor)
            {
                // sendTranscript: a visitor's own request names rocket.cat as the user and 'visitor' as the type.
                writer.WriteStartObject("requestData");
                writer.WriteString("type", "visitor");
                VisitorJson.WriteSummary(writer, "visitor", visitor);
                writer.WriteStartObject("user");
                writer.WriteString("_id", message.Sender.Id);
                writer.WriteString("username", message.Sender.Username);
                writer.WriteStringIfSet("name", message.Sender.Name);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
        }
        else
        {
            writer.WriteEmptyArray("urls");
            writer.WriteEmptyArray("mentions");
            writer.WriteEmptyArray("channels");
            if (message.File is null || message.Text.Length > 0)
            {
                WriteMarkdown(writer, "md", message.Text);
            }

            if (message.File is { } file)
            {
                WriteFile(writer, file);
            }
        }
    }

    /// <summary>
    /// <c>file</c>, <c>files</c> and one attachment, as sendFileLivechatMessage and parseFileIntoMessageAttachments
    /// build them. Images, audio and video carry their URL, type and size; other files their format and size. The
    /// emulator computes no image dimensions or preview (the server does when it can read the image).
    /// </summary>
    private static void WriteFile(Utf8JsonWriter writer, FileRecord file)
    {
        writer.WritePropertyName("file");
        WriteFileSummary(writer, file);
        writer.WriteStartArray("files");
        WriteFileSummary(writer, file);
        writer.WriteEndArray();

        writer.WriteStartArray("attachments");
        writer.WriteStartObject();
        writer.WriteDate("ts", DateTimeOffset.UnixEpoch);
        writer.WriteString("title", file.Name);
        writer.WriteString("title_link", file.Url);
        writer.WriteBoolean("title_link_download", true);
        string? family = file.Type.Split('/')[0] switch
        {
            "image" => "image",
            "audio" => "audio",
            "video" => "video",
            _ => null,
        };
        if (family is null)
        {
            writer.WriteString("format", file.Format);
            writer.WriteNumber("size", file.Size);
        }
        else
        {
            writer.WriteString($"{family}_url", file.Url);
            writer.WriteString($"{family}_type", file.Type);
            writer.WriteNumber($"{family}_size", file.Size);
        }

        writer.WriteString("type", "file");
        if (file.Description is { Length: > 0 } description)
        {
            writer.WriteString("description", description);
            WriteMarkdown(writer, "descriptionMd", description);
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteFileSummary(Utf8JsonWriter writer, FileRecord file)
    {
        writer.WriteStartObject();
        writer.WriteString("_id", file.Id);
        writer.WriteString("name", file.Name);
        writer.WriteString("type", file.Type);
        writer.WriteNumber("size", file.Size);
        writer.WriteString("format", file.Format);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The parsed body (<c>md</c>) of plain text as the message parser produces it: one paragraph of plain text
    /// per line. Markdown syntax is not interpreted.
    /// </summary>
    private static void WriteMarkdown(Utf8JsonWriter writer, string property, string text)
    {
        writer.WriteStartArray(property);
        foreach (string line in text.Split('\n'))
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

        writer.WriteEndArray();
    }

    /// <summary>The <c>navigation: {page: {change, title, location: {href}}, token}</c> of a page.visited entry.</summary>
    public static void WriteNavigation(Utf8JsonWriter writer, NavigationRecord navigation)
    {
        writer.WriteStartObject("navigation");
        writer.WriteStartObject("page");
        writer.WriteString("change", navigation.Change);
        writer.WriteString("title", navigation.Title);
        writer.WriteStartObject("location");
        writer.WriteString("href", navigation.Href);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("token", navigation.Token);
        writer.WriteEndObject();
    }

    private static void WriteTransfer(Utf8JsonWriter writer, TransferRecord transfer)
    {
        writer.WriteStartObject("transferData");
        writer.WriteStartObject("transferredBy");
        writer.WriteString("_id", transfer.TransferredBy.Id);
        writer.WriteString("username", transfer.TransferredBy.Username);
        writer.WriteStringIfSet("name", transfer.TransferredBy.Name);
        writer.WriteString("type", transfer.TransferredByType);
        writer.WriteEndObject();
        writer.WriteDate("ts", transfer.Timestamp);
        writer.WriteString("scope", transfer.Scope);
        writer.WriteStringIfSet("comment", transfer.Comment);
        if (transfer.TransferredTo is { } target)
        {
            writer.WriteStartObject("transferredTo");
            writer.WriteString("_id", target.Id);
            writer.WriteString("username", target.Username);
            writer.WriteStringIfSet("name", target.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
