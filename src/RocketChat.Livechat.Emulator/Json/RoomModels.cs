using System.Globalization;
using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>A room as Rocket.Chat's <c>IOmnichannelRoom</c>, in the contract's <see cref="LivechatRoom"/>.</summary>
internal static class RoomModels
{
    public static LivechatRoom ToModel(RoomRecord room) => new()
    {
        Id = room.Id,
        Type = "l",
        DisplayName = room.DisplayName,
        Topic = room.Topic,
        MessageCount = room.MessageCount,
        UsersCount = room.UsersCount,
        Timestamp = room.CreatedAt,
        UpdatedAt = room.UpdatedAt,
        LastMessageAt = room.LastMessageAt,
        // Closing a room unsets "open" rather than setting it to false.
        IsOpen = room.IsOpen ? true : null,
        CanLeave = false,
        WaitingResponse = room.WaitingResponse,
        Visitor = VisitorModels.RoomSummary(room.Visitor, room.VisitorLastMessageAt),
        ServedBy = room.ServedBy is { } servedBy ? new RoomServedBy { Id = servedBy.AgentId, Username = servedBy.Username, Timestamp = servedBy.Timestamp } : null,
        DepartmentId = room.DepartmentId,
        Source = new RoomSource { Type = room.Source, Destination = room.SourceDestination },
        Tags = room.Tags.IsEmpty ? null : room.Tags,
        LivechatData = StringMaps.ToElement(room.LivechatData),
        SurveyFeedback = room.SurveyFeedback,
        LastMessage = room.LastMessage is { } lastMessage ? MessageModels.ToModel(lastMessage) : null,
        IsOnHold = room.IsOnHold ? true : null,
        PriorityWeight = RoomRecord.UnspecifiedPriorityWeight,
        EstimatedWaitingTimeQueue = RoomRecord.UnknownWaitingTime,
        ClosedAt = room.ClosedAt,
        Closer = room.ClosedAt is null ? null : room.Closer,
        ClosedBy = room.ClosedAt is not null && room.ClosedBy is { } closedBy ? new RoomClosedBy { Id = closedBy.Id, Username = closedBy.Username } : null,
        Metrics = room.ClosedAt is { } closedAt ? ChatDuration(closedAt - room.CreatedAt) : null,
    };

    /// <summary>The <c>metrics: {chatDuration}</c> (seconds) that closing a room records.</summary>
    private static JsonElement ChatDuration(TimeSpan duration) =>
        JsonElement.Parse("{\"chatDuration\":" + duration.TotalSeconds.ToString("R", CultureInfo.InvariantCulture) + "}");
}
