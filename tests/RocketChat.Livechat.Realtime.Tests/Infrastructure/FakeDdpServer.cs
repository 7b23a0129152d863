using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RocketChat.Livechat.Realtime.Tests.Infrastructure;

/// <summary>
/// A scripted DDP server on loopback, for behaviour the emulator never shows: a <c>failed</c> handshake, a server
/// that goes silent, 2FA errors, answers out of order. Each accepted socket runs the script with its 1-based number.
/// Over HTTP it only answers the inquiry-queue and served-rooms listings, both empty.
/// </summary>
public sealed class FakeDdpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _connections;

    private FakeDdpServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How many sockets were accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>
    /// A scripted DDP server; <paramref name="http"/>, when given, answers the plain HTTP requests other than the
    /// empty listings below (a visitor's REST state), which otherwise get 400.
    /// </summary>
    public static async Task<FakeDdpServer> StartAsync(Func<WebSocket, int, CancellationToken, Task> script, RequestDelegate? http = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var server = new FakeDdpServer(app);
        app.UseWebSockets();
        app.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                // Queue and subscriptions-changed subscriptions list their state over REST when subscribing: nothing
                // is queued or served here.
                string? emptyListing = context.Request.Path.Value switch
                {
                    "/api/v1/livechat/inquiries.queuedForUser" => """{"inquiries":[],"count":0,"offset":0,"total":0,"success":true}""",
                    "/api/v1/livechat/rooms" => """{"rooms":[],"count":0,"offset":0,"total":0,"success":true}""",
                    _ => null,
                };
                if (emptyListing is not null)
                {
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync(emptyListing);
                    return;
                }

                if (http is not null)
                {
                    await http(context);
                    return;
                }

                context.Response.StatusCode = 400;
                return;
            }

            using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
            int number = Interlocked.Increment(ref server._connections);
            try
            {
                await script(socket, number, context.RequestAborted);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The client went away; scripts do not need to care.
            }
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Reads one text frame as JSON; null when the client closed.</summary>
    public static async Task<JsonElement?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        int count = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(count), cancellationToken) is var r
                ? new WebSocketReceiveResult(r.Count, r.MessageType, r.EndOfMessage)
                : throw new InvalidOperationException();
            count += result.Count;
        }
        while (!result.EndOfMessage);

        return result.MessageType == WebSocketMessageType.Close ? null : JsonDocument.Parse(buffer.AsMemory(0, count)).RootElement.Clone();
    }

    /// <summary>Reads frames until one with the given <c>msg</c>.</summary>
    public static async Task<JsonElement> ReceiveMessageAsync(WebSocket socket, string msg, CancellationToken cancellationToken)
    {
        while (true)
        {
            JsonElement frame = await ReceiveAsync(socket, cancellationToken) ?? throw new InvalidOperationException($"The client closed before sending '{msg}'.");
            if (frame.TryGetProperty("msg", out JsonElement m) && m.GetString() == msg)
            {
                return frame;
            }
        }
    }

    /// <summary>
    /// Sends one text message. Sends on a socket are serialised: scripts answer frames without awaiting, and a
    /// WebSocket refuses a second send while one is outstanding, which would lose that answer.
    /// </summary>
    public static async Task SendAsync(WebSocket socket, string json, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate = s_sendGates.GetValue(socket, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WebSocket, SemaphoreSlim> s_sendGates = new();

    /// <summary>Reads <c>connect</c> and answers <c>connected</c>.</summary>
    public static async Task HandshakeAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        await ReceiveMessageAsync(socket, "connect", cancellationToken);
        await SendAsync(socket, """{"msg":"connected","session":"fake-session"}""", cancellationToken);
    }

    /// <summary>The result of a history call that found nothing (loadHistory, or any method a test does not care about).</summary>
    public const string EmptyHistory = "\"result\":{\"messages\":[]}";

    /// <summary>The result of a resume login as user-1.</summary>
    public const string ResumedLogin = "\"result\":{\"id\":\"user-1\",\"token\":\"resume-token\",\"type\":\"resume\"}";

    /// <summary>
    /// Keeps reading until the client goes away: answers every ping; answers a method with what
    /// <paramref name="answerMethod"/> gives for its name (a <c>"result":…</c> or <c>"error":…</c> member, or null to
    /// leave it unanswered); answers a subscription <c>ready</c> when <paramref name="answerSubscription"/> says so.
    /// </summary>
    public static Task AnswerAsync(WebSocket socket, Func<string, string?> answerMethod, Func<string, bool> answerSubscription, CancellationToken cancellationToken) =>
        DrainAsync(socket, frame =>
        {
            string? id = frame.TryGetProperty("id", out JsonElement idElement) ? idElement.GetString() : null;
            switch (frame.GetProperty("msg").GetString())
            {
                case "ping":
                    _ = SendAsync(socket, id is null ? """{"msg":"pong"}""" : $$"""{"msg":"pong","id":"{{id}}"}""", cancellationToken);
                    break;
                case "method" when answerMethod(frame.GetProperty("method").GetString()!) is { } answer:
                    _ = SendAsync(socket, $$"""{"msg":"result","id":"{{id}}",{{answer}}}""", cancellationToken);
                    break;
                case "sub" when answerSubscription(frame.GetProperty("name").GetString()!):
                    _ = SendAsync(socket, $$"""{"msg":"ready","subs":["{{id}}"]}""", cancellationToken);
                    break;
            }
        }, cancellationToken);

    /// <summary>Keeps reading until the client goes away, answering nothing.</summary>
    public static async Task DrainAsync(WebSocket socket, Action<JsonElement>? onFrame, CancellationToken cancellationToken)
    {
        while (await ReceiveAsync(socket, cancellationToken) is { } frame)
        {
            onFrame?.Invoke(frame);
        }
    }
}
