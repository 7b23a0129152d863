using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Events;

/// <summary>
/// What the emulated server announces when its state changes: what Rocket.Chat's model watchers and callbacks react
/// to (streams, webhooks). Services call these while holding <see cref="State.EmulatorState.Gate"/>, so handlers see
/// changes in commit order; handlers must not block or call back into the services.
/// </summary>
internal interface IEmulatorEvents
{
    /// <summary>A message was stored (chat or system message) or edited, in the order of those changes.</summary>
    void MessageSaved(MessageRecord message);

    /// <summary>A message was deleted from its room.</summary>
    void MessageDeleted(MessageRecord message);

    /// <summary>An inquiry entered the queue, changed, or left it.</summary>
    void InquiryChanged(InquiryRecord inquiry, InquiryChange change);

    /// <summary>An agent now serves the room (after its join messages were stored).</summary>
    void AgentAssigned(RoomRecord room, UserRecord agent);

    /// <summary>The agent that served the room (<paramref name="previous"/>, since its assignment) no longer does (forwarding).</summary>
    void AgentUnassigned(RoomRecord room, AgentReference previous);

    /// <summary>The room was closed (after its <c>livechat-close</c> message was stored).</summary>
    void RoomClosed(RoomRecord room);

    /// <summary>
    /// An agent's presence changed (presence.status, notifyAgentStatusChanged): <paramref name="servedRooms"/> are
    /// the open rooms it serves.
    /// </summary>
    void AgentStatusChanged(UserRecord agent, IReadOnlyList<RoomRecord> servedRooms);

    /// <summary>An agent replaced the room's visitor (changeRoomVisitor); <paramref name="visitor"/> is the new one.</summary>
    void RoomVisitorChanged(RoomRecord room, VisitorRecord visitor);

    /// <summary>A queued inquiry's place in the waiting queue was dispatched (dispatchInquiryPosition).</summary>
    void QueuePositionDispatched(InquiryRecord inquiry, QueuePosition position);
}

/// <summary>
/// What <c>queueData</c> carries: the 1-based spot, the waiting message and, when there are statistics, the
/// estimated wait in seconds.
/// </summary>
internal sealed record QueuePosition(int Spot, string Message, double? EstimatedWaitTimeSeconds);

/// <summary>How an inquiry changed.</summary>
internal enum InquiryChange
{
    Queued,
    Updated,
    Removed,
}
