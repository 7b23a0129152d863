namespace RocketChat.Livechat.Realtime;

/// <summary>
/// The agent of a visitor's room as the reader last learnt it, from <c>agentData</c> and <c>agentStatus</c> or from
/// REST after a reconnection: the server does not replay those events, so a reconnection compares this with REST to
/// tell the reader what it missed, and a live event held back during that catch-up is dropped when it only repeats
/// what the comparison already told.
/// </summary>
internal sealed class VisitorRoomAgentState(string roomId)
{
    private ServingAgent? _known;

    /// <summary>Whether the reader knows an agent state yet: false until the first REST look, which is then a baseline, not a gap.</summary>
    public bool IsKnown => _known is not null;

    /// <summary>
    /// Takes a live event into account; false when it tells the reader nothing new: the agent it already knows, or
    /// the status it already knows that agent to have. Other events are news.
    /// </summary>
    public bool Observe(LivechatRoomEvent roomEvent)
    {
        switch (roomEvent)
        {
            case AgentChangedEvent changed:
            {
                ServingAgent next = ServingAgent.Of(changed);
                bool isNews = _known is not { } known || !known.IsSameAgent(next);
                _known = next;
                return isNews;
            }

            case AgentStatusChangedEvent { Status: var status }:
                if (_known is { Agent: { } agent } current)
                {
                    bool isNews = agent.Status != status;
                    _known = current with { Agent = agent with { Status = status } };
                    return isNews;
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>Starts from REST's view: the agent at subscribe time is known, not news.</summary>
    public void Reset(ServingAgent current) => _known = current;

    /// <summary>
    /// What the reader missed to arrive at <paramref name="current"/>: an <see cref="AgentChangedEvent"/> when another
    /// agent (or nobody) serves the room, else an <see cref="AgentStatusChangedEvent"/> when the same agent's status
    /// changed; nothing when nothing did.
    /// </summary>
    public LivechatRoomEvent? Reconcile(ServingAgent current)
    {
        ServingAgent? known = _known;
        _known = current;
        if (known is null || !known.IsSameAgent(current))
        {
            return new AgentChangedEvent(roomId, current.Agent, current.IsHidden);
        }

        return current.Agent?.Status is { } status && known.Agent?.Status != status
            ? new AgentStatusChangedEvent(roomId, status)
            : null;
    }
}
