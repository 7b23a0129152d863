using System.Text;

namespace RocketChat.Livechat.Webhooks.Benchmarks;

/// <summary>Bodies in the shape the emulator (and Rocket.Chat) sends.</summary>
public static class WebhookBodies
{
    private const string Room = """
        "_id":"Xq7RkP2mNvB9tLcYs","label":"Maria Silva","createdAt":"2024-05-06T07:08:00.000Z","lastMessageAt":"2024-05-06T07:20:00.000Z",
        "visitor":{"_id":"5c1a9f0e7d3b4a2e8","token":"5c1a9f0e7d3b4a2e8f6c","name":"Maria Silva","username":"guest-12","email":[{"address":"maria@example.com"}],"phone":[{"phoneNumber":"+55 11 91234 5678"}]},
        "agent":{"_id":"hw5DThnhQmxDWnavu","username":"agent.smith","name":"Agent Smith","email":"smith@example.com"}
        """;

    public static string Message { get; } = "{" + Room + ""","type":"Message","messages":[""" + MessageJson(0) + "]}";

    public static string ClosedRoomWithMessages(int count)
    {
        var messages = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            messages.Append(i == 0 ? string.Empty : ",").Append(MessageJson(i));
        }

        return "{" + Room + $$""","type":"LivechatSession","messages":[{{messages}}],"servedBy":{"_id":"hw5DThnhQmxDWnavu","username":"agent.smith","ts":"2024-05-06T07:09:00.000Z"},"closedAt":"2024-05-06T07:21:00.000Z","closedBy":{"_id":"hw5DThnhQmxDWnavu","username":"agent.smith"},"closer":"user"}""";
    }

    private static string MessageJson(int i) =>
        $$"""{"_id":"msg{{i:D5}}AbCdEfGhIj","username":"guest-12","msg":"Message number {{i}} about my order, which has not arrived yet.","ts":"2024-05-06T07:{{10 + (i % 50):D2}}:00.000Z","rid":"Xq7RkP2mNvB9tLcYs","u":{"_id":"5c1a9f0e7d3b4a2e8","username":"guest-12","name":"Maria Silva"},"_updatedAt":"2024-05-06T07:10:00.000Z"}""";
}
