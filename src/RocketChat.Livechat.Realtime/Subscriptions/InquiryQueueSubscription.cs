using System.Text.Json;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Realtime.Ddp;

namespace RocketChat.Livechat.Realtime;

/// <summary>
/// One part of the omnichannel queue (<see cref="InquiryQueueKey"/>): new chats appear as
/// <see cref="InquiryQueueChange.Added"/> without polling. Needs a logged-in user with <c>view-l-room</c>.
/// </summary>
/// <remarks>
/// The server does not replay the queue's events to a connection that was down, so the queue is listed over REST
/// (<c>GET livechat/inquiries.queuedForUser</c>, narrowed to the key's department) as the user logged in over the
/// realtime connection: once when subscribing (what is queued then counts as known, as before) and after each
/// reconnection. The reader then gets, after the events it already had, <see cref="InquiryQueueChange.Removed"/>
/// for each inquiry it knew that is no longer queued (taken or closed during the gap; the event carries the last
/// version it saw, and a live <c>changed</c> to <c>taken</c> is not sent for it), <see cref="InquiryQueueChange.Added"/>
/// for each one queued during the gap, and <see cref="InquiryQueueChange.Changed"/> for each one updated meanwhile.
/// These come from the queue's state, not its history: an inquiry queued and taken within one gap is never told.
/// A live event arriving while the listing is compared is delivered after it, once. The listing shows what the
/// server shows that user: inquiries waiting for another agent (its default agent) are left as they were, and when
/// the server refuses the listing on subscribing (<c>error-not-authorized</c>: a department the user is not in) the
/// subscription carries on live only, with <see cref="FillsGaps"/> false.
/// </remarks>
public sealed class InquiryQueueSubscription : RealtimeSubscription<InquiryQueueEvent>
{
    /// <summary>Inquiries per REST page when listing the queue; the server's usual upper limit.</summary>
    private const int QueuePageSize = 100;

    /// <summary>What <c>inquiries.queuedForUser</c> answers for a department the user is not in.</summary>
    private const string NotAuthorizedError = "error-not-authorized";

    private readonly LivechatRealtimeClient _client;
    private readonly List<InquiryQueueEvent> _heldDuringCatchUp = [];

    /// <summary>What the reader knows is queued; null until the first listing, which is a baseline, not a gap.</summary>
    private InquiryQueueLedger? _known;
    private bool _catchingUp;

    internal InquiryQueueSubscription(LivechatRealtimeClient client, InquiryQueueKey key, LivechatRealtimeOptions options)
        : base(client, $"inquiry queue '{key}' subscription", [new(LivechatRealtimeStreams.InquiryQueue.Publication, key.EventName, null)], options.EventBufferCapacity)
    {
        Key = key;
        _client = client;
    }

    /// <summary>The part of the queue watched.</summary>
    public InquiryQueueKey Key { get; }

    /// <summary>
    /// Whether a reconnection is followed by a REST listing of the queue that tells what the gap changed; false once
    /// the server refused that listing when subscribing (the events then come live only).
    /// </summary>
    public bool FillsGaps { get; private set; } = true;

    /// <summary>
    /// Read by the contract's reader (<c>{type, ...inquiry}</c> as one <see cref="InquiryQueueUpdate"/>). A payload that
    /// does not fit, or a <c>type</c> the contract does not list, is a <see cref="RealtimeProtocolException"/>: a change
    /// the client cannot name is not guessed.
    /// </summary>
    private protected override void OnEvent(string collection, string eventName, JsonElement args)
    {
        InquiryQueueUpdate update = StreamPayloads.Read(args, collection, LivechatRealtimeStreams.InquiryQueue.ReadInquiryQueueEvent).Update;
        InquiryQueueChange change =
            update.Type == InquiryQueueUpdateType.Added ? InquiryQueueChange.Added
            : update.Type == InquiryQueueUpdateType.Changed ? InquiryQueueChange.Changed
            : update.Type == InquiryQueueUpdateType.Removed ? InquiryQueueChange.Removed
            : throw new RealtimeProtocolException(collection, $"an inquiry event has the type '{update.Type}', which the contract does not list.");
        Emit(new InquiryQueueEvent(change, update.Inquiry));
    }

    private protected override bool Screen(InquiryQueueEvent item)
    {
        if (_catchingUp)
        {
            if (_heldDuringCatchUp.Count >= Capacity)
            {
                throw new RealtimeConsumerTooSlowException(Operation, Capacity);
            }

            _heldDuringCatchUp.Add(item);
            return false;
        }

        _known?.Observe(item);
        return true;
    }

    private protected override Task BeforeSubscribeAsync(DdpConnection connection, bool isFirst, CancellationToken cancellationToken)
    {
        lock (DeliveryGate)
        {
            _catchingUp = FillsGaps;
        }

        return Task.CompletedTask;
    }

    /// <summary>Lists the queue once the stream is live, so nothing falls between the listing and the stream.</summary>
    private protected override async Task AfterSubscribeAsync(DdpConnection connection, bool isFirst, CancellationToken cancellationToken)
    {
        if (!FillsGaps)
        {
            return;
        }

        (LivechatClient rest, string userId) = _client.UserRest is { } userRest && _client.UserId is { } id
            ? (userRest, id)
            : throw new InvalidOperationException("Log in before watching the inquiry queue: its gaps are filled over REST as the logged-in user.");
        List<Inquiry>? queued;
        try
        {
            queued = await ListQueueAsync(rest, cancellationToken).ConfigureAwait(false);
        }
        catch (RocketChatApiException ex) when (_known is null && ex.Error == NotAuthorizedError)
        {
            queued = null;
        }

        lock (DeliveryGate)
        {
            bool isCatchUp = _known is not null;
            if (queued is null)
            {
                FillsGaps = false;
            }
            else if (_known is { } known)
            {
                foreach (InquiryQueueEvent missed in known.Reconcile(queued))
                {
                    EmitScreened(missed);
                }
            }
            else
            {
                _known = new InquiryQueueLedger(Key, userId);
                _known.Reset(queued);
            }

            // After a gap, a held event the listing already told is a duplicate. On subscribing every held event is
            // news to the reader, even one the listing saw.
            foreach (InquiryQueueEvent held in _heldDuringCatchUp)
            {
                if ((_known?.Observe(held) ?? true) || !isCatchUp)
                {
                    EmitScreened(held);
                }
            }

            _heldDuringCatchUp.Clear();
            _catchingUp = false;
        }
    }

    private async Task<List<Inquiry>> ListQueueAsync(LivechatClient rest, CancellationToken cancellationToken)
    {
        var queued = new List<Inquiry>();
        for (int offset = 0; ; offset += QueuePageSize)
        {
            ListQueuedInquiriesForUserResponse page = await rest.Inquiries.ListQueuedInquiriesForUserAsync(Key.DepartmentId, offset, QueuePageSize, cancellationToken: cancellationToken).ConfigureAwait(false);
            queued.AddRange(page.Inquiries);
            if (page.Inquiries.Count < QueuePageSize || (page.Total is { } total && queued.Count >= total))
            {
                return queued;
            }
        }
    }
}
