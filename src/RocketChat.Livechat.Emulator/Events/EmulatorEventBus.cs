using System.Collections.Immutable;
using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Events;

/// <summary>Hands each event to every registered handler (the realtime streams, webhooks, ...), in registration order.</summary>
internal sealed class EmulatorEventBus : IEmulatorEvents
{
    private ImmutableArray<IEmulatorEvents> _handlers = [];

    public void Add(IEmulatorEvents handler) => ImmutableInterlocked.Update(ref _handlers, list => list.Add(handler));

    public void MessageSaved(MessageRecord message)
    {
        foreach (IEmulatorEvents handler in _handlers)
        {
            handler.MessageSaved(message);
        }
    }

    public void MessageDeleted(MessageRecord message)
    {
        foreach (IEmulatorEvents handler in _handlers)
        {
            handler.MessageDeleted(message);
        }
    }

    public void InquiryChanged(InquiryRecord inquiry, InquiryChange change)
    {
        foreach (IEmulatorEvents handler in _handlers)
        {
            handler.InquiryChanged(inquiry, change);
        }
    }

    public void AgentAssigned(RoomRecord room, UserRecord agent)
    {
        foreach (IEmulatorEvents handler in _handlers)
        {
            handler.AgentAssigned(room, agent);
        }
    }

    public void AgentUnassigned(RoomRecord room, AgentReference previous)
    {
        foreach (IEmulatorEvents handler in _handlers)
        {
            handler.AgentUnassigned(room, previous);
        }
    }

    public void RoomClosed(RoomRecord room)
    {
        foreach (IEmulatorEvents handler in _handlers)
        {
            handler.RoomClosed(room);
        }
    }

    public void AgentStatusChanged(UserRecord agent, IReadOnlyList<RoomRecord> servedRooms)
    {
        foreach (IEmulatorEvents handler in _handlers)
        {
            handler.AgentStatusChanged(agent, servedRooms);
        }
    }

    public void RoomVisitorChanged(RoomRecord room, VisitorRecord visitor)
    {
        foreach (IEmulatorEvents handler in _handlers)
        {
            handler.RoomVisitorChanged(room, visitor);
        }
    }

    public void QueuePositionDispatched(InquiryRecord inquiry, QueuePosition position)
    {
        foreach (IEmulatorEvents handler in _handlers)
        {
            handler.QueuePositionDispatched(inquiry, position);
        }
    }
}
