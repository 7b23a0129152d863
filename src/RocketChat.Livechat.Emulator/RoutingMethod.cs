namespace RocketChat.Livechat.Emulator;

/// <summary>The <c>Livechat_Routing_Method</c> setting: how a new livechat room finds its agent.</summary>
public enum RoutingMethod
{
    /// <summary>Assign the room at once to the available agent with the fewest open chats (<c>Auto_Selection</c>).</summary>
    AutoSelection,

    /// <summary>Queue the room's inquiry until an agent takes it (<c>Manual_Selection</c>, the guest pool).</summary>
    ManualSelection,
}
