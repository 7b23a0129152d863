using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RocketChat.Livechat.Webhooks;

namespace RocketChat.Livechat.Webhooks.Benchmarks;

/// <summary>
/// Webhook events through the receiver endpoint on loopback Kestrel: token check, SHA-256 key, typed read, then the
/// background queue (handler after the answer) or the handler inline. One operation = one event answered 200;
/// events per second = 1 / mean. The client runs in the same process on the same 2 cores.
/// </summary>
[MemoryDiagnoser]
public class ReceiverThroughputBenchmarks
{
    private const string Secret = "benchmark-secret";
    private const int Batch = 256;
    private const int InFlight = 16;

    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private byte[] _body = null!;

    [Params(LivechatWebhookDeliveryMode.Background, LivechatWebhookDeliveryMode.Inline)]
    public LivechatWebhookDeliveryMode Mode { get; set; }

    [Params("Message", "LivechatSession")]
    public string Event { get; set; } = "Message";

    [GlobalSetup]
    public void Setup()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRocketChatLivechatWebhooks<CountingHandler>(options =>
        {
            options.SecretToken = Secret;
            options.DeliveryMode = Mode;
            options.QueueCapacity = 4 * Batch;
        });
        _app = builder.Build();
        _app.MapRocketChatLivechatWebhook("/hooks/rocketchat");
        _app.StartAsync().GetAwaiter().GetResult();
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = InFlight }) { BaseAddress = new Uri(address) };
        _body = Encoding.UTF8.GetBytes(Event == "Message" ? WebhookBodies.Message : WebhookBodies.ClosedRoomWithMessages(20));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>One event at a time: the latency of one delivery.</summary>
    [Benchmark(Baseline = true)]
    public Task Sequential() => PostAsync();

    /// <summary>256 events, 16 in flight, as a busy server with concurrent deliveries sends them.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task Concurrent()
    {
        using var gate = new SemaphoreSlim(InFlight);
        var posts = new Task[Batch];
        for (int i = 0; i < Batch; i++)
        {
            await gate.WaitAsync();
            posts[i] = PostReleasingAsync(gate);
        }

        await Task.WhenAll(posts);
    }

    private async Task PostReleasingAsync(SemaphoreSlim gate)
    {
        try
        {
            await PostAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task PostAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/rocketchat") { Content = new ByteArrayContent(_body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-RocketChat-Livechat-Token", Secret);
        using HttpResponseMessage response = await _http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The receiver answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

/// <summary>A handler that touches the typed payload and counts, so the measured cost is the receiver's.</summary>
public sealed class CountingHandler : ILivechatWebhookHandler
{
    private static long s_count;

    public static long Count => Interlocked.Read(ref s_count);

    public ValueTask OnMessageAsync(LivechatWebhookEvent<LivechatWebhookRoomPayload> webhook, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref s_count, webhook.Payload.Messages.Count);
        return ValueTask.CompletedTask;
    }

    public ValueTask OnSessionClosedAsync(LivechatWebhookEvent<LivechatSessionPayload> webhook, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref s_count, webhook.Payload.Messages.Count);
        return ValueTask.CompletedTask;
    }
}
