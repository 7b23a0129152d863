using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RocketChat.Contracts.Benchmarks.HandWritten;
using RocketChat.Livechat;
using N = RocketChat.Livechat.NSwag;

namespace RocketChat.Contracts.Benchmarks;

/// <summary>
/// Per-call cost of one livechat call through an in-memory handler: build the request, serialize the body, send,
/// deserialize the whole response. Three contenders per call, side by side; the hand-written client is the baseline.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClientBenchmarks
{
    private Contenders _c = null!;

    [GlobalSetup]
    public void Setup()
    {
        _c = new Contenders();
        string report = Equivalence.Verify(_c);
        Console.WriteLine("// Cross-check passed:");
        foreach (string line in report.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Console.WriteLine("//   " + line);
        }
    }

    [BenchmarkCategory("RegisterVisitor"), Benchmark(Baseline = true, Description = "RegisterVisitor: hand-written")]
    public Task<RegisterVisitorResponseDto> RegisterVisitor_HandWritten() => _c.RegisterHand();

    [BenchmarkCategory("RegisterVisitor"), Benchmark(Description = "RegisterVisitor: generated")]
    public Task<RegisterVisitorResponse> RegisterVisitor_Generated() => _c.RegisterGenerated();

    [BenchmarkCategory("RegisterVisitor"), Benchmark(Description = "RegisterVisitor: NSwag")]
    public Task<N.RegisterVisitorResponse> RegisterVisitor_NSwag() => _c.RegisterNSwag();

    [BenchmarkCategory("SendMessage"), Benchmark(Baseline = true, Description = "SendMessage: hand-written")]
    public Task<SendMessageResponseDto> SendMessage_HandWritten() => _c.SendHand();

    [BenchmarkCategory("SendMessage"), Benchmark(Description = "SendMessage: generated")]
    public Task<SendMessageResponse> SendMessage_Generated() => _c.SendGenerated();

    [BenchmarkCategory("SendMessage"), Benchmark(Description = "SendMessage: NSwag")]
    public Task<N.SendMessageResponse> SendMessage_NSwag() => _c.SendNSwag();

    [BenchmarkCategory("MessageHistory100"), Benchmark(Baseline = true, Description = "MessageHistory100: hand-written")]
    public Task<MessageHistoryResponseDto> MessageHistory100_HandWritten() => _c.HistoryHand();

    [BenchmarkCategory("MessageHistory100"), Benchmark(Description = "MessageHistory100: generated")]
    public Task<GetMessageHistoryResponse> MessageHistory100_Generated() => _c.HistoryGenerated();

    [BenchmarkCategory("MessageHistory100"), Benchmark(Description = "MessageHistory100: NSwag")]
    public Task<N.GetMessageHistoryResponse> MessageHistory100_NSwag() => _c.HistoryNSwag();

    [BenchmarkCategory("RoomsPage50"), Benchmark(Baseline = true, Description = "RoomsPage50: hand-written")]
    public Task<ListRoomsResponseDto> RoomsPage50_HandWritten() => _c.RoomsHand();

    [BenchmarkCategory("RoomsPage50"), Benchmark(Description = "RoomsPage50: generated")]
    public Task<ListRoomsResponse> RoomsPage50_Generated() => _c.RoomsGenerated();

    [BenchmarkCategory("RoomsPage50"), Benchmark(Description = "RoomsPage50: NSwag")]
    public Task<N.ListRoomsResponse> RoomsPage50_NSwag() => _c.RoomsNSwag();
}
