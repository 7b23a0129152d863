namespace RocketChat.Livechat.Emulator.Domain;

/// <summary>A room's entry in the omnichannel queue. It exists while the room is open and is removed on close.</summary>
internal sealed record InquiryRecord
{
    public required string Id { get; init; }

    public required string RoomId { get; init; }

    public required string Name { get; init; }

    public required VisitorSummary Visitor { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required InquiryStatus Status { get; init; }

    public required RoomSourceType Source { get; init; }

    /// <summary>The first message of the conversation (empty until the visitor writes).</summary>
    public string Message { get; init; } = string.Empty;

    public string? Department { get; init; }

    public DateTimeOffset? QueuedAt { get; init; }

    public DateTimeOffset? TakenAt { get; init; }

    public AgentReference? DefaultAgent { get; init; }

    public MessageRecord? LastMessage { get; init; }
}
