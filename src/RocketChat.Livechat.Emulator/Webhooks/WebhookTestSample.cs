using System.Text.Json;
using RocketChat.Livechat.Webhooks;

namespace RocketChat.Livechat.Emulator.Webhooks;

/// <summary>
/// The fixed body of <c>POST livechat/webhook.test</c>, in the webhooks contract's <see cref="LivechatSessionPayload"/>.
/// Unlike real events, the visitor's email and phone are plain strings here; the dates are the time of the test.
/// </summary>
internal static class WebhookTestSample
{
    private static readonly JsonElement s_roomCustomFields = JsonElement.Parse("""{"productId":"123456"}""");
    private static readonly JsonElement s_visitorCustomFields = JsonElement.Parse("""{"customerId":"123456"}""");
    private static readonly JsonElement s_email = JsonElement.Parse("\"email@address.com\"");
    private static readonly JsonElement s_phone = JsonElement.Parse("\"192873192873\"");

    public static byte[] Create(DateTimeOffset now) => WebhookPayloadWriter.Serialize(
        new LivechatSessionPayload
        {
            Type = "LivechatSession",
            Id = "fasd6f5a4sd6f8a4sdf",
            Label = "title",
            Topic = "asiodojf",
            CreatedAt = now,
            LastMessageAt = now,
            Tags = ["tag1", "tag2", "tag3"],
            CustomFields = s_roomCustomFields,
            Visitor = new LivechatWebhookVisitor
            {
                Id = string.Empty,
                Name = "visitor name",
                Username = "visitor-username",
                Department = "department",
                Email = s_email,
                Phone = s_phone,
                Ip = "123.456.7.89",
                Browser = "Chrome",
                Os = "Linux",
                CustomFields = s_visitorCustomFields,
            },
            Agent = new LivechatWebhookAgent { Id = "asdf89as6df8", Username = "agent.username", Name = "Agent Name", Email = "agent@email.com" },
            Messages =
            [
                new LivechatWebhookMessage { Username = "visitor-username", Msg = "message content", Ts = now },
                new LivechatWebhookMessage { Username = "agent.username", AgentId = "asdf89as6df8", Msg = "message content from agent", Ts = now },
            ],
        },
        LivechatWebhooksJsonContext.Default.LivechatSessionPayload);
}
