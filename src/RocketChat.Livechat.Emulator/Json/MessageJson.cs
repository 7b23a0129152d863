using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>Writes a message as Rocket.Chat's <c>IMessage</c> document.</summary>
internal static class MessageJson
{
    public static void Write(Utf8JsonWriter writer, MessageRecord message)
    {
        writer.WriteStartObject();
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
        }
        else
        {
            writer.WriteEmptyArray("urls");
            writer.WriteEmptyArray("mentions");
            writer.WriteEmptyArray("channels");
            WriteMarkdown(writer, message.Text);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// The parsed body (<c>md</c>) of plain text as the message parser produces it: one paragraph of plain text
    /// per line. Markdown syntax is not interpreted.
    /// </summary>
    private static void WriteMarkdown(Utf8JsonWriter writer, string text)
    {
        writer.WriteStartArray("md");
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
