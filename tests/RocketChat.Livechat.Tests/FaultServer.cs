using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RocketChat.Livechat.Tests;

/// <summary>A request as it arrived at a <see cref="FaultServer"/>, read from the raw bytes.</summary>
public sealed record FaultRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Path => Target.Split('?')[0];
}

/// <summary>Writes a reply, good or broken, straight onto the socket.</summary>
public delegate Task FaultReply(FaultRequest request, Socket socket, CancellationToken stopping);

/// <summary>
/// A hostile HTTP/1.1 server on 127.0.0.1 built on a raw socket, so it can do what a well-behaved server framework
/// will not: redirect anywhere, stall after the headers, cut or reset the connection mid-body, send fewer bytes than
/// Content-Length, or stream a body that never ends. Every connection serves one request and is closed.
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<FaultRequest> _requests = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _acceptLoop;
    private FaultReply _reply = Faults.Json("""{"success":true}""");

    public FaultServer()
    {
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _acceptLoop = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<FaultRequest> Requests => _requests.ToArray();

    /// <summary>How the next requests are answered.</summary>
    public void Reply(FaultReply reply) => _reply = reply;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
            await Task.WhenAll(_connections);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping ends whatever a stalled or endless reply was doing.
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _connections.Add(ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                FaultRequest? request = await ReadRequestAsync(socket, _stopping.Token);
                if (request is null)
                {
                    return;
                }

                _requests.Enqueue(request);
                await _reply(request, socket, _stopping.Token);
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
            {
                // The client gave up (as it should on a stall or an endless body), or the server is stopping.
            }
        }
    }

    private static async Task<FaultRequest?> ReadRequestAsync(Socket socket, CancellationToken stopping)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
        {
            int read = await socket.ReceiveAsync(buffer, SocketFlags.None, stopping);
            if (read == 0)
            {
                return null;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        string[] lines = Encoding.ASCII.GetString(received.GetRange(0, headerEnd).ToArray()).Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        int bodyLength = headers.TryGetValue("Content-Length", out string? length) ? int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) : 0;
        int bodyStart = headerEnd + 4;
        while (received.Count - bodyStart < bodyLength)
        {
            int read = await socket.ReceiveAsync(buffer, SocketFlags.None, stopping);
            if (read == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        string body = Encoding.UTF8.GetString(received.GetRange(bodyStart, Math.Min(bodyLength, received.Count - bodyStart)).ToArray());
        return new FaultRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static int IndexOfHeaderEnd(List<byte> received)
    {
        for (int i = 0; i + 3 < received.Count; i++)
        {
            if (received[i] == '\r' && received[i + 1] == '\n' && received[i + 2] == '\r' && received[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>The replies a <see cref="FaultServer"/> can give.</summary>
public static class Faults
{
    /// <summary>A complete, well-formed response.</summary>
    public static FaultReply Json(string body, int status = 200, params (string Name, string Value)[] headers) =>
        Bytes(Encoding.UTF8.GetBytes(body), status, headers);

    /// <summary>A complete response with exactly these body bytes (which need not be valid UTF-8).</summary>
    public static FaultReply Bytes(byte[] body, int status = 200, params (string Name, string Value)[] headers) =>
        async (_, socket, stopping) =>
        {
            await SendAsync(socket, Head(status, headers.Append(("Content-Type", "application/json")).Append(("Content-Length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)))), stopping);
            await SendAsync(socket, body, stopping);
        };

    /// <summary>A redirect with an empty body.</summary>
    public static FaultReply Redirect(int status, Uri location) =>
        async (_, socket, stopping) => await SendAsync(socket, Head(status, [("Location", location.ToString()), ("Content-Length", "0")]), stopping);

    /// <summary>Headers promising a body, then nothing until the client gives up.</summary>
    public static FaultReply StallAfterHeaders(int contentLength = 100) =>
        async (_, socket, stopping) =>
        {
            await SendAsync(socket, Head(200, [("Content-Type", "application/json"), ("Content-Length", contentLength.ToString(System.Globalization.CultureInfo.InvariantCulture))]), stopping);
            await SendAsync(socket, "{\"success\":"u8.ToArray(), stopping);
            await WaitForClientToCloseAsync(socket, stopping);
        };

    /// <summary>Declares <paramref name="declaredLength"/> bytes, sends the start of the body, then closes cleanly.</summary>
    public static FaultReply ShortBody(int declaredLength, string sent = "{\"visitor\":{\"_id\":\"v1\"") =>
        async (_, socket, stopping) =>
        {
            await SendAsync(socket, Head(200, [("Content-Type", "application/json"), ("Content-Length", declaredLength.ToString(System.Globalization.CultureInfo.InvariantCulture))]), stopping);
            await SendAsync(socket, Encoding.UTF8.GetBytes(sent), stopping);
        };

    /// <summary>Sends part of a chunked body, then resets the connection (TCP RST).</summary>
    public static FaultReply ResetMidBody() =>
        async (_, socket, stopping) =>
        {
            await SendAsync(socket, Head(200, [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")]), stopping);
            await SendAsync(socket, "10\r\n{\"visitor\":{\"_id\r\n"u8.ToArray(), stopping);
            await Task.Delay(50, stopping);
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        };

    /// <summary>
    /// A body that never ends: chunked (no length), or with a Content-Length larger than anyone should read.
    /// Stops when the client closes the connection.
    /// </summary>
    public static FaultReply EndlessBody(long? declaredLength = null) =>
        async (_, socket, stopping) =>
        {
            (string, string) framing = declaredLength is { } length
                ? ("Content-Length", length.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : ("Transfer-Encoding", "chunked");
            await SendAsync(socket, Head(200, [("Content-Type", "application/json"), framing]), stopping);
            byte[] filler = Encoding.ASCII.GetBytes("{\"rooms\":[" + new string(' ', 64 * 1024));
            byte[] chunk = declaredLength is null ? Chunk(filler) : filler;
            byte[] spaces = new byte[64 * 1024];
            spaces.AsSpan().Fill((byte)' ');
            byte[] next = declaredLength is null ? Chunk(spaces) : spaces;
            await SendAsync(socket, chunk, stopping);
            while (!stopping.IsCancellationRequested)
            {
                await SendAsync(socket, next, stopping);
            }
        };

    /// <summary>Anything at all: the test writes the raw bytes; then the connection closes, or stalls until the client gives up.</summary>
    public static FaultReply Raw(string response, bool thenStall = false) =>
        async (_, socket, stopping) =>
        {
            await SendAsync(socket, Encoding.UTF8.GetBytes(response), stopping);
            if (thenStall)
            {
                await WaitForClientToCloseAsync(socket, stopping);
            }
        };

    private static byte[] Chunk(byte[] data) =>
        [.. Encoding.ASCII.GetBytes(data.Length.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n"), .. data, .. "\r\n"u8];

    private static byte[] Head(int status, IEnumerable<(string Name, string Value)> headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} Status{status}\r\nConnection: close\r\n");
        foreach ((string name, string value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
    }

    private static async Task SendAsync(Socket socket, byte[] data, CancellationToken stopping)
    {
        int sent = 0;
        while (sent < data.Length)
        {
            sent += await socket.SendAsync(data.AsMemory(sent), SocketFlags.None, stopping);
        }
    }

    private static async Task WaitForClientToCloseAsync(Socket socket, CancellationToken stopping)
    {
        var sink = new byte[1024];
        while (await socket.ReceiveAsync(sink, SocketFlags.None, stopping) > 0)
        {
        }
    }
}
