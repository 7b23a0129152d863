namespace RocketChat.Livechat.Realtime;

/// <summary>
/// Who serves a visitor's room, as a visitor may know it: the agent (with its status), nobody, or someone hidden
/// (<c>Livechat_show_agent_info</c> off).
/// </summary>
internal sealed record ServingAgent(LivechatUser? Agent, bool IsHidden)
{
    public static ServingAgent Nobody { get; } = new(null, IsHidden: false);

    public static ServingAgent Of(AgentChangedEvent changed) => new(changed.Agent, changed.IsHidden);

    /// <summary>
    /// The agent <c>GET livechat/config?token=</c> names for the visitor's open room, or null when that room is not
    /// <paramref name="roomId"/> (closed, or no longer the token's): then REST says nothing about it.
    /// </summary>
    public static ServingAgent? FromConfig(LivechatConfig config, string roomId)
    {
        if (config.Room?.Id != roomId)
        {
            return null;
        }

        return config.Agent switch
        {
            null => Nobody,
            { IsHidden: true } => new ServingAgent(null, IsHidden: true),
            { Id: { } id } agent => new ServingAgent(new LivechatUser { Id = id, Username = agent.Username, Name = agent.Name, Status = agent.Status, Emails = agent.Emails }, IsHidden: false),
            _ => throw new RealtimeProtocolException("livechat/config", "the room's agent has neither '_id' nor 'hiddenInfo'."),
        };
    }

    /// <summary>Whether both name the same agent (or both nobody, or both someone hidden); statuses aside.</summary>
    public bool IsSameAgent(ServingAgent other) => IsHidden == other.IsHidden && Agent?.Id == other.Agent?.Id;
}
