using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RocketChat.Livechat.Emulator.Tests.Infrastructure;

/// <summary>A raw DDP connection to the emulator's <c>/websocket</c>, logged in as a staff user or a visitor's: what any DDP client sees.</summary>
public sealed class DdpTestSocket : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket _socket = new();

    private DdpTestSocket()
    {
    }

    /// <summary>A connection without a login, as a visitor's: its subscriptions pass the visitor token.</summary>
    public static async Task<DdpTestSocket> ConnectAsync(EmulatorHarness harness)
    {
        var ddp = new DdpTestSocket();
        await ddp._socket.ConnectAsync(new Uri(new Uri(harness.Emulator.BaseAddress.ToString().Replace("http", "ws", StringComparison.Ordinal)), "websocket"), CancellationToken.None);
        await ddp.SendAsync("""{"msg":"connect","version":"1","support":["1"]}""");
        (await ddp.ReceiveAsync()).Dispose(); // server_id
        (await ddp.ReceiveAsync()).Dispose(); // connected
        return ddp;
    }

    public static async Task<DdpTestSocket> LoginAsync(EmulatorHarness harness, string username)
    {
        DdpTestSocket ddp = await ConnectAsync(harness);
        string digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EmulatorHarness.StaffPassword)));
        await ddp.SendAsync($$$"""{"msg":"method","method":"login","params":[{"user":{"username":"{{{username}}}"},"password":{"digest":"{{{digest}}}","algorithm":"sha-256"}}],"id":"login"}""");
        using (JsonDocument result = await ddp.ReceiveAsync())
        {
            Assert.True(result.RootElement.TryGetProperty("result", out _), result.RootElement.GetRawText());
        }

        (await ddp.ReceiveAsync()).Dispose(); // updated
        return ddp;
    }

    /// <summary>Subscribes; with <paramref name="visitorToken"/>, as the widget does (<c>{token, visitorToken}</c> in args).</summary>
    public async Task SubscribeAsync(string id, string publication, string eventName, string? visitorToken = null)
    {
        string extraData = visitorToken is null ? string.Empty : $$"""{"token":"{{visitorToken}}","visitorToken":"{{visitorToken}}"}""";
        await SendAsync($$"""{"msg":"sub","id":"{{id}}","name":"{{publication}}","params":["{{eventName}}",{"useCollection":false,"args":[{{extraData}}]}]}""");
        using JsonDocument ready = await ReceiveAsync();
        Assert.Equal($$"""{"msg":"ready","subs":["{{id}}"]}""", ready.RootElement.GetRawText());
    }

    /// <summary>The <c>args</c> of the next <paramref name="count"/> <c>changed</c> frames, by eventName.</summary>
    public async Task<Dictionary<string, JsonElement>> NextEventsAsync(int count)
    {
        var events = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        while (events.Count < count)
        {
            using JsonDocument frame = await ReceiveAsync();
            if (frame.RootElement.GetProperty("msg").GetString() == "changed")
            {
                JsonElement fields = frame.RootElement.GetProperty("fields");
                events.Add(fields.GetProperty("eventName").GetString()!, fields.GetProperty("args").Clone());
            }
        }

        return events;
    }

    /// <summary>The <c>args</c> of the next <c>changed</c> frame: one at a time, for a stream whose events share an eventName.</summary>
    public async Task<JsonElement> NextEventAsync()
    {
        while (true)
        {
            using JsonDocument frame = await ReceiveAsync();
            if (frame.RootElement.GetProperty("msg").GetString() == "changed")
            {
                return frame.RootElement.GetProperty("fields").GetProperty("args").Clone();
            }
        }
    }

    public void Dispose() => _socket.Dispose();

    private Task SendAsync(string json) => _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private async Task<JsonDocument> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer.AsMemory(), timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return result.MessageType == WebSocketMessageType.Close
            ? throw new InvalidOperationException("The emulator closed the connection.")
            : JsonDocument.Parse(message.ToArray());
    }
}
