using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RocketChat.Livechat.Webhooks;

namespace RocketChat.Livechat.Webhooks.Tests.Infrastructure;

/// <summary>A Kestrel app on 127.0.0.1 with the webhook endpoint at /hooks/rocketchat and a recording handler.</summary>
public sealed class ReceiverHost : IAsyncDisposable
{
    public const string Path = "/hooks/rocketchat";

    private readonly WebApplication _app;

    private ReceiverHost(WebApplication app, Uri baseAddress, ReceivedEvents received, CapturedLogs logs)
    {
        _app = app;
        Received = received;
        Logs = logs;
        WebhookUrl = new Uri(baseAddress, Path);
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public ReceivedEvents Received { get; }

    public CapturedLogs Logs { get; }

    public Uri WebhookUrl { get; }

    public HttpClient Http { get; }

    /// <summary>Starts the receiver with <see cref="RecordingHandler"/>, or with what <paramref name="register"/> registers.</summary>
    public static async Task<ReceiverHost> StartAsync(Action<LivechatWebhookOptions>? configure = null, Action<IServiceCollection>? register = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var received = new ReceivedEvents();
        builder.Services.AddSingleton(received);
        if (register is null)
        {
            builder.Services.AddRocketChatLivechatWebhooks<RecordingHandler>(configure);
        }
        else
        {
            register(builder.Services);
        }

        WebApplication app = builder.Build();
        app.MapRocketChatLivechatWebhook(Path);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ReceiverHost(app, new Uri(address.TrimEnd('/') + "/"), received, logs);
    }

    /// <summary>POSTs <paramref name="body"/> as Rocket.Chat would, with the token header when given.</summary>
    public async Task<HttpResponseMessage> PostAsync(string body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Add("X-RocketChat-Livechat-Token", token);
        }

        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
