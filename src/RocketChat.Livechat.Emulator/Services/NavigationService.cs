using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Settings;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>
/// POST livechat/page.visited (savePageHistory): a page change of the monitored kind becomes a
/// <c>livechat_navigation_history</c> message from rocket.cat. The server neither checks the token nor the room.
/// </summary>
internal sealed class NavigationService(EmulatorState state)
{
    /// <summary>
    /// The stored entry, or null when <paramref name="change"/> is not the monitored kind. The server keeps the entry
    /// hidden unless navigation is shown as messages; the emulator keeps a hidden one out of the room altogether,
    /// which looks the same from outside (history and streams leave hidden messages out).
    /// </summary>
    public MessageRecord? Record(string token, string? roomId, string title, string change, string href)
    {
        lock (state.Gate)
        {
            if (change != state.Settings.GetString(WidgetSettings.HistoryMonitorTypeId))
            {
                return null;
            }

            MessageRecord entry = AgentRouter.SystemMessage(roomId ?? string.Empty, "livechat_navigation_history", $"{title} - {href}", SystemUsers.RocketCat, state.Now)
                with { Navigation = new NavigationRecord(title, change, href, token) };
            bool visible = state.Settings.GetBoolean(WidgetSettings.NavigationAsMessageId);
            if (visible && roomId is not null && state.Rooms.TryGetValue(roomId, out RoomRecord? room))
            {
                state.AddMessage(entry);
                state.Webhooks.MessageSaved(room, entry);
            }

            return entry;
        }
    }
}
