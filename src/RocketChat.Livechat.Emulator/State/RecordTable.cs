using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace RocketChat.Livechat.Emulator.State;

/// <summary>
/// Records by id, like a MongoDB collection with secondary indexes: every write goes through the indexer or
/// <see cref="Remove"/>, which hand the old and new record to <see cref="OnChanged"/> so derived tables keep their
/// indexes current. Lookups that would otherwise scan every record stay O(1) as the state grows.
/// </summary>
internal abstract class RecordTable<TRecord> : IReadOnlyDictionary<string, TRecord>
    where TRecord : class
{
    private readonly Dictionary<string, TRecord> _byId = new(StringComparer.Ordinal);

    public TRecord this[string id]
    {
        get => _byId[id];
        set
        {
            _byId.TryGetValue(id, out TRecord? previous);
            _byId[id] = value;
            OnChanged(previous, value);
        }
    }

    public IEnumerable<string> Keys => _byId.Keys;

    public IEnumerable<TRecord> Values => _byId.Values;

    public int Count => _byId.Count;

    public bool ContainsKey(string key) => _byId.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TRecord value) => _byId.TryGetValue(key, out value);

    public bool Remove(string id)
    {
        if (!_byId.Remove(id, out TRecord? previous))
        {
            return false;
        }

        OnChanged(previous, null);
        return true;
    }

    public IEnumerator<KeyValuePair<string, TRecord>> GetEnumerator() => _byId.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Updates the indexes: <paramref name="previous"/> is null for an insert, <paramref name="current"/> null for a removal.</summary>
    protected abstract void OnChanged(TRecord? previous, TRecord? current);

    /// <summary>Adds or removes <paramref name="id"/> in the set under <paramref name="key"/>, dropping empty sets.</summary>
    protected static void Index(Dictionary<string, HashSet<string>> index, string key, string id, bool add)
    {
        if (add)
        {
            if (!index.TryGetValue(key, out HashSet<string>? ids))
            {
                ids = new HashSet<string>(StringComparer.Ordinal);
                index[key] = ids;
            }

            ids.Add(id);
        }
        else if (index.TryGetValue(key, out HashSet<string>? ids) && ids.Remove(id) && ids.Count == 0)
        {
            index.Remove(key);
        }
    }
}
