using System.Collections.Immutable;

namespace RocketChat.Livechat.Emulator.Domain;

/// <summary>A livechat room (<c>t: 'l'</c>).</summary>
internal sealed record RoomRecord
{
    /// <summary>Rocket.Chat's DEFAULT_ESTIMATED_WAITING_TIME_QUEUE, sent while no estimate exists.</summary>
    public const double UnknownWaitingTime = 9999999;

    /// <summary>LivechatPriorityWeight.NOT_SPECIFIED.</summary>
    public const int UnspecifiedPriorityWeight = 99;

    public required string Id { get; init; }

    public required VisitorSummary Visitor { get; init; }

    public required string DisplayName { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required RoomSourceType Source { get; init; }

    /// <summary>The widget's host, for widget rooms.</summary>
    public string? SourceDestination { get; init; }

    public bool IsOpen { get; init; } = true;

    public int MessageCount { get; init; }

    public int UsersCount { get; init; } = 1;

    public DateTimeOffset? LastMessageAt { get; init; }

    public MessageRecord? LastMessage { get; init; }

    public DateTimeOffset? VisitorLastMessageAt { get; init; }

    public bool WaitingResponse { get; init; } = true;

    public AgentReference? ServedBy { get; init; }

    public string? DepartmentId { get; init; }

    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The topic an agent saved with livechat/room.saveInfo.</summary>
    public string? Topic { get; init; }

    public bool IsOnHold { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public RoomCloser? Closer { get; init; }

    public MessageSender? ClosedBy { get; init; }

    /// <summary>Values of room-scope custom fields (<c>livechatData</c>), by field id.</summary>
    public ImmutableDictionary<string, string> LivechatData { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The visitor's survey answers (<c>surveyFeedback</c>), replaced as a whole by each room.survey; null before any.</summary>
    public ImmutableDictionary<string, string>? SurveyFeedback { get; init; }
}
