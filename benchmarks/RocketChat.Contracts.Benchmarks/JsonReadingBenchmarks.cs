using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RocketChat.Contracts.Benchmarks.HandWritten;
using RocketChat.Livechat;

namespace RocketChat.Contracts.Benchmarks;

/// <summary>
/// Diagnosis, not a contender table: reading the two large bodies alone (no HTTP), from a stream
/// (JsonSerializer.DeserializeAsync, what the hand-written client and NSwag do, and what RocketChatConnection did
/// before 2e65052) and from a span (what RocketChatConnection does since). Our generated converters are plain
/// JsonConverter&lt;T&gt;s, which System.Text.Json cannot suspend mid-value, so on the stream path it must have the whole
/// value buffered and reads ahead to its end, again each time the buffer grows, before the converter runs.
/// </summary>
[MemoryDiagnoser]
public class JsonReadingBenchmarks
{
    private byte[] _body = [];

    [Params("MessageHistory100", "RoomsPage50")]
    public string Body { get; set; } = "MessageHistory100";

    [GlobalSetup]
    public void Setup() => _body = Body == "MessageHistory100" ? Payloads.Instance.MessageHistory : Payloads.Instance.RoomsPage;

    [Benchmark(Baseline = true, Description = "hand-written: DeserializeAsync(stream)")]
    public async Task<object?> HandWrittenStream() => Body == "MessageHistory100"
        ? await JsonSerializer.DeserializeAsync(new MemoryStream(_body, false), HandWrittenJsonContext.Default.MessageHistoryResponseDto)
        : await JsonSerializer.DeserializeAsync(new MemoryStream(_body, false), HandWrittenJsonContext.Default.ListRoomsResponseDto);

    [Benchmark(Description = "hand-written: Deserialize(span)")]
    public object? HandWrittenSpan() => Body == "MessageHistory100"
        ? JsonSerializer.Deserialize(_body, HandWrittenJsonContext.Default.MessageHistoryResponseDto)
        : JsonSerializer.Deserialize(_body, HandWrittenJsonContext.Default.ListRoomsResponseDto);

    [Benchmark(Description = "generated: DeserializeAsync(stream), before 2e65052")]
    public async Task<object?> GeneratedStream() => Body == "MessageHistory100"
        ? await JsonSerializer.DeserializeAsync(new MemoryStream(_body, false), LivechatJsonContext.Default.GetMessageHistoryResponse)
        : await JsonSerializer.DeserializeAsync(new MemoryStream(_body, false), LivechatJsonContext.Default.ListRoomsResponse);

    [Benchmark(Description = "generated: Deserialize(span), since 2e65052")]
    public object? GeneratedSpan() => Body == "MessageHistory100"
        ? JsonSerializer.Deserialize(_body, LivechatJsonContext.Default.GetMessageHistoryResponse)
        : JsonSerializer.Deserialize(_body, LivechatJsonContext.Default.ListRoomsResponse);

    [Benchmark(Description = "generated: converter ReadValue on a Utf8JsonReader")]
    public object GeneratedReadValue()
    {
        var reader = new Utf8JsonReader(_body);
        reader.Read();
        return Body == "MessageHistory100"
            ? GetMessageHistoryResponseJsonConverter.ReadValue(ref reader)
            : ListRoomsResponseJsonConverter.ReadValue(ref reader);
    }
}
