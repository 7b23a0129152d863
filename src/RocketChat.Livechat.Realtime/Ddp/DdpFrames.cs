using System.Text.Json;

namespace RocketChat.Livechat.Realtime.Ddp;

/// <summary>The client-to-server DDP messages, written compactly (no indentation: frames go over the wire as they are).</summary>
internal static class DdpFrames
{
    public static void Connect(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("msg", "connect");
        writer.WriteString("version", DdpConnection.SupportedVersions[0]);
        writer.WriteStartArray("support");
        foreach (string version in DdpConnection.SupportedVersions)
        {
            writer.WriteStringValue(version);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void Ping(Utf8JsonWriter writer, string id)
    {
        writer.WriteStartObject();
        writer.WriteString("msg", "ping");
        writer.WriteString("id", id);
        writer.WriteEndObject();
    }

    /// <summary>A pong echoes the ping's id, and has none when the ping had none (as Meteor answers).</summary>
    public static void Pong(Utf8JsonWriter writer, string? id)
    {
        writer.WriteStartObject();
        writer.WriteString("msg", "pong");
        if (id is not null)
        {
            writer.WriteString("id", id);
        }

        writer.WriteEndObject();
    }

    public static void Method(Utf8JsonWriter writer, string id, string method, Action<Utf8JsonWriter> writeParams)
    {
        writer.WriteStartObject();
        writer.WriteString("msg", "method");
        writer.WriteString("id", id);
        writer.WriteString("method", method);
        writer.WriteStartArray("params");
        writeParams(writer);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void Subscribe(Utf8JsonWriter writer, string id, string name, Action<Utf8JsonWriter> writeParams)
    {
        writer.WriteStartObject();
        writer.WriteString("msg", "sub");
        writer.WriteString("id", id);
        writer.WriteString("name", name);
        writer.WriteStartArray("params");
        writeParams(writer);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void Unsubscribe(Utf8JsonWriter writer, string id)
    {
        writer.WriteStartObject();
        writer.WriteString("msg", "unsub");
        writer.WriteString("id", id);
        writer.WriteEndObject();
    }

    /// <summary>
    /// A stream subscription's params: <c>[eventName, {"useCollection":false,"args":[extraData]}]</c>, with the
    /// visitor's token under both names the server's rules read (<c>token</c> and <c>visitorToken</c>).
    /// </summary>
    public static Action<Utf8JsonWriter> StreamParams(string eventName, string? visitorToken) => writer =>
    {
        writer.WriteStringValue(eventName);
        writer.WriteStartObject();
        writer.WriteBoolean("useCollection", false);
        writer.WriteStartArray("args");
        if (visitorToken is not null)
        {
            writer.WriteStartObject();
            writer.WriteString("token", visitorToken);
            writer.WriteString("visitorToken", visitorToken);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    };
}
