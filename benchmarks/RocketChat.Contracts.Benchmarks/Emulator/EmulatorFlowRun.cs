using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat;
using RocketChat.Livechat.Emulator;

namespace RocketChat.Contracts.Benchmarks.Emulator;

/// <summary>
/// The whole livechat conversation for many visitors at once against one emulator: register, open a room, send two
/// messages, an agent takes the inquiry and replies, the visitor reads the history. Every message carries a
/// client-chosen id, so the history shows what was lost or duplicated; every 5xx is counted.
/// </summary>
public static class EmulatorFlowRun
{
    private const int Agents = 4;

    public static async Task<string> RunAsync(int visitors, int parallelism)
    {
        using var http = new HttpClient();
        await using LivechatEmulator emulator = await EmulatorSeeding.StartAsync(Agents);
        LivechatClient visitorClient = EmulatorSeeding.Visitor(emulator, http);
        var agents = new LivechatClient[Agents];
        for (int i = 0; i < Agents; i++)
        {
            agents[i] = await EmulatorSeeding.StaffAsync(emulator, http, $"agent.{i + 1}");
        }

        var tally = new Tally();
        var durations = new ConcurrentBag<double>();
        var total = Stopwatch.StartNew();
        await Parallel.ForAsync(0, visitors, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, ct) =>
        {
            long start = Stopwatch.GetTimestamp();
            try
            {
                await OneConversationAsync(i, visitorClient, agents[i % Agents], tally, ct);
            }
            catch (RocketChatApiException ex) when ((int)ex.StatusCode >= 500)
            {
                tally.Add(ref tally.ServerErrors);
            }
            catch (Exception ex) when (ex is RocketChatException or InvalidOperationException)
            {
                tally.Add(ref tally.OtherFailures);
            }

            durations.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        });
        total.Stop();

        (string adminId, string adminToken) = await emulator.LoginAsync("admin", "admin-password");
        LivechatClient admin = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = emulator.BaseAddress, UserId = adminId, AuthToken = adminToken }, http);
        long rooms = (await admin.Rooms.ListRoomsAsync(count: 1)).Total ?? -1;
        long queued = (await admin.Inquiries.ListInquiriesAsync(count: 1)).Total ?? -1;
        return Report(visitors, parallelism, total.Elapsed, [.. durations], tally, rooms, queued);
    }

    private static async Task OneConversationAsync(int i, LivechatClient visitors, LivechatClient agent, Tally tally, CancellationToken ct)
    {
        string token = $"flow-{i}-{Guid.NewGuid():N}";
        await visitors.Visitors.RegisterVisitorAsync(new RegisterVisitorRequest { Visitor = new VisitorInput { Token = token, Name = $"Visitor {i}" } }, ct);
        string roomId = (await visitors.Rooms.GetOrCreateRoomAsync(token, cancellationToken: ct)).Room.Id;
        string[] expected = [$"{token}-m1", $"{token}-m2", $"{token}-r1"];
        await visitors.Messages.SendMessageAsync(new SendMessageRequest { Token = token, RoomId = roomId, Text = "Hello, I need help.", Id = expected[0] }, ct);
        await visitors.Messages.SendMessageAsync(new SendMessageRequest { Token = token, RoomId = roomId, Text = "My order has not arrived.", Id = expected[1] }, ct);
        Inquiry inquiry = (await agent.Inquiries.GetInquiryAsync(roomId, ct)).Inquiry ?? throw new InvalidOperationException($"Room {roomId} has no inquiry.");
        await agent.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = inquiry.Id }, ct);
        await agent.Messages.SendAgentMessageAsync(new SendAgentMessageRequest
        {
            Message = new OutgoingMessage { RoomId = roomId, Text = "Let me look that up.", Id = expected[2] },
        }, ct);
        GetMessageHistoryResponse history = await visitors.Messages.GetMessageHistoryAsync(roomId, token, limit: 50, cancellationToken: ct);
        foreach (string id in expected)
        {
            int seen = history.Messages.Count(message => message.Id == id);
            if (seen == 0)
            {
                tally.Add(ref tally.Lost);
            }
            else if (seen > 1)
            {
                tally.Add(ref tally.Duplicated);
            }
        }

        tally.Add(ref tally.Completed);
    }

    private static string Report(int visitors, int parallelism, TimeSpan elapsed, double[] durations, Tally tally, long rooms, long queued)
    {
        Array.Sort(durations);
        double Percentile(double p) => durations.Length == 0 ? 0 : durations[Math.Min(durations.Length - 1, (int)Math.Ceiling(p * durations.Length) - 1)];
        const int CallsPerConversation = 8;
        var text = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"visitors: {visitors}, parallel conversations: {parallelism}, agents: {Agents}, calls per conversation: {CallsPerConversation}");
        text.AppendLine(c, $"completed: {tally.Completed}, lost messages: {tally.Lost}, duplicated messages: {tally.Duplicated}, 5xx: {tally.ServerErrors}, other failures: {tally.OtherFailures}");
        text.AppendLine(c, $"rooms in the emulator afterwards: {rooms}, inquiries still queued: {queued}");
        text.AppendLine(c, $"wall time: {elapsed.TotalSeconds:F1} s, {visitors * CallsPerConversation / elapsed.TotalSeconds:F0} calls/s");
        text.AppendLine(c, $"conversation time: p50 {Percentile(0.50):F1} ms, p95 {Percentile(0.95):F1} ms, p99 {Percentile(0.99):F1} ms, max {durations[^1]:F1} ms");
        return text.ToString();
    }

    /// <summary>Counters shared by the parallel conversations.</summary>
    private sealed class Tally
    {
        public int Completed;
        public int Lost;
        public int Duplicated;
        public int ServerErrors;
        public int OtherFailures;

        public void Add(ref int counter) => Interlocked.Increment(ref counter);
    }
}
