using System.Text.Json;
using System.Text.RegularExpressions;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Events;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>Visitor registration (registerGuest), lookup and GDPR removal.</summary>
internal sealed partial class VisitorService(EmulatorState state)
{
    /// <summary>
    /// Creates or updates the visitor: matched by token, then phone, then email. A visitor matched by phone or
    /// email keeps its old token. Open rooms of the visitor get the new name.
    /// </summary>
    public VisitorRecord Register(VisitorInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Token))
        {
            throw ApiErrors.Meteor("error-invalid-token", "Token cannot be empty", ApiErrors.Detail("method", "livechat/visitor"));
        }

        string? email = string.IsNullOrEmpty(input.Email) ? null : input.Email.Trim().ToLowerInvariant();
        if (email is not null && !EmailShape().IsMatch(email))
        {
            throw ApiErrors.Meteor("error-invalid-email", $"Invalid email {email}",
                ApiErrors.Detail("function", "Livechat.validateEmail"), ApiErrors.Detail("email", email));
        }

        string? phone = string.IsNullOrEmpty(input.Phone) ? null : input.Phone;
        lock (state.Gate)
        {
            VisitorRecord? existing = state.FindVisitorByToken(input.Token);
            string? departmentId = null;
            if (!string.IsNullOrEmpty(input.Department))
            {
                // The department is given by id or by name and stored by id.
                departmentId = state.FindDepartmentByIdOrName(input.Department)?.Id
                    ?? throw ApiErrors.Meteor("error-invalid-department", "The provided department is invalid");
            }

            existing ??= phone is not null
                ? state.Visitors.FindByPhone(phone)
                : email is not null
                    ? state.Visitors.FindByEmail(email)
                    : null;

            DateTimeOffset now = state.Now;
            VisitorRecord visitor = existing is null
                ? new VisitorRecord
                {
                    Id = PresetId(input) is { } presetId && !state.Visitors.ContainsKey(presetId) ? presetId : MeteorIds.NewId(),
                    Token = input.Token,
                    Username = string.IsNullOrEmpty(input.Username) ? state.NextGuestUsername() : input.Username,
                    CreatedAt = now,
                    UpdatedAt = now,
                }
                : existing with { UpdatedAt = now };

            visitor = visitor with
            {
                Name = string.IsNullOrEmpty(input.Name) ? visitor.Name : input.Name,
                Status = VisitorStatus.Online,
                Phones = phone is null ? visitor.Phones : [phone],
                Emails = email is null ? visitor.Emails : [email],
                Department = departmentId ?? visitor.Department,
            };
            state.Visitors[visitor.Id] = visitor;
            RefreshOpenRooms(visitor);
            return visitor;
        }
    }

    public VisitorRecord? Find(string token)
    {
        lock (state.Gate)
        {
            return state.FindVisitorByToken(token);
        }
    }

    /// <summary>Removes the visitor with its closed rooms and their messages; refuses while a room is open.</summary>
    public (string VisitorId, DateTimeOffset RemovedAt) Remove(string token)
    {
        lock (state.Gate)
        {
            VisitorRecord visitor = state.FindVisitorByToken(token) ?? throw ApiErrors.Meteor("invalid-token");
            if (state.FindOpenRoomOfVisitor(token) is not null)
            {
                throw ApiErrors.Meteor("visitor-has-open-rooms", "Cannot remove visitors with opened rooms");
            }

            foreach (RoomRecord room in state.Rooms.OfVisitor(visitor.Id).ToList())
            {
                state.Rooms.Remove(room.Id);
                if (state.Messages.Remove(room.Id, out List<MessageRecord>? messages))
                {
                    state.MessageIds.ExceptWith(messages.Select(message => message.Id));
                }
            }

            state.Visitors.Remove(visitor.Id);
            return (visitor.Id, state.Now);
        }
    }

    /// <summary>
    /// notifyGuestStatusChanged: the visitor's open rooms and its inquiries carry the new status in <c>v.status</c>
    /// (the visitor record itself is left alone, as the server leaves it); the inquiry watchers see the change.
    /// </summary>
    public void NotifyGuestStatusChanged(string token, VisitorStatus status)
    {
        lock (state.Gate)
        {
            DateTimeOffset now = state.Now;
            foreach (RoomRecord room in state.Rooms.Values.Where(room => room.IsOpen && room.Visitor.Token == token && room.Visitor.Status != status).ToList())
            {
                state.Rooms[room.Id] = room with { Visitor = room.Visitor with { Status = status } };
            }

            foreach (InquiryRecord inquiry in state.Inquiries.Values.Where(inquiry => inquiry.Visitor.Token == token && inquiry.Visitor.Status != status).ToList())
            {
                InquiryRecord changed = state.Inquiries[inquiry.Id] = inquiry with { Visitor = inquiry.Visitor with { Status = status }, UpdatedAt = now };
                state.Events.InquiryChanged(changed, InquiryChange.Updated);
            }
        }
    }

    /// <summary>The visitor's <c>id</c> field: a preset <c>_id</c> for a new visitor.</summary>
    private static string? PresetId(VisitorInput input) =>
        input.AdditionalProperties?.TryGetValue("id", out JsonElement id) == true && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private void RefreshOpenRooms(VisitorRecord visitor)
    {
        VisitorSummary summary = visitor.ToSummary();
        foreach (RoomRecord room in state.Rooms.OfVisitor(visitor.Id).Where(room => room.IsOpen).ToList())
        {
            state.Rooms[room.Id] = room with { Visitor = summary, DisplayName = visitor.Name ?? room.DisplayName };
        }

        foreach (InquiryRecord inquiry in state.Inquiries.OfVisitor(visitor.Id).ToList())
        {
            state.Inquiries[inquiry.Id] = inquiry with { Visitor = summary, Name = visitor.Name ?? inquiry.Name };
        }
    }

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+\.[^\s@]+$")]
    private static partial Regex EmailShape();
}
