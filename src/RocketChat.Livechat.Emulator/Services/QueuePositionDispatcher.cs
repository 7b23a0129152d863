using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Events;
using RocketChat.Livechat.Emulator.Settings;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>
/// The waiting queue's place notices (Enterprise <c>dispatchInquiryPosition</c>): a chat that stays queued is told
/// its place, and after an inquiry is taken every chat still queued in that department's queue is told its new place
/// (debounced per department, as <c>debouncedDispatchWaitingQueueStatus</c>). Each notice is computed when
/// dispatched and announced <see cref="EmulatorOptions.QueuePositionDelay"/> later, under the state lock, so it
/// follows every event of the action that caused it. Only with <c>Livechat_waiting_queue</c> on.
/// </summary>
internal sealed class QueuePositionDispatcher(EmulatorState state)
{
    /// <summary>The pending debounced dispatch of each department's queue (<c>""</c>: the whole queue).</summary>
    private readonly Dictionary<string, CancellationTokenSource> _debounces = new(StringComparer.Ordinal);

    /// <summary>beforeRouteChat: the inquiry stayed in the queue. Call while holding <see cref="EmulatorState.Gate"/>.</summary>
    public void InquiryQueued(InquiryRecord inquiry)
    {
        if (state.Settings.WaitingQueue() && PositionOf(inquiry) is { } position)
        {
            Announce(inquiry, position);
        }
    }

    /// <summary>afterTakeInquiry: the department's queue moved up. Call while holding <see cref="EmulatorState.Gate"/>.</summary>
    public void InquiryTaken(InquiryRecord inquiry)
    {
        if (!state.Settings.WaitingQueue())
        {
            return;
        }

        string key = inquiry.Department ?? string.Empty;
        if (_debounces.Remove(key, out CancellationTokenSource? previous))
        {
            previous.Cancel();
        }

        var debounce = new CancellationTokenSource();
        _debounces[key] = debounce;
        _ = DispatchQueueAfterAsync(inquiry.Department, key, debounce);
    }

    private async Task DispatchQueueAfterAsync(string? department, string key, CancellationTokenSource debounce)
    {
        try
        {
            await Task.Delay(state.Options.QueueDispatchDebounce, state.Options.TimeProvider, debounce.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            debounce.Dispose();
            return; // A later take restarted the wait.
        }

        lock (state.Gate)
        {
            if (_debounces.TryGetValue(key, out CancellationTokenSource? current) && ReferenceEquals(current, debounce))
            {
                _debounces.Remove(key);
            }

            List<InquiryRecord> queue = SortedQueue(department);
            for (int index = 0; index < queue.Count; index++)
            {
                Announce(queue[index], Normalize(index, department));
            }
        }

        debounce.Dispose();
    }

    private void Announce(InquiryRecord inquiry, QueuePosition position) => _ = AnnounceAfterDelayAsync(inquiry, position);

    private async Task AnnounceAfterDelayAsync(InquiryRecord inquiry, QueuePosition position)
    {
        await Task.Delay(state.Options.QueuePositionDelay, state.Options.TimeProvider).ConfigureAwait(false);
        lock (state.Gate)
        {
            state.Events.QueuePositionDispatched(inquiry, position);
        }
    }

    private QueuePosition? PositionOf(InquiryRecord inquiry)
    {
        int index = SortedQueue(inquiry.Department).FindIndex(queued => queued.Id == inquiry.Id);
        return index < 0 ? null : Normalize(index, inquiry.Department);
    }

    /// <summary>getCurrentSortedQueueAsync: the queued inquiries (of the department, when given), oldest first.</summary>
    private List<InquiryRecord> SortedQueue(string? department) => state.Inquiries.Queued
        .Where(inquiry => department is null || inquiry.Department == department)
        .OrderBy(inquiry => inquiry.QueuedAt ?? inquiry.CreatedAt)
        .ThenBy(inquiry => inquiry.CreatedAt)
        .ToList();

    /// <summary>
    /// normalizeQueueInfo: spot = position + 1; the estimate ((spot - 1) / N + 1) × the average duration of the N
    /// most recent closed chats (N = Livechat_number_most_recent_chats_estimate_wait_time), left out without statistics.
    /// </summary>
    private QueuePosition Normalize(int index, string? department)
    {
        int spot = index + 1;
        int recent = state.Settings.RecentChatsForWaitEstimate();
        double[] durations = state.Rooms.Values
            .Where(room => !room.IsOpen && room.ClosedAt is not null && (department is null || room.DepartmentId == department))
            .OrderByDescending(room => room.ClosedAt)
            .Take(Math.Max(recent, 0))
            .Select(room => (room.ClosedAt!.Value - room.CreatedAt).TotalSeconds)
            .ToArray();
        double average = durations.Length == 0 ? 0 : durations.Average();
        double? estimate = recent > 0 && average > 0 ? (((spot - 1) / (double)recent) + 1) * average : null;
        return new QueuePosition(spot, state.Settings.WaitingQueueMessage(), estimate);
    }
}
