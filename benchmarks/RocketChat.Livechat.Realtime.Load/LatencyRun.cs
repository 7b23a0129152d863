using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace RocketChat.Livechat.Realtime.Load;

/// <summary>
/// One visitor subscribed to its room (the client's typed subscription, gap filling and all) sends messages over REST,
/// one at a time; each sample is the time from starting the HTTP send to the message's event coming out of the
/// subscription's enumeration. Client-chosen message ids match events to sends; an event that does not come within
/// 5 s counts as lost.
/// </summary>
internal static class LatencyRun
{
    private const int WarmUp = 200;
    private static readonly TimeSpan s_lostAfter = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(int samples)
    {
        await using EmulatorProcess server = await EmulatorProcess.StartAsync();
        using var http = new HttpClient();
        var options = new RocketChatLivechatOptions { ServerUrl = server.BaseAddress };
        LivechatClient rest = LivechatClient.Create(options, http);
        string token = "latency-" + Guid.NewGuid().ToString("N");
        await rest.Visitors.RegisterVisitorAsync(new RegisterVisitorRequest { Visitor = new VisitorInput { Token = token, Name = "Latency" } });
        string roomId = (await rest.Rooms.GetOrCreateRoomAsync(token)).Room.Id;

        await using LivechatRealtimeClient realtime = LivechatRealtimeClient.Create(options, rest: rest);
        await realtime.ConnectAsync();
        await using LivechatRoomSubscription room = await realtime.SubscribeVisitorRoomAsync(roomId, token);
        var pending = new ConcurrentDictionary<string, TaskCompletionSource<long>>(StringComparer.Ordinal);
        int unexpected = 0;
        Task reader = Task.Run(async () =>
        {
            await foreach (LivechatRoomEvent item in room)
            {
                long arrived = Stopwatch.GetTimestamp();
                if (item is RoomMessageEvent { IsEdit: false } message && pending.TryRemove(message.Message.Id, out TaskCompletionSource<long>? waiter))
                {
                    waiter.SetResult(arrived);
                }
                else if (item is RoomMessageEvent)
                {
                    Interlocked.Increment(ref unexpected);
                }
            }
        });

        var toEvent = new List<double>(samples);
        var restRoundTrip = new List<double>(samples);
        var afterResponse = new List<double>(samples);
        int lost = 0;
        int eventBeforeResponse = 0;
        for (int i = 0; i < WarmUp + samples; i++)
        {
            string id = $"lat{i:D6}{Guid.NewGuid():N}"[..24];
            var waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            pending[id] = waiter;
            long start = Stopwatch.GetTimestamp();
            await rest.Messages.SendMessageAsync(new SendMessageRequest { Token = token, RoomId = roomId, Text = $"message {i}", Id = id });
            long answered = Stopwatch.GetTimestamp();
            long arrived;
            try
            {
                arrived = await waiter.Task.WaitAsync(s_lostAfter);
            }
            catch (TimeoutException)
            {
                pending.TryRemove(id, out _);
                if (i >= WarmUp)
                {
                    lost++;
                }

                continue;
            }

            if (i < WarmUp)
            {
                continue;
            }

            toEvent.Add(Stopwatch.GetElapsedTime(start, arrived).TotalMilliseconds);
            restRoundTrip.Add(Stopwatch.GetElapsedTime(start, answered).TotalMilliseconds);
            afterResponse.Add(Stopwatch.GetElapsedTime(answered, arrived).TotalMilliseconds); // Negative when the event came first.
            eventBeforeResponse += arrived < answered ? 1 : 0;
        }

        await room.DisposeAsync();
        await reader;
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"samples: {samples} (after {WarmUp} warm-up), sequential, one visitor, emulator in a child process on loopback");
        report.AppendLine(CultureInfo.InvariantCulture, $"lost events: {lost}, unexpected events: {unexpected}, event before the REST response: {eventBeforeResponse}");
        report.AppendLine($"REST send -> subscriber's event: {Percentiles.Summary(toEvent)}");
        report.AppendLine($"REST send round trip (for reference): {Percentiles.Summary(restRoundTrip)}");
        report.AppendLine($"event arrival minus REST response (the realtime hop beyond the send): {Percentiles.Summary(afterResponse)}");
        Console.Write(report);
        return lost == 0 ? 0 : 1;
    }
}
