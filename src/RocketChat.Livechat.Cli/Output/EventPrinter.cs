using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RocketChat.Livechat.Realtime;

namespace RocketChat.Livechat.Cli.Output;

/// <summary>
/// Prints live events as they arrive: one line per event for people, or one JSON object per line for scripts
/// (--json), the documents written by the generated, reflection-free converters.
/// </summary>
public sealed class EventPrinter(TextWriter output, bool json)
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Print(LivechatRoomEvent roomEvent)
    {
        switch (roomEvent)
        {
            case RoomMessageEvent e:
                Write("message", Describe(e), writer =>
                {
                    writer.WriteString("kind", e.Kind.ToString());
                    writer.WriteBoolean("edit", e.IsEdit);
                    writer.WritePropertyName("message");
                    MessageJsonConverter.WriteValue(writer, e.Message);
                });
                break;
            case MessageDeletedEvent e:
                Write("deleted", $"message {e.MessageId} deleted", writer => writer.WriteString("messageId", e.MessageId));
                break;
            case AgentChangedEvent e:
                Write("agent", e.Agent is { } agent ? $"agent {agent.Name ?? agent.Username}" : e.IsHidden ? "agent (hidden)" : "no agent", writer =>
                {
                    writer.WriteBoolean("hidden", e.IsHidden);
                    writer.WritePropertyName("agent");
                    if (e.Agent is { } value)
                    {
                        LivechatUserJsonConverter.WriteValue(writer, value);
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }
                });
                break;
            case AgentStatusChangedEvent e:
                Write("agentStatus", $"agent is {e.Status}", writer => writer.WriteString("status", e.Status.ToString()));
                break;
            case QueuePositionChangedEvent e:
                Write("queue", $"position {e.Position} in the queue", writer => writer.WriteNumber("position", e.Position));
                break;
            case VisitorChangedEvent e:
                Write("visitor", $"visitor is now {e.Visitor.Name ?? e.Visitor.Username}", writer =>
                {
                    writer.WritePropertyName("visitor");
                    VisitorJsonConverter.WriteValue(writer, e.Visitor);
                });
                break;
            case UserActivityEvent e:
                Write("typing", e.IsTyping ? $"{e.Username} is typing" : $"{e.Username} stopped typing", writer =>
                {
                    writer.WriteString("username", e.Username);
                    writer.WriteBoolean("typing", e.IsTyping);
                });
                break;
            case UnrecognizedRoomEvent e:
                Write("other", $"{e.Stream} {e.EventName}", writer =>
                {
                    writer.WriteString("stream", e.Stream);
                    writer.WriteString("eventName", e.EventName);
                    writer.WritePropertyName("args");
                    e.Args.WriteTo(writer);
                });
                break;
        }
    }

    public void Print(InquiryQueueEvent queueEvent) =>
        Write("inquiry", $"{queueEvent.Change.ToString().ToLowerInvariant()} {queueEvent.Inquiry.Name} (room {queueEvent.Inquiry.RoomId}, {queueEvent.Inquiry.Status})", writer =>
        {
            writer.WriteString("change", queueEvent.Change.ToString());
            writer.WritePropertyName("inquiry");
            InquiryJsonConverter.WriteValue(writer, queueEvent.Inquiry);
        });

    private static string Describe(RoomMessageEvent e) => e.Kind switch
    {
        RoomMessageKind.Chat => $"{e.Message.Alias ?? e.Message.User?.Name ?? e.Message.User?.Username}: {e.Message.Text}{(e.IsEdit ? " (edited)" : string.Empty)}",
        RoomMessageKind.RoomClosed => "(conversation closed)",
        RoomMessageKind.AgentConnected => "(agent connected)",
        RoomMessageKind.UserJoined => $"({e.Message.User?.Name ?? e.Message.User?.Username} joined)",
        RoomMessageKind.UserLeft => $"({e.Message.User?.Name ?? e.Message.User?.Username} left)",
        RoomMessageKind.ChatStarted => "(conversation started)",
        RoomMessageKind.TranscriptPrompt => "(transcript offered)",
        _ => $"({e.Message.Type})",
    };

    private void Write(string kind, string human, Action<Utf8JsonWriter> writeFields)
    {
        if (!json)
        {
            output.WriteLine($"{Printer.Time(DateTimeOffset.UtcNow)}  {kind,-11}  {human}");
            output.Flush();
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("event", kind);
            writeFields(writer);
            writer.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.Flush();
    }
}
