using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RocketChat.Contracts.Benchmarks;

/// <summary>
/// Canned response bodies shaped like what a Rocket.Chat 7.x/8.x server sends for the four benchmarked routes
/// (field set and values follow the contract's examples and the upstream notes in shared/reference). Built once.
/// </summary>
public sealed class Payloads
{
    public const string VisitorToken = "5c1a9f0e7d3b4a2e8f6c";
    public const string RoomId = "Xq7RkP2mNvB9tLcYs";
    public const string DepartmentId = "64181a0728384134ed600dcc";
    public const int HistoryCount = 100;
    public const int RoomsPageSize = 50;

    private static readonly DateTimeOffset s_start = new(2024, 3, 13, 14, 5, 29, 118, TimeSpan.Zero);

    private static readonly string[] s_texts =
    [
        "Hi, I was charged twice this month.",
        "Hello Maria, I'm Jane from support. Let me look into that for you.",
        "Thanks! The order number is 48213 and both charges are from March 2nd.",
        "I can see the duplicate charge. I've started a refund, it should arrive in 3-5 business days.",
        "Great, thank you so much for the quick help 🙂",
        "You're welcome! Is there anything else I can help you with today?",
    ];

    private Payloads()
    {
        RegisterVisitor = Write(WriteRegisterVisitor);
        SendMessage = Write(WriteSendMessage);
        MessageHistory = Write(WriteMessageHistory);
        RoomsPage = Write(WriteRoomsPage);
    }

    private Payloads(byte[] registerVisitor, byte[] sendMessage, byte[] messageHistory, byte[] roomsPage)
    {
        RegisterVisitor = registerVisitor;
        SendMessage = sendMessage;
        MessageHistory = messageHistory;
        RoomsPage = roomsPage;
    }

    public static Payloads Instance { get; } = new();

    /// <summary>
    /// The smallest valid bodies (required fields only, empty lists): a call with these costs only the request
    /// pipeline and response plumbing, which separates a client's fixed per-call cost from its JSON reading.
    /// </summary>
    public static Payloads Minimal { get; } = new(
        """{"visitor":{"_id":"v","token":"t"},"success":true}"""u8.ToArray(),
        """{"message":{"_id":"m"},"success":true}"""u8.ToArray(),
        """{"messages":[],"success":true}"""u8.ToArray(),
        """{"rooms":[],"success":true}"""u8.ToArray());

    /// <summary>POST livechat/visitor.</summary>
    public byte[] RegisterVisitor { get; }

    /// <summary>POST livechat/message.</summary>
    public byte[] SendMessage { get; }

    /// <summary>GET livechat/messages.history/{rid}: 100 messages, newest first.</summary>
    public byte[] MessageHistory { get; }

    /// <summary>GET livechat/rooms: a page of 50 rooms.</summary>
    public byte[] RoomsPage { get; }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        // Node's JSON.stringify sends non-ASCII text as raw UTF-8, not as \u escapes.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    private static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A 17-character id, like Rocket.Chat's Random.id().</summary>
    private static string Id(string prefix, int i) => prefix + i.ToString("D" + (17 - prefix.Length).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static void WriteRegisterVisitor(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WritePropertyName("visitor");
        w.WriteStartObject();
        w.WriteString("_id", "65f1c2a9e4b0a1d2c3e4f5a6");
        w.WriteString("username", "guest-42");
        w.WriteString("ts", Date(s_start));
        w.WriteString("_updatedAt", Date(s_start.AddMilliseconds(8)));
        w.WriteString("token", VisitorToken);
        w.WriteString("name", "Maria Silva");
        w.WriteString("status", "online");
        w.WriteString("department", DepartmentId);
        w.WriteStartArray("phone");
        w.WriteStartObject();
        w.WriteString("phoneNumber", "+5551999990000");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("visitorEmails");
        w.WriteStartObject();
        w.WriteString("address", "maria.silva@example.com");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("livechatData");
        w.WriteString("address", "Rua das Flores 100");
        w.WriteString("plan", "premium");
        w.WriteEndObject();
        w.WriteStartObject("lastChat");
        w.WriteString("_id", RoomId);
        w.WriteString("ts", Date(s_start.AddMinutes(-40)));
        w.WriteEndObject();
        w.WriteString("userAgent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36");
        w.WriteString("ip", "203.0.113.7");
        w.WriteString("host", "chat.example.com");
        w.WriteStartArray("activity");
        w.WriteStringValue("2024-02");
        w.WriteStringValue("2024-03");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteBoolean("success", true);
        w.WriteEndObject();
    }

    private static void WriteSendMessage(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WritePropertyName("message");
        WriteMessage(w, 0, s_start.AddMinutes(3));
        w.WriteBoolean("success", true);
        w.WriteEndObject();
    }

    private static void WriteMessageHistory(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartArray("messages");
        for (int i = 0; i < HistoryCount; i++)
        {
            // Newest first; the oldest is the livechat-started system message.
            WriteMessage(w, i, s_start.AddSeconds((HistoryCount - i) * 37), system: i == HistoryCount - 1);
        }

        w.WriteEndArray();
        w.WriteBoolean("success", true);
        w.WriteEndObject();
    }

    /// <summary>A message as messages.history and message return it: visitor messages carry token/alias, agent ones do not.</summary>
    private static void WriteMessage(Utf8JsonWriter w, int i, DateTimeOffset ts, bool system = false)
    {
        bool fromVisitor = i % 2 == 0;
        string text = system ? string.Empty : s_texts[i % s_texts.Length];
        w.WriteStartObject();
        w.WriteString("_id", Id("Pd8nW3kLq", i));
        w.WriteString("rid", RoomId);
        w.WriteString("msg", text);
        if (system)
        {
            w.WriteString("t", "livechat-started");
            w.WriteBoolean("groupable", false);
        }
        else if (fromVisitor)
        {
            w.WriteString("token", VisitorToken);
            w.WriteString("alias", "Maria Silva");
        }

        w.WriteString("ts", Date(ts));
        w.WritePropertyName("u");
        w.WriteStartObject();
        if (fromVisitor || system)
        {
            w.WriteString("_id", "65f1c2a9e4b0a1d2c3e4f5a6");
            w.WriteString("username", "guest-42");
            w.WriteString("name", "Maria Silva");
        }
        else
        {
            w.WriteString("_id", "rbAXPnMktTFbNpwtJ");
            w.WriteString("username", "jane.doe");
            w.WriteString("name", "Jane Doe");
        }

        w.WriteEndObject();
        w.WriteString("_updatedAt", Date(ts.AddMilliseconds(71)));
        if (!system)
        {
            w.WriteStartArray("urls");
            w.WriteEndArray();
            w.WriteStartArray("mentions");
            w.WriteEndArray();
            w.WriteStartArray("channels");
            w.WriteEndArray();

            // The parsed markdown AST the server adds to every user message.
            w.WriteStartArray("md");
            w.WriteStartObject();
            w.WriteString("type", "PARAGRAPH");
            w.WriteStartArray("value");
            w.WriteStartObject();
            w.WriteString("type", "PLAIN_TEXT");
            w.WriteString("value", text);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (i % 25 == 7)
        {
            w.WriteString("editedAt", Date(ts.AddSeconds(20)));
            w.WritePropertyName("editedBy");
            w.WriteStartObject();
            w.WriteString("_id", "rbAXPnMktTFbNpwtJ");
            w.WriteString("username", "jane.doe");
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteRoomsPage(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartArray("rooms");
        for (int i = 0; i < RoomsPageSize; i++)
        {
            WriteRoom(w, i);
        }

        w.WriteEndArray();
        w.WriteNumber("count", RoomsPageSize);
        w.WriteNumber("offset", 0);
        w.WriteNumber("total", 1234);
        w.WriteBoolean("success", true);
        w.WriteEndObject();
    }

    /// <summary>An omnichannel room as livechat/rooms lists it; every fifth one is closed and carries metrics.</summary>
    private static void WriteRoom(Utf8JsonWriter w, int i)
    {
        bool closed = i % 5 == 4;
        DateTimeOffset ts = s_start.AddMinutes(-i * 13);
        string visitorToken = "vtok" + i.ToString("D16", CultureInfo.InvariantCulture);
        string visitorName = "Visitor " + i.ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject();
        w.WriteString("_id", Id("Rm", i));
        w.WriteString("t", "l");
        w.WriteString("fname", visitorName);
        w.WriteNumber("msgs", 4 + (i % 9));
        w.WriteNumber("usersCount", 2);
        w.WriteString("ts", Date(ts));
        w.WriteString("_updatedAt", Date(ts.AddMinutes(3)));
        w.WriteString("lm", Date(ts.AddMinutes(2)));
        if (!closed)
        {
            w.WriteBoolean("open", true);
        }

        w.WriteBoolean("cl", false);
        w.WriteBoolean("waitingResponse", i % 3 == 0);
        w.WritePropertyName("v");
        w.WriteStartObject();
        w.WriteString("_id", Id("Vis", i));
        w.WriteString("username", "guest-" + (100 + i).ToString(CultureInfo.InvariantCulture));
        w.WriteString("token", visitorToken);
        w.WriteString("status", closed ? "offline" : "online");
        w.WriteString("name", visitorName);
        w.WriteString("lastMessageTs", Date(ts.AddMinutes(1)));
        w.WriteEndObject();
        w.WritePropertyName("servedBy");
        w.WriteStartObject();
        w.WriteString("_id", "rbAXPnMktTFbNpwtJ");
        w.WriteString("username", "jane.doe");
        w.WriteString("ts", Date(ts.AddSeconds(5)));
        w.WriteEndObject();
        w.WriteString("departmentId", DepartmentId);
        w.WritePropertyName("department");
        w.WriteStartObject();
        w.WriteString("_id", DepartmentId);
        w.WriteString("name", "Support");
        w.WriteEndObject();
        w.WritePropertyName("source");
        w.WriteStartObject();
        w.WriteString("type", "widget");
        w.WriteString("destination", "chat.example.com");
        w.WriteEndObject();
        w.WriteStartArray("tags");
        w.WriteStringValue("billing");
        if (i % 4 == 0)
        {
            w.WriteStringValue("vip");
        }

        w.WriteEndArray();
        w.WriteStartObject("livechatData");
        w.WriteString("docId", "0310584343" + i.ToString("D3", CultureInfo.InvariantCulture));
        w.WriteEndObject();
        w.WritePropertyName("lastMessage");
        WriteMessage(w, i, ts.AddMinutes(2));
        w.WritePropertyName("responseBy");
        w.WriteStartObject();
        w.WriteString("_id", "rbAXPnMktTFbNpwtJ");
        w.WriteString("username", "jane.doe");
        w.WriteString("lastMessageTs", Date(ts.AddMinutes(1)));
        w.WriteString("firstResponseTs", Date(ts.AddSeconds(40)));
        w.WriteEndObject();
        w.WriteNumber("priorityWeight", 99);
        w.WriteNumber("estimatedWaitingTimeQueue", 9999999);
        if (closed)
        {
            w.WriteString("closedAt", Date(ts.AddMinutes(10)));
            w.WriteString("closer", "user");
            w.WritePropertyName("closedBy");
            w.WriteStartObject();
            w.WriteString("_id", "rbAXPnMktTFbNpwtJ");
            w.WriteString("username", "jane.doe");
            w.WriteEndObject();
            w.WriteStartObject("metrics");
            w.WriteStartObject("v");
            w.WriteString("lq", Date(ts.AddMinutes(2)));
            w.WriteEndObject();
            w.WriteStartObject("servedBy");
            w.WriteString("lr", Date(ts.AddMinutes(1)));
            w.WriteEndObject();
            w.WriteStartObject("response");
            w.WriteNumber("tt", 41.2);
            w.WriteNumber("total", 2);
            w.WriteNumber("avg", 20.6);
            w.WriteNumber("ft", 40.1);
            w.WriteEndObject();
            w.WriteStartObject("reaction");
            w.WriteNumber("ft", 4.9);
            w.WriteNumber("tt", 4.9);
            w.WriteEndObject();
            w.WriteNumber("chatDuration", 600.4);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
