using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RocketChat.Livechat.Tests;

/// <summary>What the server received, exactly as it came over the wire.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>The reply the test wants the server to give.</summary>
public sealed record CannedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, string ContentType = "application/json")
{
    /// <summary>Raw bytes to send instead of <see cref="Body"/> (binary responses).</summary>
    public byte[]? Bytes { get; init; }

    public static CannedResponse Json(string body, int status = 200) => new(status, body);
}

/// <summary>A real Kestrel server on 127.0.0.1 with a random port, recording requests and replying as told.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private Func<RecordedRequest, Task<CannedResponse>> _respond = _ => Task.FromResult(CannedResponse.Json("{\"success\":true}"));

    private LoopbackServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public RecordedRequest LastRequest => _requests.Last();

    public void Respond(Func<RecordedRequest, CannedResponse> respond) => _respond = r => Task.FromResult(respond(r));

    public void RespondAsync(Func<RecordedRequest, Task<CannedResponse>> respond) => _respond = respond;

    public void Respond(CannedResponse response) => Respond(_ => response);

    public static async Task<LoopbackServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address + "/");
        return server;
    }

    public LivechatClient CreateClient(string? userId = "user-1", string? authToken = "secret-token")
    {
        var options = new RocketChatLivechatOptions { ServerUrl = BaseAddress, UserId = userId, AuthToken = authToken };
        return LivechatClient.Create(options);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Features.Get<IHttpRequestFeature>()!.RawTarget,
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value ?? string.Empty,
            headers,
            body);
        _requests.Enqueue(recorded);
        CannedResponse response = await _respond(recorded);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        foreach (KeyValuePair<string, string> header in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[header.Key] = header.Value;
        }

        if (response.Bytes is { } bytes)
        {
            await context.Response.Body.WriteAsync(bytes);
            return;
        }

        await context.Response.WriteAsync(response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
