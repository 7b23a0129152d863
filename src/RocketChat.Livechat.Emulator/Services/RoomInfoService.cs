using System.Collections.Immutable;
using System.Text.Json.Nodes;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Security;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>
/// POST livechat/room.saveInfo: the route's room and ownership checks, then saveRoomInfo (LivechatRooms.saveRoomById)
/// and saveGuest (LivechatVisitors.saveGuestById), then the livechat.saveInfo hook, i.e. LivechatEdit for a closed room.
/// No custom fields are defined in the emulator, so livechatData is accepted and stores nothing; priorities and SLAs
/// are Enterprise features, so priorityId and slaId store nothing either.
/// </summary>
internal sealed class RoomInfoService(EmulatorState state)
{
    public void Save(UserRecord user, JsonObject guestData, JsonObject roomData)
    {
        lock (state.Gate)
        {
            RoomRecord room = state.Rooms.GetValueOrDefault((string)roomData["_id"]!) ?? throw ApiErrors.Plain("error-invalid-room");
            if (room.ServedBy?.AgentId != user.Id && !Permissions.Has(user, Permissions.SaveOthersLivechatRoomInfo))
            {
                throw ApiErrors.Forbidden();
            }

            // The server runs both saves side by side (Promise.allSettled): the room is saved even when the guest fails.
            RoomRecord saved = state.Rooms[room.Id] = SaveRoom(room, roomData);
            VisitorRecord visitor = state.Visitors.GetValueOrDefault((string)guestData["_id"]!) ?? throw ApiErrors.Plain("error-invalid-visitor");
            state.Visitors[visitor.Id] = SaveGuest(visitor, guestData);
            state.Webhooks.RoomInfoSaved(saved);
        }
    }

    /// <summary>saveRoomById: a blank topic is removed, and tags missing or empty remove the room's tags.</summary>
    private RoomRecord SaveRoom(RoomRecord room, JsonObject roomData)
    {
        string? topic = room.Topic;
        if ((string?)roomData["topic"] is { } newTopic)
        {
            topic = newTopic.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        }

        ImmutableArray<string> tags = roomData["tags"] is JsonArray { Count: > 0 } tagArray
            ? [.. tagArray.Select(tag => (string)tag!)]
            : [];
        return room with { Topic = topic, Tags = tags, UpdatedAt = state.Now };
    }

    /// <summary>saveGuest and saveGuestById: empty fields are skipped, blank ones removed, email and phone replace the lists.</summary>
    private VisitorRecord SaveGuest(VisitorRecord visitor, JsonObject guestData)
    {
        VisitorRecord saved = visitor;
        if (NonEmpty(guestData, "name") is { } name)
        {
            saved = saved with { Name = name.Trim() is { Length: > 0 } trimmed ? trimmed : null };
        }

        if (NonEmpty(guestData, "email") is { } email)
        {
            saved = saved with { Emails = email.Trim() is { Length: > 0 } trimmed ? [trimmed] : [] };
        }

        if (NonEmpty(guestData, "phone") is { } phone)
        {
            saved = saved with { Phones = phone.Trim() is { Length: > 0 } trimmed ? [trimmed] : [] };
        }

        return saved == visitor ? visitor : saved with { UpdatedAt = state.Now };
    }

    private static string? NonEmpty(JsonObject data, string name) => (string?)data[name] is { Length: > 0 } value ? value : null;
}
