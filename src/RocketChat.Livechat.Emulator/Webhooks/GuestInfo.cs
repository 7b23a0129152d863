using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Webhooks;

namespace RocketChat.Livechat.Emulator.Webhooks;

/// <summary>getLivechatRoomGuestInfo of a room and the messages an event carries, shared by every room event's payload.</summary>
internal sealed record GuestInfo(
    RoomRecord Room, LivechatWebhookVisitor Visitor, LivechatWebhookAgent? Agent, JsonElement? CrmData, IReadOnlyList<LivechatWebhookMessage> Messages);
