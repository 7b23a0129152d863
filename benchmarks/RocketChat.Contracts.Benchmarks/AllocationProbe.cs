using System.Globalization;
using System.Text;
using System.Text.Json;
using RocketChat.Contracts.Benchmarks.HandWritten;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat;

namespace RocketChat.Contracts.Benchmarks;

/// <summary>
/// `--alloc`: bytes allocated per call, split into the fixed per-call part (the same call answered with the smallest
/// valid body) and the JSON-reading part (deserializing the body alone, from a stream as the clients do and from a
/// span). Allocation counts are deterministic, so they locate differences that timings on a noisy machine blur.
/// </summary>
public static class AllocationProbe
{
    private const int Calls = 2000;

    public static string Run()
    {
        var full = new Contenders(Payloads.Instance);
        var minimal = new Contenders(Payloads.Minimal);
        Payloads p = Payloads.Instance;
        var report = new StringBuilder();
        report.AppendLine("bytes allocated per call (mean of " + Calls.ToString(CultureInfo.InvariantCulture) + " calls after warm-up)");
        report.AppendLine();
        report.AppendLine("| call | contender | full call | same call, minimal body | full - minimal |");
        report.AppendLine("|---|---|---:|---:|---:|");
        Row(report, "RegisterVisitor", "hand-written", () => full.RegisterHand(), () => minimal.RegisterHand());
        Row(report, "RegisterVisitor", "generated", () => full.RegisterGenerated(), () => minimal.RegisterGenerated());
        Row(report, "RegisterVisitor", "NSwag", () => full.RegisterNSwag(), () => minimal.RegisterNSwag());
        Row(report, "SendMessage", "hand-written", () => full.SendHand(), () => minimal.SendHand());
        Row(report, "SendMessage", "generated", () => full.SendGenerated(), () => minimal.SendGenerated());
        Row(report, "SendMessage", "NSwag", () => full.SendNSwag(), () => minimal.SendNSwag());
        Row(report, "MessageHistory100", "hand-written", () => full.HistoryHand(), () => minimal.HistoryHand());
        Row(report, "MessageHistory100", "generated", () => full.HistoryGenerated(), () => minimal.HistoryGenerated());
        Row(report, "MessageHistory100", "NSwag", () => full.HistoryNSwag(), () => minimal.HistoryNSwag());
        Row(report, "RoomsPage50", "hand-written", () => full.RoomsHand(), () => minimal.RoomsHand());
        Row(report, "RoomsPage50", "generated", () => full.RoomsGenerated(), () => minimal.RoomsGenerated());
        Row(report, "RoomsPage50", "NSwag", () => full.RoomsNSwag(), () => minimal.RoomsNSwag());

        report.AppendLine();
        report.AppendLine("JSON reading alone (body already in memory):");
        report.AppendLine();
        report.AppendLine("| body | contender | DeserializeAsync(new MemoryStream(body)) | Deserialize(ReadOnlySpan<byte>) |");
        report.AppendLine("|---|---|---:|---:|");
        LivechatJsonContext ours = LivechatJsonContext.Default;
        HandWrittenJsonContext hand = HandWrittenJsonContext.Default;
        Deserialize(report, "MessageHistory100", "hand-written", p.MessageHistory, b => JsonSerializer.DeserializeAsync(new MemoryStream(b, false), hand.MessageHistoryResponseDto).AsTask(), b => JsonSerializer.Deserialize(b, hand.MessageHistoryResponseDto));
        Deserialize(report, "MessageHistory100", "generated", p.MessageHistory, b => JsonSerializer.DeserializeAsync(new MemoryStream(b, false), ours.GetMessageHistoryResponse).AsTask(), b => JsonSerializer.Deserialize(b, ours.GetMessageHistoryResponse));
        Deserialize(report, "RoomsPage50", "hand-written", p.RoomsPage, b => JsonSerializer.DeserializeAsync(new MemoryStream(b, false), hand.ListRoomsResponseDto).AsTask(), b => JsonSerializer.Deserialize(b, hand.ListRoomsResponseDto));
        Deserialize(report, "RoomsPage50", "generated", p.RoomsPage, b => JsonSerializer.DeserializeAsync(new MemoryStream(b, false), ours.ListRoomsResponse).AsTask(), b => JsonSerializer.Deserialize(b, ours.ListRoomsResponse));
        Deserialize(report, "RegisterVisitor", "hand-written", p.RegisterVisitor, b => JsonSerializer.DeserializeAsync(new MemoryStream(b, false), hand.RegisterVisitorResponseDto).AsTask(), b => JsonSerializer.Deserialize(b, hand.RegisterVisitorResponseDto));
        Deserialize(report, "RegisterVisitor", "generated", p.RegisterVisitor, b => JsonSerializer.DeserializeAsync(new MemoryStream(b, false), ours.RegisterVisitorResponse).AsTask(), b => JsonSerializer.Deserialize(b, ours.RegisterVisitorResponse));

        report.AppendLine();
        report.AppendLine("Size of one model object (the generated records carry every property the contract declares, plus AdditionalProperties):");
        report.AppendLine();
        report.AppendLine("| type | generated record | hand-written DTO |");
        report.AppendLine("|---|---:|---:|");
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| Message | {MeasureSync(() => new Message { Id = "m" }):F0} | {MeasureSync(() => new MessageDto()):F0} |"));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| MessageUser | {MeasureSync(() => new MessageUser { Id = "u" }):F0} | {MeasureSync(() => new MessageUserDto()):F0} |"));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| LivechatRoom | {MeasureSync(() => new LivechatRoom { Id = "r" }):F0} | {MeasureSync(() => new LivechatRoomDto()):F0} |"));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| RoomVisitorInfo | {MeasureSync(() => new RoomVisitorInfo { Id = "v" }):F0} | {MeasureSync(() => new RoomVisitorInfoDto()):F0} |"));

        report.AppendLine();
        report.AppendLine("Request building, piece by piece, for the MessageHistory100 GET (what RocketChatConnection and ApiRequest do, then the cheaper equivalents):");
        report.AppendLine();
        report.AppendLine("| step | bytes |");
        report.AppendLine("|---|---:|");
        RequestPieces(report);

        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"body sizes: RegisterVisitor {p.RegisterVisitor.Length} B, SendMessage {p.SendMessage.Length} B, MessageHistory100 {p.MessageHistory.Length} B, RoomsPage50 {p.RoomsPage.Length} B"));
        return report.ToString();
    }

    private static void RequestPieces(StringBuilder report)
    {
        var server = new Uri("http://rc.local/");
        ApiRequest Build()
        {
            // The generated GetMessageHistoryAsync body for (roomId, token, limit: 100).
            var call = new ApiRequest(HttpMethod.Get, "GetMessageHistory", requiresAuthentication: false);
            call.AppendPath("api/v1/livechat/messages.history/");
            call.AppendPathParameter(Payloads.RoomId);
            call.AddQuery("token", Payloads.VisitorToken);
            call.AddQuery("end", (DateTimeOffset?)null);
            call.AddQuery("limit", (long?)Payloads.HistoryCount);
            call.AddQuery("ls", (DateTimeOffset?)null);
            call.AddQuery("offset", (long?)null);
            return call;
        }

        ApiRequest built = Build();
        string relative = built.RelativeUri;
        string absolute = server.AbsoluteUri + relative;
        var uri = new Uri(absolute, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var key = new HttpRequestOptionsKey<string>("RocketChat.Operation");
        Piece(report, "ApiRequest: new + AppendPath + AppendPathParameter + 5 AddQuery", () => Build());
        Piece(report, "ApiRequest.RelativeUri (path.ToString() + \"?\" + query.ToString())", () => built.RelativeUri);
        Piece(report, "ServerUri.AbsoluteUri + RelativeUri", () => server.AbsoluteUri + relative);
        Piece(report, "new Uri(absolute, DangerousDisablePathAndQueryCanonicalization)", () => new Uri(absolute, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        Piece(report, "new HttpRequestMessage(method, uri)", () => new HttpRequestMessage(HttpMethod.Get, uri));
        Piece(report, "  + Options.Set(OperationOption, operation)", () => { var m = new HttpRequestMessage(HttpMethod.Get, uri); m.Options.Set(key, "GetMessageHistory"); return m; });
        Piece(report, "  + Headers.Accept.ParseAdd(\"application/json\")", () => { var m = new HttpRequestMessage(HttpMethod.Get, uri); m.Headers.Accept.ParseAdd("application/json"); return m; });
        Piece(report, "  + Headers.TryAddWithoutValidation(\"Accept\", \"application/json\")", () => { var m = new HttpRequestMessage(HttpMethod.Get, uri); m.Headers.TryAddWithoutValidation("Accept", "application/json"); return m; });
        Piece(report, "hand-written: one interpolated absolute URL string", () => string.Create(CultureInfo.InvariantCulture,
            $"{server.AbsoluteUri}api/v1/livechat/messages.history/{Uri.EscapeDataString(Payloads.RoomId)}?token={Uri.EscapeDataString(Payloads.VisitorToken)}&limit={Payloads.HistoryCount}"));
    }

    private static void Piece<T>(StringBuilder report, string step, Func<T> action)
    {
        double bytes = MeasureSync(action);
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {bytes:F0} |"));
    }

    private static void Row<T>(StringBuilder report, string call, string who, Func<Task<T>> full, Func<Task<T>> minimal)
    {
        double a = Measure(full);
        double b = Measure(minimal);
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {call} | {who} | {a:F0} | {b:F0} | {a - b:F0} |"));
    }

    private static void Deserialize<T>(StringBuilder report, string body, string who, byte[] bytes, Func<byte[], Task<T>> async, Func<byte[], T> span)
    {
        double a = Measure(() => async(bytes));
        double b = MeasureSync(() => span(bytes));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {body} | {who} | {a:F0} | {b:F0} |"));
    }

    private static double MeasureSync<T>(Func<T> call)
    {
        for (int i = 0; i < 200; i++)
        {
            GC.KeepAlive(call());
        }

        long before = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < Calls; i++)
        {
            GC.KeepAlive(call());
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Calls;
    }

    private static double Measure<T>(Func<Task<T>> call)
    {
        for (int i = 0; i < 200; i++)
        {
            call().GetAwaiter().GetResult();
        }

        long before = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < Calls; i++)
        {
            call().GetAwaiter().GetResult();
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Calls;
    }
}
