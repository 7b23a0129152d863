namespace RocketChat.Livechat.Emulator.Services;

/// <summary>
/// getPaginationItems plus the parsed <c>sort</c>: <c>offset</c> defaults to 0, <c>count</c> to 50 and is capped at
/// 100; a count of 0 means no limit (API_Allow_Infinite_Count).
/// </summary>
internal sealed record Paging(int Offset, int Count, IReadOnlyList<SortField>? Sort)
{
    public const int DefaultCount = 50;
    public const int MaxCount = 100;

    public IReadOnlyList<T> Apply<T>(IReadOnlyList<T> items)
    {
        IEnumerable<T> page = items.Skip(Offset);
        return (Count == 0 ? page : page.Take(Count)).ToList();
    }
}
