using System.Text.Json;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Realtime.Ddp;

namespace RocketChat.Livechat.Realtime;

/// <summary>The logged-in user's room subscriptions changing: a chat routed to the agent arrives as an insert.</summary>
/// <remarks>
/// The server does not replay these events to a connection that was down. For the livechat rooms an agent serves,
/// the open ones are listed over REST as the logged-in user (<c>GET livechat/rooms?agents[]=&lt;me&gt;&amp;open=true</c>)
/// when subscribing (they count as known) and after each reconnection; for each room routed to the user during the
/// gap the reader then gets, after the events it already had, an <c>inserted</c> carrying the server's subscription
/// document (<c>GET subscriptions.getOne?roomId=</c>). A live insert arriving meanwhile is delivered once. From
/// state, not history: a room routed and closed within one gap is never told; removals (closed or transferred
/// rooms), updates and other room types are not rebuilt. A user whose listing is refused when subscribing (403: no
/// <c>view-l-room</c>) serves no livechat room: its subscription carries on live only, with
/// <see cref="FillsGaps"/> false.
/// </remarks>
public sealed class SubscriptionChangesSubscription : RealtimeSubscription<SubscriptionChangedEvent>
{
    /// <summary>Rooms per REST page when listing the served rooms; the server's usual upper limit.</summary>
    private const int RoomsPageSize = 100;

    private static readonly Dictionary<string, int> s_oldestFirst = new(StringComparer.Ordinal) { ["ts"] = 1 };

    private readonly LivechatRealtimeClient _client;
    private readonly string _userId;
    private readonly ServedRoomsLedger _served = new();
    private readonly List<SubscriptionChangedEvent> _heldDuringCatchUp = [];
    private bool _catchingUp;
    private bool _hasListed;

    internal SubscriptionChangesSubscription(LivechatRealtimeClient client, string userId, LivechatRealtimeOptions options)
        : base(client, "subscriptions-changed subscription", [new(LivechatRealtimeStreams.SubscriptionsChanged.Stream(userId), null)], options.EventBufferCapacity)
    {
        _client = client;
        _userId = userId;
    }

    /// <summary>
    /// Whether a reconnection is followed by a REST listing of the user's livechat rooms that tells the chats routed
    /// meanwhile; false once the server refused that listing when subscribing (the events then come live only).
    /// </summary>
    public bool FillsGaps { get; private set; } = true;

    /// <summary>Read by the contract's reader: a payload that is not <c>[action, subscription]</c> is a <see cref="RealtimeProtocolException"/>.</summary>
    private protected override void OnEvent(string collection, string eventName, JsonElement args)
    {
        SubscriptionChangedArguments change = StreamPayloads.Read(args, collection, LivechatRealtimeStreams.SubscriptionsChanged.ReadSubscriptionChanged);
        Emit(new SubscriptionChangedEvent(change.Action, change.Subscription));
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

        var routed = new List<OmnichannelSubscription>();
        if (served is not null && _hasListed)
        {
            List<string> unknown;
            lock (DeliveryGate)
            {
                unknown = _served.Unknown(served);
            }

            foreach (string roomId in unknown)
            {
                // Null when the room was closed or handed on since it was listed: nothing to tell then.
                if ((await rest.Rooms.GetSubscriptionAsync(roomId, cancellationToken).ConfigureAwait(false)).Subscription is { } subscription)
                {
                    routed.Add(subscription);
                }
            }
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
                foreach (OmnichannelSubscription subscription in routed)
                {
                    _served.Know(subscription.Rid);
                    EmitScreened(new SubscriptionChangedEvent(SubscriptionChangeAction.Inserted, subscription));
                }
            }
            else
            {
                _served.Reset(served);
                _hasListed = true;
            }

            // After a gap, a held insert the listing already told is a duplicate; on subscribing every held event is news.
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
