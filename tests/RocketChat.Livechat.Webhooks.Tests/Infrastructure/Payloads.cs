namespace RocketChat.Livechat.Webhooks.Tests.Infrastructure;

/// <summary>Webhook bodies in the shapes Rocket.Chat sends (visitor email and phone as arrays of objects).</summary>
public static class Payloads
{
    public const string Visitor = """
        {"_id":"v1","token":"tok-1","name":"Ada","username":"guest-1","email":[{"address":"ada@example.com"}],"phone":[{"phoneNumber":"+44 20 1234 5678"}]}
        """;

    public const string Message = """
        {"_id":"m1","username":"guest-1","msg":"Hello","ts":"2024-05-06T07:08:09.000Z","rid":"r1","u":{"_id":"v1","username":"guest-1","name":"Ada"},"_updatedAt":"2024-05-06T07:08:09.000Z"}
        """;

    public const string ServedBy = """{"_id":"a1","username":"agent.one","ts":"2024-05-06T07:08:10.000Z"}""";

    public static string Room(string type, string extra = "", string messages = "[" + Message + "]") =>
        $$"""{"_id":"r1","label":"Ada","createdAt":"2024-05-06T07:08:00.000Z","visitor":{{Visitor}},"type":"{{type}}","messages":{{messages}}{{extra}}}""";

    /// <summary>One body per event type Rocket.Chat sends, with the handler method it must reach.</summary>
    public static TheoryData<string, string> EveryEventType => new()
    {
        { Room("LivechatSessionStart", ""","departmentId":"d1" """), "OnSessionStartAsync" },
        { Room("LivechatSessionQueued", ""","departmentId":"d1" """), "OnSessionQueuedAsync" },
        { Room("LivechatSessionTaken", $$""","servedBy":{{ServedBy}}"""), "OnSessionTakenAsync" },
        { Room("LivechatSessionForwarded", $$""","servedBy":{{ServedBy}},"oldServedBy":{"_id":"a0","username":"agent.zero"},"oldDepartmentId":"d0" """), "OnSessionForwardedAsync" },
        { Room("LivechatSession", $$""","servedBy":{{ServedBy}},"closedAt":"2024-05-06T07:09:00.000Z","closedBy":{"_id":"a1","username":"agent.one"},"closer":"user" """), "OnSessionClosedAsync" },
        { Room("LivechatEdit"), "OnRoomEditedAsync" },
        { Room("Message"), "OnMessageAsync" },
        { Room("LeadCapture", messages: "[]"), "OnLeadCaptureAsync" },
        { """{"type":"LivechatOfflineMessage","sentAt":"2024-05-06T07:08:00.000Z","visitor":{"name":"Ada","email":"ada@example.com"},"message":"Call me"}""", "OnOfflineMessageAsync" },
    };
}
