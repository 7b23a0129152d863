using System.Text.Json;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Realtime.Ddp;

namespace RocketChat.Livechat.Realtime;

/// <summary>The logged-in user's room subscriptions changing: a chat routed to the agent arrives as an insert.</summary>
/// <remarks>
/// The server does not replay these events to a connection that was down. For the livechat rooms an agent serves,
/// the open ones are listed over REST as the logged-in user (<c>GET livechat/rooms?agents[]=&lt;me&gt;&amp;open=true</c>)
/// when subscribing (they count as known) and after each reconnection; the reader then gets, after the events it
/// already had, <c>removed</c> for each livechat room it knew that is no longer served (closed or transferred) and
/// <c>inserted</c> for each one routed to the user during the gap. Their <see cref="SubscriptionChangedEvent.Subscription"/>
/// is built from the room listing, not sent by the server (no subscription <c>_id</c>, dates or unread counters).
/// They come from state: a room routed and closed within one gap is never told, nor are <c>updated</c> changes or
/// other room types. A user whose listing is refused when subscribing (403: no <c>view-l-room</c>) serves no
/// livechat room: its subscription carries on live only, with <see cref="FillsGaps"/> false.
/// </remarks>
public sealed class SubscriptionChangesSubscription : RealtimeSubscription<SubscriptionChangedEvent>
{
    /// <summary>Rooms per REST page when listing the served rooms; the server's usual upper limit.</summary>
    private const int RoomsPageSize = 100;

    private static readonly Dictionary<string, int> s_oldestFirst = new(StringComparer.Ordinal) { ["ts"] = 1 };

    private readonly LivechatRealtimeClient _client;
    private readonly string _userId;
    private readonly ServedRoomsLedger _served;
    private readonly List<SubscriptionChangedEvent> _heldDuringCatchUp = [];
    private bool _catchingUp;
    private bool _hasListed;

    internal SubscriptionChangesSubscription(LivechatRealtimeClient client, string userId, LivechatRealtimeOptions options)
        : base(client, "subscriptions-changed subscription", [new(LivechatRealtimeStreams.SubscriptionsChanged.Stream(userId), null)], options.EventBufferCapacity)
    {
        _client = client;
        _userId = userId;
        _served = new ServedRoomsLedger(userId);
    }

    /// <summary>
    /// Whether a reconnection is followed by a REST listing of the user's livechat rooms that tells what the gap
    /// changed; false once the server refused that listing when subscribing (the events then come live only).
    /// </summary>
    public bool FillsGaps { get; private set; } = true;

    private protected override void OnEvent(string collection, string eventName, JsonElement args)
    {
        if (args.ValueKind != JsonValueKind.Array || args.GetArrayLength() < 2 || args[0].ValueKind != JsonValueKind.String || args[1].ValueKind != JsonValueKind.Object)
        {
            throw new RealtimeProtocolException(collection, "a subscriptions-changed event is not [action, subscription].");
        }

        JsonElement subscription = args[1];
        string? roomId = subscription.TryGetProperty("rid", out JsonElement rid) ? rid.GetString() : null;
        string? roomType = subscription.TryGetProperty("t", out JsonElement t) ? t.GetString() : null;
        Emit(new SubscriptionChangedEvent(args[0].GetString()!, roomId, roomType, subscription));
    }

    private protected override bool Screen(SubscriptionChangedEvent item)
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

        _served.Observe(item);
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

    /// <summary>Lists the served rooms once the stream is live, so nothing falls between the listing and the stream.</summary>
    private protected override async Task AfterSubscribeAsync(DdpConnection connection, bool isFirst, CancellationToken cancellationToken)
    {
        if (!FillsGaps)
        {
            return;
        }

        LivechatClient rest = _client.UserRest
            ?? throw new InvalidOperationException("Log in before watching the user's subscriptions: their gaps are filled over REST as the logged-in user.");
        List<LivechatRoom>? served;
        try
        {
            served = await ListServedRoomsAsync(rest, cancellationToken).ConfigureAwait(false);
        }
        catch (RocketChatForbiddenException) when (!_hasListed)
        {
            served = null;
        }

        lock (DeliveryGate)
        {
            bool isCatchUp = _hasListed;
            if (served is null)
            {
                FillsGaps = false;
            }
            else if (isCatchUp)
            {
                foreach (SubscriptionChangedEvent missed in _served.Reconcile(served))
                {
                    EmitScreened(missed);
                }
            }
            else
            {
                _served.Reset(served);
                _hasListed = true;
            }

            // After a gap, a held event the listing already told is a duplicate; on subscribing every held event is news.
            foreach (SubscriptionChangedEvent held in _heldDuringCatchUp)
            {
                if (_served.Observe(held) || !isCatchUp)
                {
                    EmitScreened(held);
                }
            }

            _heldDuringCatchUp.Clear();
            _catchingUp = false;
        }
    }

    private async Task<List<LivechatRoom>> ListServedRoomsAsync(LivechatClient rest, CancellationToken cancellationToken)
    {
        var served = new List<LivechatRoom>();
        string[] me = [_userId];
        for (int offset = 0; ; offset += RoomsPageSize)
        {
            ListRoomsResponse page = await rest.Rooms.ListRoomsAsync(agents: me, open: true, offset: offset, count: RoomsPageSize, sort: s_oldestFirst, cancellationToken: cancellationToken).ConfigureAwait(false);
            served.AddRange(page.Rooms);
            if (page.Rooms.Count < RoomsPageSize || (page.Total is { } total && served.Count >= total))
            {
                return served;
            }
        }
    }
}
