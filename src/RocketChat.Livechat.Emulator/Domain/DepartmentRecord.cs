using System.Collections.Immutable;

namespace RocketChat.Livechat.Emulator.Domain;

/// <summary>A livechat department (<c>rocketchat_livechat_department</c>).</summary>
internal sealed record DepartmentRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required bool Enabled { get; init; }

    public required string Email { get; init; }

    public required bool ShowOnRegistration { get; init; }

    public required bool ShowOnOfflineForm { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public string? Description { get; init; }

    public bool? RequestTagBeforeClosingChat { get; init; }

    public ImmutableArray<string> ChatClosingTags { get; init; } = [];

    public string? FallbackForwardDepartment { get; init; }

    public ImmutableArray<string> DepartmentsAllowedToForward { get; init; } = [];

    public bool Archived { get; init; }
}
