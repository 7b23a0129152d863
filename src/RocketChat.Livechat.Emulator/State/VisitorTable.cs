using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.State;

/// <summary>Visitors, indexed by token, phone and email: the three keys registerGuest matches on.</summary>
internal sealed class VisitorTable : RecordTable<VisitorRecord>
{
    private readonly Dictionary<string, string> _byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byPhone = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byEmail = new(StringComparer.Ordinal);

    public VisitorRecord? FindByToken(string token) => _byToken.TryGetValue(token, out string? id) ? this[id] : null;

    /// <summary>The first visitor (in insertion order of the index) with this phone number.</summary>
    public VisitorRecord? FindByPhone(string phone) => First(_byPhone, phone);

    public VisitorRecord? FindByEmail(string email) => First(_byEmail, email);

    protected override void OnChanged(VisitorRecord? previous, VisitorRecord? current)
    {
        if (previous is not null)
        {
            _byToken.Remove(previous.Token);
            foreach (string phone in previous.Phones)
            {
                Index(_byPhone, phone, previous.Id, add: false);
            }

            foreach (string email in previous.Emails)
            {
                Index(_byEmail, email, previous.Id, add: false);
            }
        }

        if (current is not null)
        {
            _byToken[current.Token] = current.Id;
            foreach (string phone in current.Phones)
            {
                Index(_byPhone, phone, current.Id, add: true);
            }

            foreach (string email in current.Emails)
            {
                Index(_byEmail, email, current.Id, add: true);
            }
        }
    }

    private VisitorRecord? First(Dictionary<string, HashSet<string>> index, string key) =>
        index.TryGetValue(key, out HashSet<string>? ids) && ids.Count > 0 ? this[ids.First()] : null;
}
