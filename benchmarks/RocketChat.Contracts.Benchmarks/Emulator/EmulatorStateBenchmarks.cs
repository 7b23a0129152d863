using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RocketChat.Livechat;
using RocketChat.Livechat.Emulator;

namespace RocketChat.Contracts.Benchmarks.Emulator;

/// <summary>
/// What one visitor's calls cost as the emulator's state grows: an empty emulator side by side with one holding
/// 12,000 open rooms (each with its visitor and queued inquiry). Sequential calls over loopback HTTP through the
/// generated client; the empty emulator is the baseline, so the ratio column is the growth (goal: at most 1.2).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EmulatorStateBenchmarks
{
    public const int LoadedRooms = 12_000;

    private readonly HttpClient _http = new();
    private Probe _empty = null!;
    private Probe _loaded = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _empty = await Probe.StartAsync(_http, rooms: 0);
        _loaded = await Probe.StartAsync(_http, LoadedRooms);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _empty.DisposeAsync();
        await _loaded.DisposeAsync();
        _http.Dispose();
    }

    [BenchmarkCategory("SendMessage"), Benchmark(Baseline = true, Description = "SendMessage: empty")]
    public Task<SendMessageResponse> SendMessage_Empty() => _empty.SendAsync();

    [BenchmarkCategory("SendMessage"), Benchmark(Description = "SendMessage: 12,000 rooms")]
    public Task<SendMessageResponse> SendMessage_Loaded() => _loaded.SendAsync();

    [BenchmarkCategory("ReRegister"), Benchmark(Baseline = true, Description = "ReRegister: empty")]
    public Task<RegisterVisitorResponse> ReRegister_Empty() => _empty.ReRegisterAsync();

    [BenchmarkCategory("ReRegister"), Benchmark(Description = "ReRegister: 12,000 rooms")]
    public Task<RegisterVisitorResponse> ReRegister_Loaded() => _loaded.ReRegisterAsync();

    /// <summary>One emulator and the visitor (with an open room) whose calls are measured.</summary>
    private sealed class Probe : IAsyncDisposable
    {
        private readonly LivechatEmulator _emulator;
        private readonly LivechatClient _client;
        private readonly RegisterVisitorRequest _registration;
        private readonly SendMessageRequest _message;

        private Probe(LivechatEmulator emulator, LivechatClient client, RegisterVisitorRequest registration, string roomId)
        {
            _emulator = emulator;
            _client = client;
            _registration = registration;
            _message = new SendMessageRequest { Token = registration.Visitor.Token, RoomId = roomId, Text = "How do I reset my password?" };
        }

        public static async Task<Probe> StartAsync(HttpClient http, int rooms)
        {
            LivechatEmulator emulator = await EmulatorSeeding.StartAsync(agents: 2);
            await EmulatorSeeding.AddOpenRoomsAsync(emulator, http, rooms);
            LivechatClient client = EmulatorSeeding.Visitor(emulator, http);
            var registration = new RegisterVisitorRequest { Visitor = new VisitorInput { Token = "probe-visitor", Name = "Probe Visitor" } };
            await client.Visitors.RegisterVisitorAsync(registration);
            GetOrCreateRoomResponse room = await client.Rooms.GetOrCreateRoomAsync(registration.Visitor.Token);
            return new Probe(emulator, client, registration, room.Room.Id);
        }

        public Task<SendMessageResponse> SendAsync() => _client.Messages.SendMessageAsync(_message);

        public Task<RegisterVisitorResponse> ReRegisterAsync() => _client.Visitors.RegisterVisitorAsync(_registration);

        public ValueTask DisposeAsync() => _emulator.DisposeAsync();
    }
}
