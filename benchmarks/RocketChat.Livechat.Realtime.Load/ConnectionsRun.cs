using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace RocketChat.Livechat.Realtime.Load;

/// <summary>
/// <c>count</c> visitors, each with its own <see cref="LivechatRealtimeClient"/> (one WebSocket) subscribed to its
/// room (four DDP subscriptions: messages, livechat-room, typing, deletions). Memory per connection is the growth
/// of each process's managed heap (after full collections) and working set between "rooms exist, no sockets" and
/// "every visitor subscribed", divided by <c>count</c>. Then every room gets one message over REST and every
/// subscriber must see it: none may be lost.
/// </summary>
internal static class ConnectionsRun
{
    private const int Parallelism = 16;
    private static readonly TimeSpan s_deliveryDeadline = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(int count)
    {
        await using EmulatorProcess server = await EmulatorProcess.StartAsync();
        using var http = new HttpClient();
        var options = new RocketChatLivechatOptions { ServerUrl = server.BaseAddress };
        LivechatClient rest = LivechatClient.Create(options, http);
        var visitors = new (string Token, string RoomId)[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, ct) =>
        {
            string token = $"conn-{i}-{Guid.NewGuid():N}";
            await rest.Visitors.RegisterVisitorAsync(new RegisterVisitorRequest { Visitor = new VisitorInput { Token = token, Name = $"Visitor {i}" } }, ct);
            visitors[i] = (token, (await rest.Rooms.GetOrCreateRoomAsync(token, cancellationToken: ct)).Room.Id);
        });

        var clients = new LivechatRealtimeClient[count];
        var rooms = new LivechatRoomSubscription[count];
        (long serverHeapBefore, long serverSetBefore, _) = await server.MeasureAsync();
        (long clientHeapBefore, long clientSetBefore) = Memory.Measure();
        var connecting = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, ct) =>
        {
            clients[i] = LivechatRealtimeClient.Create(options, rest: rest);
            await clients[i].ConnectAsync(ct);
            rooms[i] = await clients[i].SubscribeVisitorRoomAsync(visitors[i].RoomId, visitors[i].Token, ct);
        });
        connecting.Stop();
        (long serverHeapAfter, long serverSetAfter, int sessions) = await server.MeasureAsync();
        (long clientHeapAfter, long clientSetAfter) = Memory.Measure();

        // Every subscriber waits for its one message; then every room gets it.
        var ids = new string[count];
        var sentAt = new long[count];
        var latencies = new ConcurrentBag<double>();
        using var deadline = new CancellationTokenSource(s_deliveryDeadline);
        Task<bool>[] readers = new Task<bool>[count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = $"fan{i:D6}{Guid.NewGuid():N}"[..24];
            int index = i;
            readers[i] = Task.Run(async () =>
            {
                try
                {
                    await foreach (LivechatRoomEvent item in rooms[index].WithCancellation(deadline.Token))
                    {
                        if (item is RoomMessageEvent message && message.Message.Id == ids[index])
                        {
                            latencies.Add(Stopwatch.GetElapsedTime(Volatile.Read(ref sentAt[index])).TotalMilliseconds);
                            return true;
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    // Past the deadline: counted as lost below.
                }

                return false;
            });
        }

        var sending = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, ct) =>
        {
            Volatile.Write(ref sentAt[i], Stopwatch.GetTimestamp());
            await rest.Messages.SendMessageAsync(new SendMessageRequest { Token = visitors[i].Token, RoomId = visitors[i].RoomId, Text = "hello", Id = ids[i] }, ct);
        });
        bool[] received = await Task.WhenAll(readers);
        sending.Stop();
        int lost = received.Count(ok => !ok);
        int reconnects = clients.Sum(client => client.ReconnectCount);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"connections: {count} (one LivechatRealtimeClient and WebSocket each, 4 DDP subscriptions each), emulator sessions: {sessions}");
        report.AppendLine(CultureInfo.InvariantCulture, $"connect + subscribe all, {Parallelism} at a time: {connecting.Elapsed.TotalSeconds:0.0} s");
        report.AppendLine(PerConnection("server (emulator process)", serverHeapBefore, serverHeapAfter, serverSetBefore, serverSetAfter, count));
        report.AppendLine(PerConnection("client (this process)", clientHeapBefore, clientHeapAfter, clientSetBefore, clientSetAfter, count));
        report.AppendLine(CultureInfo.InvariantCulture, $"one message per room, {Parallelism} sends at a time: all delivered in {sending.Elapsed.TotalSeconds:0.00} s; lost: {lost}, reconnections: {reconnects}");
        report.AppendLine($"send -> that room's subscriber: {Percentiles.Summary([.. latencies])}");
        Console.Write(report);

        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) => await clients[i].DisposeAsync());
        return lost == 0 ? 0 : 1;
    }

    private static string PerConnection(string side, long heapBefore, long heapAfter, long setBefore, long setAfter, int count) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{side}: managed heap +{(heapAfter - heapBefore) / 1024.0 / 1024.0:0.0} MB = {(heapAfter - heapBefore) / 1024.0 / count:0.0} KB per connection; working set +{(setAfter - setBefore) / 1024.0 / 1024.0:0.0} MB = {(setAfter - setBefore) / 1024.0 / count:0.0} KB per connection");
}
