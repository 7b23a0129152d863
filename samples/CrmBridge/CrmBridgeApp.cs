using System.Net;
using System.Text;
using RocketChat.Livechat.Webhooks;

namespace CrmBridge;

/// <summary>The bridge: the webhook receiver, a transcript per room, and a page to read a transcript.</summary>
public static class CrmBridgeApp
{
    /// <summary>The path to give Rocket.Chat as Livechat_webhookUrl.</summary>
    public const string WebhookPath = "/hooks/rocketchat";

    /// <summary>
    /// Builds the app. The secret comes from the configuration key <c>RocketChat:SecretToken</c> (or the environment
    /// variable <c>RocketChat__SecretToken</c>) unless <paramref name="configure"/> sets it.
    /// </summary>
    public static WebApplication Build(string[] args, Action<LivechatWebhookOptions>? configure = null, int? loopbackPort = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
        if (loopbackPort is int port)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        }

        string? secret = builder.Configuration["RocketChat:SecretToken"];
        builder.Services.AddSingleton<TranscriptStore>();
        builder.Services.AddRocketChatLivechatWebhooks<TranscriptHandler>(options =>
        {
            options.SecretToken = secret;
            configure?.Invoke(options);
        });

        WebApplication app = builder.Build();
        app.MapRocketChatLivechatWebhook(WebhookPath);
        app.MapGet("/transcripts/{roomId}", (string roomId, TranscriptStore transcripts) =>
        {
            var text = new StringBuilder();
            foreach (TranscriptEntry entry in transcripts.Get(roomId))
            {
                text.Append(entry.At.ToString("O")).Append(' ').Append(entry.Kind).Append(' ').AppendLine(entry.Text);
            }

            return Results.Text(text.ToString());
        });
        return app;
    }
}
