using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>The filters of GET livechat/rooms (findRooms), each left null when not given.</summary>
internal sealed record RoomFilter
{
    public IReadOnlyList<string>? AgentIds { get; init; }

    public IReadOnlyList<string>? DepartmentIds { get; init; }

    public bool? Open { get; init; }

    public DateWindow? CreatedAt { get; init; }

    public DateWindow? ClosedAt { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>A case-insensitive match anywhere in <c>fname</c>, or an exact match when given in double quotes.</summary>
    public string? RoomName { get; init; }

    public bool OnHold { get; init; }

    public bool Queued { get; init; }

    /// <summary>Room custom fields (<c>livechatData</c>) to match; the emulator stores none, so any makes the result empty.</summary>
    public IReadOnlyDictionary<string, string>? CustomFields { get; init; }

    public bool Matches(RoomRecord room) =>
        (AgentIds is null || (room.ServedBy is { } servedBy && AgentIds.Contains(servedBy.AgentId, StringComparer.Ordinal)))
        && (DepartmentIds is null || (room.DepartmentId is { } department && DepartmentIds.Contains(department, StringComparer.Ordinal)))
        && (Open is null || room.IsOpen == Open)
        && (CreatedAt is null || CreatedAt.Contains(room.CreatedAt))
        && (ClosedAt is null || (room.ClosedAt is { } closedAt && ClosedAt.Contains(closedAt)))
        && (Tags is null || room.Tags.Any(tag => Tags.Contains(tag, StringComparer.Ordinal)))
        && (RoomName is null || MatchesName(room.DisplayName))
        && (!OnHold || room.IsOnHold)
        && (!Queued || (room.IsOpen && room.ServedBy is null))
        && (CustomFields is null || CustomFields.Count == 0);

    private bool MatchesName(string name) =>
        RoomName!.Length >= 2 && RoomName.StartsWith('"') && RoomName.EndsWith('"')
            ? string.Equals(name, RoomName[1..^1], StringComparison.Ordinal)
            : name.Contains(RoomName, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A <c>{"start","end"}</c> date range; either bound may be open.</summary>
internal sealed record DateWindow(DateTimeOffset? Start, DateTimeOffset? End)
{
    public bool Contains(DateTimeOffset value) => (Start is null || value >= Start) && (End is null || value <= End);
}
