using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>When paging stops: at the total, at an empty page, at a page seen before.</summary>
public sealed class OffsetPagingTests
{
    private sealed record Page(IReadOnlyList<int>? Items, long? Total);

    [Fact]
    public async Task An_empty_page_before_the_total_ends_paging()
    {
        var asked = new List<int>();
        Task<Page> Fetch(int offset, int count, CancellationToken token)
        {
            asked.Add(offset);
            Assert.True(asked.Count <= 3, "paging went on past the empty page");
            return Task.FromResult(offset == 0 ? new Page([1, 2], 10) : new Page([], 10));
        }

        List<int> items = await Collect(Fetch, pageSize: 2);

        Assert.Equal([1, 2], items);
        Assert.Equal([0, 2], asked);
    }

    [Fact]
    public async Task A_page_without_items_ends_paging()
    {
        int calls = 0;
        List<int> items = await Collect((_, _, _) => { calls++; return Task.FromResult(new Page(null, 5)); }, pageSize: 2);

        Assert.Empty(items);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Paging_stops_exactly_at_the_total()
    {
        var asked = new List<int>();
        Task<Page> Fetch(int offset, int count, CancellationToken token)
        {
            asked.Add(offset);
            return Task.FromResult(new Page(Enumerable.Range(offset, count).ToList(), 4));
        }

        List<int> items = await Collect(Fetch, pageSize: 2);

        Assert.Equal([0, 1, 2, 3], items);
        Assert.Equal([0, 2], asked);
    }

    [Fact]
    public async Task Without_a_total_paging_goes_on_until_an_empty_page()
    {
        Task<Page> Fetch(int offset, int count, CancellationToken token) =>
            Task.FromResult(new Page(offset < 5 ? Enumerable.Range(offset, Math.Min(count, 5 - offset)).ToList() : [], null));

        Assert.Equal([0, 1, 2, 3, 4], await Collect(Fetch, pageSize: 2));
    }

    [Fact]
    public async Task Bad_arguments_are_rejected()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Collect((_, _, _) => Task.FromResult(new Page([], 0)), pageSize: 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Collect((_, _, _) => Task.FromResult(new Page([], 0)), pageSize: 1, offset: -1));
    }

    [Fact]
    public async Task A_missing_fetch_function_is_rejected_by_name()
    {
        ArgumentNullException error = await Assert.ThrowsAsync<ArgumentNullException>(
            () => Collect(null!, pageSize: 2));
        Assert.Equal("fetchPage", error.ParamName);
    }

    [Fact]
    public async Task Cancelling_between_pages_stops_before_the_next_fetch_even_when_the_fetch_ignores_the_token()
    {
        using var cancel = new CancellationTokenSource();
        int fetches = 0;
        Task<Page> Fetch(int offset, int count, CancellationToken token)
        {
            fetches++;
            return Task.FromResult(new Page(fetches == 1 ? [0, 1] : [], null));
        }

        var items = new List<int>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (int item in OffsetPaging.EnumerateAsync(Fetch, p => p.Items, p => p.Total, 0, 2, cancel.Token))
            {
                items.Add(item);
                await cancel.CancelAsync();
            }
        });

        Assert.Equal(1, fetches);
        Assert.Equal([0, 1], items);
    }

    [Fact]
    public async Task An_offset_past_int_MaxValue_fails_instead_of_wrapping_to_a_negative_offset()
    {
        var asked = new List<int>();
        Task<Page> Fetch(int offset, int count, CancellationToken token)
        {
            asked.Add(offset);
            return Task.FromResult(new Page(offset < 0 ? [] : [offset, offset], null));
        }

        await Assert.ThrowsAsync<OverflowException>(() => Collect(Fetch, pageSize: 2, offset: int.MaxValue - 1));
        Assert.Equal([int.MaxValue - 1], asked);
    }

    private static async Task<List<int>> Collect(Func<int, int, CancellationToken, Task<Page>> fetch, int pageSize, int offset = 0)
    {
        var items = new List<int>();
        await foreach (int item in OffsetPaging.EnumerateAsync(fetch, p => p.Items, p => p.Total, offset, pageSize))
        {
            items.Add(item);
        }

        return items;
    }
}
