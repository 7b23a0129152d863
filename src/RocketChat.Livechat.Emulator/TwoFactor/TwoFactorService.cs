using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Settings;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.TwoFactor;

/// <summary>
/// Rocket.Chat's <c>checkCodeForUser</c> (<c>apps/meteor/app/2fa/server/code/index.ts</c>): picks the second factor
/// (the one asked for, else the first of TOTP and email the user has, else the password fallback where allowed),
/// lets it prepare (email sends a code), then asks for a code or verifies it. A check passed on a REST call is
/// remembered for the login token and client (<c>Accounts_TwoFactorAuthentication_RememberFor</c>), and a user is not
/// asked for that long after registering. Runs under <see cref="EmulatorState.Gate"/>.
/// </summary>
internal sealed class TwoFactorService(EmulatorState state, ILogger logger)
{
    /// <summary>How much earlier than its expiry an emailed code still counts as "already sent" (processInvalidCode).</summary>
    private static readonly TimeSpan s_emailCodeReuseGrace = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Throws <see cref="TwoFactorException"/> unless the user <paramref name="userId"/> passes. <paramref name="connection"/> is
    /// the REST call's login token and client (null for a login); <paramref name="disablePasswordFallback"/> is the
    /// login's option (a login never falls back to the password).
    /// </summary>
    public void Check(string userId, string? code, string? method, bool disablePasswordFallback, TwoFactorConnection? connection)
    {
        SettingsRegistry settings = state.Settings;
        if (!settings.GetBoolean(TwoFactorSettings.EnabledId))
        {
            return;
        }

        lock (state.Gate)
        {
            UserRecord user = state.Users[userId];
            if (connection is not null && IsRemembered(user, connection))
            {
                return;
            }

            string? selected = SelectMethod(user, method, disablePasswordFallback);
            if (selected is null)
            {
                return;
            }

            TwoFactorDetails details = Prepare(ref user, selected);
            if (string.IsNullOrEmpty(code))
            {
                throw new TwoFactorException(TwoFactorException.Required, "TOTP Required", details);
            }

            if (!Verify(ref user, selected, code))
            {
                if (selected == TwoFactorMethod.Email
                    && user.EmailCode is { } emailCode && emailCode.InvalidAttempts >= settings.GetInt32(TwoFactorSettings.MaxInvalidEmailCodeAttemptsId, 5))
                {
                    throw new TwoFactorException(TwoFactorException.MaxAttempts, "TOTP Maximun Failed Attempts Reached", details);
                }

                throw new TwoFactorException(TwoFactorException.Invalid, "TOTP Invalid", details);
            }

            if (connection is not null && RememberFor() is { } rememberFor)
            {
                state.TwoFactorAuthorizations[connection.LoginToken] = (state.Now + rememberFor, connection.Fingerprint);
            }
        }
    }

    /// <summary>getMethodByNameOrFirstActiveForUser, then the password fallback (getSecondFactorMethod).</summary>
    private string? SelectMethod(UserRecord user, string? requested, bool disablePasswordFallback)
    {
        if (requested is TwoFactorMethod.Totp or TwoFactorMethod.Email)
        {
            return requested;
        }

        if (AvailableMethods(user) is [{ } first, ..])
        {
            return first;
        }

        return !disablePasswordFallback && PasswordFallbackEnabled(user) ? TwoFactorMethod.Password : null;
    }

    private List<string> AvailableMethods(UserRecord user)
    {
        var methods = new List<string>(2);
        if (TotpEnabled(user))
        {
            methods.Add(TwoFactorMethod.Totp);
        }

        if (EmailEnabled(user))
        {
            methods.Add(TwoFactorMethod.Email);
        }

        return methods;
    }

    private bool TotpEnabled(UserRecord user) => state.Settings.GetBoolean(TwoFactorSettings.ByTotpEnabledId) && user.TotpSecret is not null;

    /// <summary>EmailCheck.isEnabled: the setting, the user's choice and a verified address (seeded addresses are verified).</summary>
    private bool EmailEnabled(UserRecord user) => state.Settings.GetBoolean(TwoFactorSettings.ByEmailEnabledId) && user.EmailTwoFactor;

    /// <summary>PasswordCheckFallback.isEnabled: the setting, and a password on the account.</summary>
    private bool PasswordFallbackEnabled(UserRecord user) =>
        state.Settings.GetBoolean(TwoFactorSettings.EnforcePasswordFallbackId) && user.Password.Length > 0;

    /// <summary>processInvalidCode: only email does something, sending a code unless a recent one exists.</summary>
    private TwoFactorDetails Prepare(ref UserRecord user, string method)
    {
        if (method != TwoFactorMethod.Email)
        {
            return new TwoFactorDetails(method, CodeGenerated: false, EmailOrUsername: null, CodeExpires: null, AvailableMethods(user));
        }

        // The server removes expired codes, then judges the user document it read before: a code that expired less
        // than five minutes ago still reads as "sent" (and can no longer be used).
        DateTimeOffset now = state.Now;
        EmailCodeRecord? existing = user.EmailCode;
        if (existing is not null && existing.Expires < now)
        {
            user = state.Users[user.Id] = user with { EmailCode = null };
        }

        int maxAttempts = state.Settings.GetInt32(TwoFactorSettings.MaxInvalidEmailCodeAttemptsId, 5);
        if (existing is not null && existing.Expires > now - s_emailCodeReuseGrace && existing.InvalidAttempts < maxAttempts)
        {
            return new TwoFactorDetails(method, CodeGenerated: false, user.Username, existing.Expires, AvailableMethods(user));
        }

        user = SendEmailCode(user, now);
        return new TwoFactorDetails(method, CodeGenerated: true, user.Username, CodeExpires: null, AvailableMethods(user));
    }

    private UserRecord SendEmailCode(UserRecord user, DateTimeOffset now)
    {
        string digits = RandomNumberGenerator.GetString("0123456789", 6);
        DateTimeOffset expires = now.AddSeconds(state.Settings.GetInt32(TwoFactorSettings.EmailCodeExpirationId, 3600));
        UserRecord updated = state.Users[user.Id] = user with { EmailCode = new EmailCodeRecord(digits, expires, 0) };

        string mailed = $"{digits[..3]}-{digits[3..]}";
        var email = new EmulatorEmail(
            user.Email,
            "Authentication code",
            $"Here is your authentication code:\n\n{mailed}\n\nDo not provide this code to anyone.\nIf you didn't try to login in your account please ignore this email.\n",
            now)
        {
            TwoFactorCode = mailed,
        };
        state.SentEmails.Add(email);
        logger.LogInformation("Email to {To}: {Subject}: {Code}", email.To, email.Subject, mailed);
        return updated;
    }

    private bool Verify(ref UserRecord user, string method, string code) => method switch
    {
        TwoFactorMethod.Totp => TotpEnabled(user)
            && Totp.Verify(user.TotpSecret!, code, state.Now, state.Settings.GetInt32(TwoFactorSettings.MaxDeltaId, 1)),
        TwoFactorMethod.Email => VerifyEmailCode(ref user, code),
        _ => PasswordFallbackEnabled(user) && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.Password)))),
            Encoding.UTF8.GetBytes(code.ToLowerInvariant())),
    };

    /// <summary>EmailCheck.verify: non-digits are dropped; a right code is used up, a wrong one counts as an attempt.</summary>
    private bool VerifyEmailCode(ref UserRecord user, string code)
    {
        if (!EmailEnabled(user) || user.EmailCode is not { } emailCode || emailCode.Expires < state.Now)
        {
            return false;
        }

        string digits = new(code.Where(char.IsAsciiDigit).ToArray());
        if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(digits), Encoding.ASCII.GetBytes(emailCode.Code)))
        {
            user = state.Users[user.Id] = user with { EmailCode = null };
            return true;
        }

        user = state.Users[user.Id] = user with { EmailCode = emailCode with { InvalidAttempts = emailCode.InvalidAttempts + 1 } };
        return false;
    }

    /// <summary>isAuthorizedForToken: within RememberFor of registering, or of a check passed with this token and client.</summary>
    private bool IsRemembered(UserRecord user, TwoFactorConnection connection)
    {
        if (RememberFor() is not { } rememberFor)
        {
            return false;
        }

        DateTimeOffset now = state.Now;
        if (user.CreatedAt + rememberFor >= now)
        {
            return true;
        }

        return state.TwoFactorAuthorizations.TryGetValue(connection.LoginToken, out (DateTimeOffset Until, string Fingerprint) remembered)
            && remembered.Until >= now
            && string.Equals(remembered.Fingerprint, connection.Fingerprint, StringComparison.Ordinal);
    }

    /// <summary>getRememberDate: nothing is remembered when the setting is zero or negative.</summary>
    private TimeSpan? RememberFor()
    {
        int seconds = state.Settings.GetInt32(TwoFactorSettings.RememberForId, 1800);
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
    }
}

/// <summary>
/// The REST call a check runs for: its login token and the client's fingerprint (the server hashes the User-Agent
/// and the client address).
/// </summary>
internal sealed record TwoFactorConnection(string LoginToken, string Fingerprint);
