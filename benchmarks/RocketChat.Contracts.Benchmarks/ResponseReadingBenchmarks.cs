using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RocketChat.Contracts.Benchmarks.HandWritten;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat;

namespace RocketChat.Contracts.Benchmarks;

/// <summary>
/// Before/after for the two large calls, side by side in one run: the generated client as shipped (since commit
/// 2e65052 RocketChatConnection reads the body into one pooled buffer and parses the span), next to a replica of
/// the send path as it was before (JsonSerializer.DeserializeAsync on the response stream). Everything else in the
/// replica (ApiRequest, URI, headers, the generated converters) is what RocketChatConnection does; src/ is untouched.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ResponseReadingBenchmarks
{
    private Contenders _c = null!;
    private StreamReadingConnection _before = null!;

    [GlobalSetup]
    public void Setup()
    {
        _c = new Contenders();
        _before = new StreamReadingConnection(new HttpClient(_c.Handler, disposeHandler: false), Contenders.Server, new RocketChatCredentials("u", "t"));

        // The replica must read the same data as the shipped client.
        if (Equivalence.Fingerprint(_c.HistoryGenerated().GetAwaiter().GetResult()) != Equivalence.Fingerprint(HistoryBefore().GetAwaiter().GetResult())
            || Equivalence.Fingerprint(_c.RoomsGenerated().GetAwaiter().GetResult()) != Equivalence.Fingerprint(RoomsBefore().GetAwaiter().GetResult()))
        {
            throw new InvalidOperationException("The stream-reading replica read different data than the shipped client.");
        }
    }

    [BenchmarkCategory("MessageHistory100"), Benchmark(Baseline = true, Description = "MessageHistory100: hand-written")]
    public Task<MessageHistoryResponseDto> HistoryHandWritten() => _c.HistoryHand();

    [BenchmarkCategory("MessageHistory100"), Benchmark(Description = "MessageHistory100: generated (shipped, span read)")]
    public Task<GetMessageHistoryResponse> HistoryGenerated() => _c.HistoryGenerated();

    [BenchmarkCategory("MessageHistory100"), Benchmark(Description = "MessageHistory100: generated, stream read (before 2e65052)")]
    public Task<GetMessageHistoryResponse> HistoryBefore()
    {
        // The body of the generated MessagesClient.GetMessageHistoryAsync, sent through the replica.
        var call = new ApiRequest(HttpMethod.Get, "GetMessageHistory", requiresAuthentication: false);
        call.AppendPath("api/v1/livechat/messages.history/");
        call.AppendPathParameter(Payloads.RoomId);
        call.AddQuery("token", Payloads.VisitorToken);
        call.AddQuery("end", (DateTimeOffset?)null);
        call.AddQuery("limit", (long?)Payloads.HistoryCount);
        call.AddQuery("ls", (DateTimeOffset?)null);
        call.AddQuery("offset", (long?)null);
        return _before.SendAsync(call, LivechatJsonContext.Default.GetMessageHistoryResponse, CancellationToken.None);
    }

    [BenchmarkCategory("RoomsPage50"), Benchmark(Baseline = true, Description = "RoomsPage50: hand-written")]
    public Task<ListRoomsResponseDto> RoomsHandWritten() => _c.RoomsHand();

    [BenchmarkCategory("RoomsPage50"), Benchmark(Description = "RoomsPage50: generated (shipped, span read)")]
    public Task<ListRoomsResponse> RoomsGenerated() => _c.RoomsGenerated();

    [BenchmarkCategory("RoomsPage50"), Benchmark(Description = "RoomsPage50: generated, stream read (before 2e65052)")]
    public Task<ListRoomsResponse> RoomsBefore()
    {
        // The body of the generated RoomsClient.ListRoomsAsync for the arguments the benchmarks pass.
        var call = new ApiRequest(HttpMethod.Get, "ListRooms", requiresAuthentication: true);
        call.AppendPath("api/v1/livechat/rooms");
        call.AddQueryArray("agents", null);
        call.AddQuery("departmentId", Payloads.DepartmentId);
        call.AddQuery("open", (bool?)true);
        call.AddQuery("offset", (long?)0);
        call.AddQuery("count", (long?)Payloads.RoomsPageSize);
        call.AddQueryJson("sort", (IReadOnlyDictionary<string, int>)Contenders.Sort, LivechatJsonContext.Default.Int32Map);
        return _before.SendAsync(call, LivechatJsonContext.Default.ListRoomsResponse, CancellationToken.None);
    }

    /// <summary>RocketChatConnection's send path as it was before 2e65052 (the response read is the only difference that matters here).</summary>
    private sealed class StreamReadingConnection(HttpClient http, Uri server, RocketChatCredentials credentials)
    {
        private static readonly HttpRequestOptionsKey<string> s_operation = new("RocketChat.Operation");

        public async Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        {
            var uri = new Uri(server.AbsoluteUri + request.RelativeUri, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
            using var message = new HttpRequestMessage(request.Method, uri);
            message.Options.Set(s_operation, request.Operation);
            message.Headers.Accept.ParseAdd("application/json");
            if (request.RequiresAuthentication)
            {
                message.Headers.TryAddWithoutValidation("X-User-Id", credentials.UserId);
                message.Headers.TryAddWithoutValidation("X-Auth-Token", credentials.AuthToken);
            }

            using HttpResponseMessage response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException("status " + response.StatusCode);
            }

            Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("The body is JSON null.");
            }
        }
    }
}
