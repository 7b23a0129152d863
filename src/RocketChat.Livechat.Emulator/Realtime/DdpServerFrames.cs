using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RocketChat.Livechat.Emulator.Realtime;

/// <summary>The server-to-client DDP messages, serialised once into the bytes every listening session sends.</summary>
internal static class DdpServerFrames
{
    /// <summary>Escapes only what JSON requires, as JavaScript's JSON.stringify does (quotes and apostrophes stay as they are).</summary>
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>ddp-streamer's greeting on open; a message without <c>msg</c> that clients ignore.</summary>
    public static byte[] ServerId() => Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("server_id", "0");
        writer.WriteEndObject();
    });

    public static byte[] Connected(string session) => Simple("connected", "session", session);

    public static byte[] Failed(string version) => Simple("failed", "version", version);

    public static byte[] Ping() => Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("msg", "ping");
        writer.WriteEndObject();
    });

    public static byte[] Pong(string? id) => Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("msg", "pong");
        if (id is not null)
        {
            writer.WriteString("id", id);
        }

        writer.WriteEndObject();
    });

    public static byte[] Ready(string subscriptionId) => Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("msg", "ready");
        writer.WriteStartArray("subs");
        writer.WriteStringValue(subscriptionId);
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static byte[] NoSub(string subscriptionId, MeteorError? error) => Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("msg", "nosub");
        writer.WriteString("id", subscriptionId);
        if (error is not null)
        {
            writer.WritePropertyName("error");
            error.Write(writer);
        }

        writer.WriteEndObject();
    });

    /// <summary>A method's answer: <c>result</c> left out when there is none, as Meteor does for undefined.</summary>
    public static byte[] Result(string id, Action<Utf8JsonWriter>? writeResult) => Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("msg", "result");
        writer.WriteString("id", id);
        if (writeResult is not null)
        {
            writer.WritePropertyName("result");
            writeResult(writer);
        }

        writer.WriteEndObject();
    });

    public static byte[] ResultError(string id, MeteorError error) => Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("msg", "result");
        writer.WriteString("id", id);
        writer.WritePropertyName("error");
        error.Write(writer);
        writer.WriteEndObject();
    });

    public static byte[] Updated(string id) => Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("msg", "updated");
        writer.WriteStartArray("methods");
        writer.WriteStringValue(id);
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static byte[] Error(string reason) => Simple("error", "reason", reason);

    /// <summary>A stream event: <c>changed</c> on <c>stream-&lt;name&gt;</c>, id <c>"id"</c>, fields <c>{eventName, args}</c>.</summary>
    public static byte[] Changed(string stream, string eventName, Action<Utf8JsonWriter> writeArgs) => Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("msg", "changed");
        writer.WriteString("collection", stream);
        writer.WriteString("id", "id");
        writer.WriteStartObject("fields");
        writer.WriteString("eventName", eventName);
        writer.WriteStartArray("args");
        writeArgs(writer);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static byte[] Simple(string msg, string name, string value) => Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("msg", msg);
        writer.WriteString(name, value);
        writer.WriteEndObject();
    });
}
