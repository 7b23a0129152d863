using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.State;
using RocketChat.Livechat.Emulator.TwoFactor;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>User accounts and login tokens: seeding, password and resume logins, and resolving X-User-Id / X-Auth-Token.</summary>
internal sealed class AccountService(EmulatorState state)
{
    /// <summary>The second factor of logins and of <c>twoFactorRequired</c> routes.</summary>
    public TwoFactorService TwoFactor { get; } = new(state, (state.Options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("RocketChat.Livechat.Emulator"));

    /// <summary>Creates the admin and the configured users. Agents start available, as <c>afterAgentAdded</c> leaves an online user.</summary>
    public void Seed()
    {
        EmulatorOptions options = state.Options;
        lock (state.Gate)
        {
            AddUser(new EmulatorUser(options.AdminUsername, options.AdminPassword, "Administrator", RoleNames.Admin, RoleNames.User));
            foreach (EmulatorUser user in options.Users)
            {
                AddUser(user);
            }
        }
    }

    /// <summary>
    /// Logs in with a username/email and a password (plain, or its SHA-256 hex digest); null when the pair is wrong.
    /// With <paramref name="secondFactor"/>, a user with two-factor authentication must also give the code (the
    /// <c>onValidateLogin</c> check, after the password and without the password fallback): otherwise
    /// <see cref="TwoFactorException"/>. Without it (the in-process test helper), no code is asked for.
    /// </summary>
    public LoginResult? LoginWithPassword(string? username, string? email, string password, bool passwordIsSha256, SecondFactor? secondFactor = null)
    {
        lock (state.Gate)
        {
            UserRecord? user = username is not null ? state.FindUserByUsername(username)
                : email is not null ? state.FindUserByEmail(email)
                : null;
            if (user is null || !PasswordMatches(user, password, passwordIsSha256))
            {
                return null;
            }

            if (secondFactor is not null)
            {
                TwoFactor.Check(user.Id, secondFactor.Code, method: null, disablePasswordFallback: true, connection: null);
            }

            string token = MeteorIds.NewSecret();
            state.LoginTokens[token] = user.Id;
            return new LoginResult(user, token);
        }
    }

    /// <summary>Meteor's resume login: the token stays the same.</summary>
    public LoginResult? Resume(string token)
    {
        lock (state.Gate)
        {
            return state.LoginTokens.TryGetValue(token, out string? userId) && state.Users.TryGetValue(userId, out UserRecord? user)
                ? new LoginResult(user, token)
                : null;
        }
    }

    /// <summary>The user the headers authenticate, or null.</summary>
    public UserRecord? Authenticate(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token))
        {
            return null;
        }

        lock (state.Gate)
        {
            return state.LoginTokens.TryGetValue(token, out string? owner)
                && string.Equals(owner, userId, StringComparison.Ordinal)
                && state.Users.TryGetValue(owner, out UserRecord? user)
                    ? user
                    : null;
        }
    }

    /// <summary>POST logout: the login token stops working.</summary>
    public void Logout(string token)
    {
        lock (state.Gate)
        {
            state.LoginTokens.Remove(token);
        }
    }

    /// <summary>
    /// POST users.setStatus: changes the presence of the caller, or of <paramref name="userId"/> with
    /// edit-other-user-info. An offline agent is not available for routing.
    /// </summary>
    public void SetStatus(UserRecord caller, string? status, string? userId, Func<UserRecord, bool> mayEditOthers)
    {
        UserStatus? presence = status switch
        {
            null => null,
            "online" => UserStatus.Online,
            "away" => UserStatus.Away,
            "busy" => UserStatus.Busy,
            "offline" => UserStatus.Offline,
            _ => throw ApiErrors.Meteor("error-invalid-status", "Valid status types include online | away | busy | offline", ApiErrors.Detail("method", "users.setStatus")),
        };
        lock (state.Gate)
        {
            string targetId = string.IsNullOrEmpty(userId) ? caller.Id : userId;
            if (targetId != caller.Id && !mayEditOthers(caller))
            {
                throw ApiErrors.Meteor("error-not-allowed", "Not allowed", ApiErrors.Detail("method", "users.setStatus"));
            }

            UserRecord user = state.Users.GetValueOrDefault(targetId)
                ?? throw ApiErrors.Meteor("error-invalid-user", "Invalid user", ApiErrors.Detail("method", "users.setStatus"));
            if (presence is { } newStatus && newStatus != user.Status)
            {
                UserRecord changed = state.Users[user.Id] = user with { Status = newStatus };
                NotifyOmnichannelOfPresence(changed);
            }
        }
    }

    /// <summary>
    /// OmnichannelService's presence.status listener: a livechat agent, manager or monitor whose presence changed
    /// gets notifyAgentStatusChanged, which reaches the open rooms it serves.
    /// </summary>
    private void NotifyOmnichannelOfPresence(UserRecord user)
    {
        if (!user.HasRole(RoleNames.Agent) && !user.HasRole(RoleNames.Manager) && !user.HasRole(RoleNames.Monitor))
        {
            return;
        }

        List<RoomRecord> served = state.Rooms.Values.Where(room => room.IsOpen && room.ServedBy?.AgentId == user.Id).ToList();
        state.Events.AgentStatusChanged(user, served);
    }

    private void AddUser(EmulatorUser seed)
    {
        ImmutableArray<string> roleList = [.. seed.Roles.Distinct(StringComparer.Ordinal)];
        var user = new UserRecord
        {
            Id = MeteorIds.NewId(),
            Username = seed.Username,
            Name = seed.Name,
            Password = seed.Password,
            Email = $"{seed.Username}@example.com",
            Roles = roleList,
            CreatedAt = state.Now,
            TotpSecret = seed.TotpSecret,
            EmailTwoFactor = seed.EmailTwoFactor,
        };
        if (user.IsAgent)
        {
            user = user with { LivechatStatus = LivechatStatus.Available };
        }

        state.Users[user.Id] = user;
    }

    private static bool PasswordMatches(UserRecord user, string password, bool passwordIsSha256)
    {
        string expected = passwordIsSha256
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.Password)))
            : user.Password;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(passwordIsSha256 ? password.ToLowerInvariant() : password));
    }
}

/// <summary>A successful login: the user and its auth token.</summary>
internal sealed record LoginResult(UserRecord User, string AuthToken);

/// <summary>The second factor a login came with: the code, or null when none was given.</summary>
internal sealed record SecondFactor(string? Code);
