using System.Web;

namespace RocketChat.Livechat.Tests;

/// <summary>Paging ends when the server stops making progress, instead of asking for the same page forever.</summary>
public sealed class PagingProgressTests : IAsyncLifetime
{
    private readonly FaultServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private LivechatClient Client => LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = _server.BaseAddress, UserId = "u1", AuthToken = "t" });

    private static string Page(IEnumerable<int> ids, string extra = "") =>
        "{\"rooms\":[" + string.Join(",", ids.Select(i => OperationWireTests.RoomJson("r" + i, "t"))) + "]" + extra + ",\"success\":true}";

    [Fact]
    public async Task A_server_that_ignores_offset_and_sends_no_total_yields_its_page_once()
    {
        _server.Reply(Faults.Json(Page(Enumerable.Range(0, 3))));

        List<string> ids = await ReadAllAsync(pageSize: 3);

        Assert.Equal(["r0", "r1", "r2"], ids);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_server_that_ignores_offset_but_echoes_it_is_still_caught()
    {
        // The echoed offset changes the body; the items do not.
        _server.Reply(async (request, socket, stopping) =>
        {
            string offset = HttpUtility.ParseQueryString(new Uri(_server.BaseAddress, request.Target).Query)["offset"]!;
            await Faults.Json(Page(Enumerable.Range(0, 2), $",\"count\":2,\"offset\":{offset}"))(request, socket, stopping);
        });

        List<string> ids = await ReadAllAsync(pageSize: 2);

        Assert.Equal(["r0", "r1"], ids);
    }

    [Fact]
    public async Task A_server_that_ignores_offset_with_a_total_does_not_repeat_items()
    {
        _server.Reply(Faults.Json(Page(Enumerable.Range(0, 2), ",\"total\":6")));

        List<string> ids = await ReadAllAsync(pageSize: 2);

        Assert.Equal(["r0", "r1"], ids);
    }

    [Fact]
    public async Task A_server_alternating_between_two_pages_stops_at_the_first_repeat()
    {
        int calls = 0;
        _server.Reply((request, socket, stopping) =>
            Faults.Json(Page(Interlocked.Increment(ref calls) % 2 == 1 ? [0, 1] : [2, 3]))(request, socket, stopping));

        List<string> ids = await ReadAllAsync(pageSize: 2);

        Assert.Equal(["r0", "r1", "r2", "r3"], ids);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Distinct_pages_without_a_total_are_all_read_until_an_empty_one()
    {
        _server.Reply(async (request, socket, stopping) =>
        {
            int offset = int.Parse(HttpUtility.ParseQueryString(new Uri(_server.BaseAddress, request.Target).Query)["offset"]!, System.Globalization.CultureInfo.InvariantCulture);
            await Faults.Json(Page(Enumerable.Range(offset, Math.Max(0, Math.Min(2, 5 - offset)))))(request, socket, stopping);
        });

        List<string> ids = await ReadAllAsync(pageSize: 2);

        Assert.Equal(["r0", "r1", "r2", "r3", "r4"], ids);
    }

    private async Task<List<string>> ReadAllAsync(int pageSize)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var ids = new List<string>();
        await foreach (LivechatRoom room in Client.Rooms.EnumerateRoomsAsync(pageSize: pageSize, cancellationToken: guard.Token))
        {
            ids.Add(room.Id);
            Assert.True(ids.Count < 1000, "paging does not stop");
        }

        return ids;
    }
}
