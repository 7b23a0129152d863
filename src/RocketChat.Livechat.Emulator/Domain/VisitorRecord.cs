using System.Collections.Immutable;

namespace RocketChat.Livechat.Emulator.Domain;

/// <summary>A livechat visitor (guest). The token is both its identity and its credential.</summary>
internal sealed record VisitorRecord
{
    public required string Id { get; init; }

    public required string Token { get; init; }

    public required string Username { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public string? Name { get; init; }

    public string? Department { get; init; }

    public VisitorStatus Status { get; init; } = VisitorStatus.Online;

    public ImmutableArray<string> Phones { get; init; } = [];

    public ImmutableArray<string> Emails { get; init; } = [];

    public RoomReference? LastChat { get; init; }

    public AgentReference? LastAgent { get; init; }

    /// <summary>Values of visitor-scope custom fields (<c>livechatData</c>), by field id.</summary>
    public ImmutableDictionary<string, string> LivechatData { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The summary that rooms and inquiries embed as <c>v</c>.</summary>
    public VisitorSummary ToSummary() => new(Id, Username, Token, Status, Name, Phones.IsEmpty ? null : Phones[0]);
}

/// <summary>A room id with a time, as in the visitor's <c>lastChat</c>.</summary>
internal sealed record RoomReference(string RoomId, DateTimeOffset Timestamp);

/// <summary>An agent with the time it was involved, as in <c>servedBy</c> or the visitor's <c>lastAgent</c>.</summary>
internal sealed record AgentReference(string AgentId, string Username, DateTimeOffset Timestamp);

/// <summary>The visitor fields copied into rooms and inquiries (<c>v</c>).</summary>
internal sealed record VisitorSummary(string Id, string Username, string Token, VisitorStatus Status, string? Name, string? Phone);
