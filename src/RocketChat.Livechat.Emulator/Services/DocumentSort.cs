namespace RocketChat.Livechat.Emulator.Services;

/// <summary>Sorts documents the way MongoDB applies a sort document: keys in order, missing values first when ascending.</summary>
internal static class DocumentSort
{
    public static IReadOnlyList<T> Apply<T>(IEnumerable<T> items, IReadOnlyList<SortField> sort, Func<T, string, IComparable?> keyOf)
    {
        IOrderedEnumerable<T>? ordered = null;
        foreach (SortField key in sort)
        {
            Func<T, IComparable?> selector = item => keyOf(item, key.Field);
            ordered = (ordered, key.Direction < 0) switch
            {
                (null, false) => items.OrderBy(selector, NullsFirst.Instance),
                (null, true) => items.OrderByDescending(selector, NullsFirst.Instance),
                (_, false) => ordered.ThenBy(selector, NullsFirst.Instance),
                (_, true) => ordered.ThenByDescending(selector, NullsFirst.Instance),
            };
        }

        return (ordered ?? items).ToList();
    }

    private sealed class NullsFirst : IComparer<IComparable?>
    {
        public static NullsFirst Instance { get; } = new();

        public int Compare(IComparable? x, IComparable? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (string a, string b) => string.CompareOrdinal(a, b),
            _ => x.CompareTo(y),
        };
    }
}
