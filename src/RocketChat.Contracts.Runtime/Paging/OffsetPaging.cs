using System.Runtime.CompilerServices;

namespace RocketChat.Contracts.Runtime;

/// <summary>Walks Rocket.Chat's offset/count pages as one async stream.</summary>
public static class OffsetPaging
{
    /// <summary>
    /// Fetches pages of <paramref name="pageSize"/> from <paramref name="offset"/> until the server's total is reached,
    /// a page comes back empty, or a page makes no progress: the same items as a page already seen (a server that
    /// ignores <c>offset</c>), whose items are not yielded again. The offset advances by what each page held, since the
    /// server may cap count (100 by default).
    /// </summary>
    public static async IAsyncEnumerable<TItem> EnumerateAsync<TPage, TItem>(
        Func<int, int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, long?> total,
        int offset,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var seen = new HashSet<UInt128>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            PageFingerprint fingerprint = PageFingerprint.Begin();
            TPage page;
            try
            {
                page = await fetchPage(offset, pageSize, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Stryker disable once Statement : the slot lives in this iterator's async flow, which the caller never sees, and Begin replaces it for the next page; End only lets it go sooner.
                PageFingerprint.End();
            }

            IReadOnlyList<TItem>? pageItems = items(page);
            if (pageItems is null || pageItems.Count == 0)
            {
                yield break;
            }

            if (fingerprint.Value is { } value && !seen.Add(value))
            {
                yield break;
            }

            foreach (TItem item in pageItems)
            {
                yield return item;
            }

            offset = checked(offset + pageItems.Count);
            if (total(page) is { } known && offset >= known)
            {
                yield break;
            }
        }
    }
}
