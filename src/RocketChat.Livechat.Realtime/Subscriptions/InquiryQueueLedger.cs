namespace RocketChat.Livechat.Realtime;

/// <summary>
/// The inquiries an inquiry-queue reader knows to be queued under one key, as the last version it was given. A
/// reconnection compares it with a REST listing of the queue to tell the reader what it missed, and a live event
/// held back during that catch-up is dropped when it only repeats what the comparison already told. The listing
/// (<c>inquiries.queuedForUser</c>) shows only inquiries without a default agent or whose default agent is the
/// listing user (<paramref name="userId"/>): one waiting for another agent is neither added nor removed by it.
/// </summary>
internal sealed class InquiryQueueLedger(InquiryQueueKey key, string userId)
{
    private readonly Dictionary<string, Inquiry> _queued = new(StringComparer.Ordinal);

    /// <summary>Starts over from a listing: what is queued when subscribing is known, not news.</summary>
    public void Reset(IEnumerable<Inquiry> queuedNow)
    {
        _queued.Clear();
        foreach (Inquiry inquiry in queuedNow.Where(key.Covers))
        {
            _queued[inquiry.Id] = inquiry;
        }
    }

    /// <summary>
    /// Takes a live event into account; false when it tells the reader nothing new: an <c>added</c> or
    /// <c>changed</c> of a version already known, or the departure of an inquiry not known to be queued.
    /// </summary>
    public bool Observe(InquiryQueueEvent queueEvent)
    {
        Inquiry inquiry = queueEvent.Inquiry;
        bool isKnown = _queued.TryGetValue(inquiry.Id, out Inquiry? known);
        if (queueEvent.Change == InquiryQueueChange.Removed || !IsQueued(inquiry))
        {
            // A taken inquiry comes as "changed" with another status: it left the queue all the same.
            _queued.Remove(inquiry.Id);
            return isKnown;
        }

        _queued[inquiry.Id] = inquiry;
        return !isKnown || IsNewer(inquiry, known!);
    }

    /// <summary>
    /// The events that turn what the reader knows into <paramref name="queuedNow"/> (a REST listing): <c>Removed</c>
    /// (with the last version seen) for inquiries no longer queued, taken or closed alike, then <c>Added</c> for new
    /// ones and <c>Changed</c> for newer versions, in the listing's order.
    /// </summary>
    public List<InquiryQueueEvent> Reconcile(IReadOnlyList<Inquiry> queuedNow)
    {
        var now = new Dictionary<string, Inquiry>(StringComparer.Ordinal);
        foreach (Inquiry inquiry in queuedNow.Where(key.Covers))
        {
            now[inquiry.Id] = inquiry;
        }

        var events = new List<InquiryQueueEvent>();
        foreach (Inquiry gone in _queued.Values.Where(known => IsListed(known) && !now.ContainsKey(known.Id)).ToList())
        {
            _queued.Remove(gone.Id);
            events.Add(new InquiryQueueEvent(InquiryQueueChange.Removed, gone));
        }

        foreach (Inquiry inquiry in now.Values)
        {
            if (!_queued.TryGetValue(inquiry.Id, out Inquiry? known))
            {
                events.Add(new InquiryQueueEvent(InquiryQueueChange.Added, inquiry));
            }
            else if (IsNewer(inquiry, known))
            {
                events.Add(new InquiryQueueEvent(InquiryQueueChange.Changed, inquiry));
            }

            _queued[inquiry.Id] = inquiry;
        }

        return events;
    }

    private bool IsListed(Inquiry inquiry) => inquiry.DefaultAgent?.AgentId is not { } agentId || agentId == userId;

    private static bool IsQueued(Inquiry inquiry) => inquiry.Status is null || inquiry.Status == InquiryStatus.Queued;

    private static bool IsNewer(Inquiry candidate, Inquiry known) =>
        candidate.UpdatedAt is { } updated && (known.UpdatedAt is null || updated > known.UpdatedAt);
}
