using System.Runtime.InteropServices;
using System.Text.Json;

namespace RocketChat.Livechat.Realtime;

/// <summary>
/// Reads stream event arguments into the REST client's models with its generated, reflection-free converters,
/// which already accept EJSON dates (<c>{"$date": ms}</c>). A payload that does not fit throws
/// <see cref="RealtimeProtocolException"/>: never a default value.
/// </summary>
internal static class StreamPayloads
{
    /// <summary>A generated converter's <c>ReadValue</c>.</summary>
    public delegate T ReadValue<T>(ref Utf8JsonReader reader);

    public static Message ReadMessage(JsonElement element) => Read(element, "message", static (ref Utf8JsonReader reader) => MessageJsonConverter.ReadValue(ref reader));

    public static LivechatUser ReadAgent(JsonElement element) => Read(element, "agent", static (ref Utf8JsonReader reader) => LivechatUserJsonConverter.ReadValue(ref reader));

    public static RoomMessageKind KindOf(Message message) => message.Type switch
    {
        null or "" => RoomMessageKind.Chat,
        RealtimeStreams.MessageTypes.ChatStarted => RoomMessageKind.ChatStarted,
        RealtimeStreams.MessageTypes.RoomClosed => RoomMessageKind.RoomClosed,
        RealtimeStreams.MessageTypes.UserJoined => RoomMessageKind.UserJoined,
        RealtimeStreams.MessageTypes.UserLeft => RoomMessageKind.UserLeft,
        RealtimeStreams.MessageTypes.Command when message.Text == RealtimeStreams.MessageTypes.ConnectedCommand => RoomMessageKind.AgentConnected,
        RealtimeStreams.MessageTypes.Command when message.Text == RealtimeStreams.MessageTypes.PromptTranscriptCommand => RoomMessageKind.TranscriptPrompt,
        _ => RoomMessageKind.OtherSystemMessage,
    };

    /// <summary>
    /// A stream event's arguments read by the contract's generated reader (<see cref="LivechatRealtimeStreams"/>); a
    /// payload that does not fit the contract becomes a <see cref="RealtimeProtocolException"/> naming the stream.
    /// </summary>
    public static T Read<T>(JsonElement args, string stream, Func<JsonElement, T> read)
    {
        try
        {
            return read(args);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new RealtimeProtocolException(stream, $"a stream event does not match the contract: {ex.Message}", innerException: ex);
        }
    }

    /// <summary>A value inside a stream event, read by its generated converter; <paramref name="what"/> names it in the error.</summary>
    public static T Read<T>(JsonElement element, string what, ReadValue<T> read) => Read(element, "stream event", what, read);

    /// <summary>A value inside an event of <paramref name="stream"/>, read by its generated converter; the error names both.</summary>
    public static T Read<T>(JsonElement element, string stream, string what, ReadValue<T> read)
    {
        try
        {
            var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(element));
            reader.Read();
            return read(ref reader);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new RealtimeProtocolException(stream, $"cannot read the {what} in a stream event: {ex.Message}", innerException: ex);
        }
    }
}
