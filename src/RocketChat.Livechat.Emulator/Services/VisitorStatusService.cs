using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Events;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>
/// POST livechat/visitor.status (notifyGuestStatusChanged): the status goes into <c>v.status</c> of the visitor's open
/// rooms and queued inquiry, not into the visitor; a changed inquiry is announced to the queue as an update.
/// </summary>
internal sealed class VisitorStatusService(EmulatorState state)
{
    public void SetStatus(string token, VisitorStatus status)
    {
        lock (state.Gate)
        {
            _ = state.FindVisitorByToken(token) ?? throw ApiErrors.Meteor("invalid-token");
            foreach (RoomRecord room in state.Rooms.Values.Where(r => r.IsOpen && r.Visitor.Token == token).ToList())
            {
                state.Rooms[room.Id] = room with { Visitor = room.Visitor with { Status = status } };
            }

            foreach (InquiryRecord inquiry in state.Inquiries.Queued.Where(i => i.Visitor.Token == token).ToList())
            {
                if (inquiry.Visitor.Status == status)
                {
                    continue;
                }

                InquiryRecord updated = state.Inquiries[inquiry.Id] = inquiry with { Visitor = inquiry.Visitor with { Status = status } };
                state.Events.InquiryChanged(updated, InquiryChange.Updated);
            }
        }
    }
}
