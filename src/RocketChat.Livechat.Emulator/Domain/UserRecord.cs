using System.Collections.Immutable;

namespace RocketChat.Livechat.Emulator.Domain;

/// <summary>A Rocket.Chat user account (admin, agent, manager, ...). Immutable: changes replace the record under the state lock.</summary>
internal sealed record UserRecord
{
    public required string Id { get; init; }

    public required string Username { get; init; }

    public required string Name { get; init; }

    public required string Password { get; init; }

    public required string Email { get; init; }

    public required ImmutableArray<string> Roles { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Presence; the emulator has no sockets, so seeded users count as connected.</summary>
    public UserStatus Status { get; init; } = UserStatus.Online;

    /// <summary>The agent's livechat availability; null for users that never were agents.</summary>
    public LivechatStatus? LivechatStatus { get; init; }

    /// <summary><c>services.totp.secret</c> (base32) when TOTP two-factor authentication is on; null otherwise.</summary>
    public string? TotpSecret { get; init; }

    /// <summary><c>services.email2fa.enabled</c>: two-factor codes are sent by email.</summary>
    public bool EmailTwoFactor { get; init; }

    /// <summary><c>services.emailCode</c>: the last emailed code, while it is kept.</summary>
    public EmailCodeRecord? EmailCode { get; init; }

    public bool IsAgent => HasRole(RoleNames.Agent);

    public bool IsManager => HasRole(RoleNames.Manager);

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public UserRecord WithRole(string role) => HasRole(role) ? this : this with { Roles = Roles.Add(role) };

    public UserRecord WithoutRole(string role) => this with { Roles = Roles.Remove(role, StringComparer.Ordinal) };
}
