using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RocketChat.Livechat.Cli.Tests;

/// <summary>
/// `watch` against a server that keeps the socket open and stops answering: --timeout bounds each call over the socket
/// as it bounds a REST call, and the command ends with exit code 3 and one line, never a hang.
/// </summary>
public sealed class WatchTimeoutTests : IAsyncLifetime
{
    private WebApplication _server = null!;
    private string _url = null!;

    /// <summary>What the silent server does after the socket opens.</summary>
    private volatile bool _answerHandshake;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.UseWebSockets();
        _server.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[64 * 1024];
            try
            {
                while (!context.RequestAborted.IsCancellationRequested)
                {
                    WebSocketReceiveResult frame = await socket.ReceiveAsync(buffer, context.RequestAborted);
                    if (frame.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    string text = Encoding.UTF8.GetString(buffer, 0, frame.Count);
                    string? answer = text.Contains("\"msg\":\"connect\"", StringComparison.Ordinal) && _answerHandshake ? """{"msg":"connected","session":"s1"}"""
                        : text.Contains("\"msg\":\"ping\"", StringComparison.Ordinal) ? """{"msg":"pong"}"""
                        : null;
                    if (answer is not null)
                    {
                        await socket.SendAsync(Encoding.UTF8.GetBytes(answer), WebSocketMessageType.Text, true, context.RequestAborted);
                    }
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The client gave up: what the test expects.
            }
        });
        await _server.StartAsync();
        _url = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_subscription_the_server_never_answers_ends_with_exit_code_3_after_the_timeout_not_30_s()
    {
        _answerHandshake = true;
        var clock = Stopwatch.StartNew();

        CliResult result = await CliRunner.InProcessAsync("watch", "room", "--rid", "r1", "--token", "t1", "--server", _url, "--timeout", "2");

        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
        Assert.Contains("no answer within", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_handshake_the_server_never_answers_ends_with_exit_code_3_after_the_timeout_not_30_s()
    {
        _answerHandshake = false;
        var clock = Stopwatch.StartNew();

        CliResult result = await CliRunner.InProcessAsync("watch", "room", "--rid", "r1", "--token", "t1", "--server", _url, "--timeout", "2");

        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
        // "no DDP handshake within 00:00:02", or on a loaded machine the upgrade itself may run out of the time.
        Assert.Contains("the realtime connection was lost", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
