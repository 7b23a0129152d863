using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.State;

/// <summary>Livechat rooms, indexed by visitor, by the visitor's open room and by the open chats each agent serves.</summary>
internal sealed class RoomTable : RecordTable<RoomRecord>
{
    private readonly Dictionary<string, HashSet<string>> _byVisitorId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _openByVisitorToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _openChatsByAgent = new(StringComparer.Ordinal);

    /// <summary>The visitor's open room (LivechatRooms.findOneOpenByVisitorToken).</summary>
    public RoomRecord? FindOpenByVisitorToken(string token) =>
        _openByVisitorToken.TryGetValue(token, out string? roomId) ? this[roomId] : null;

    /// <summary>Every room of the visitor, open or closed.</summary>
    public IEnumerable<RoomRecord> OfVisitor(string visitorId) =>
        _byVisitorId.TryGetValue(visitorId, out HashSet<string>? ids) ? ids.Select(id => this[id]) : [];

    /// <summary>How many open rooms <paramref name="agentId"/> serves (what Auto_Selection balances on).</summary>
    public int OpenChatsOf(string agentId) => _openChatsByAgent.GetValueOrDefault(agentId);

    protected override void OnChanged(RoomRecord? previous, RoomRecord? current)
    {
        if (previous is not null)
        {
            Index(_byVisitorId, previous.Visitor.Id, previous.Id, add: false);
            if (previous.IsOpen)
            {
                _openByVisitorToken.Remove(previous.Visitor.Token);
                CountChat(previous.ServedBy, -1);
            }
        }

        if (current is not null)
        {
            Index(_byVisitorId, current.Visitor.Id, current.Id, add: true);
            if (current.IsOpen)
            {
                _openByVisitorToken[current.Visitor.Token] = current.Id;
                CountChat(current.ServedBy, +1);
            }
        }
    }

    private void CountChat(AgentReference? agent, int delta)
    {
        if (agent is not null)
        {
            int count = _openChatsByAgent.GetValueOrDefault(agent.AgentId) + delta;
            if (count == 0)
            {
                _openChatsByAgent.Remove(agent.AgentId);
            }
            else
            {
                _openChatsByAgent[agent.AgentId] = count;
            }
        }
    }
}
