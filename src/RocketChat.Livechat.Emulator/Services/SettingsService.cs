using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Services;

/// <summary>Reading and changing the run-time settings: <c>settings/:_id</c> and <c>livechat/appearance</c>.</summary>
internal sealed class SettingsService(EmulatorState state)
{
    /// <summary>GET settings/:_id: the value, or null for an id the server does not have.</summary>
    public JsonNode? Get(string id)
    {
        lock (state.Gate)
        {
            return state.Settings.Get(id);
        }
    }

    /// <summary>
    /// POST settings/:_id. The route requires two-factor authentication; a user without 2FA methods confirms with
    /// the password fallback (headers <c>x-2fa-method: password</c> and <c>x-2fa-code</c>: the SHA-256 hex of the
    /// password). An unknown id or a value the setting cannot take is the bare <c>API.v1.failure()</c>.
    /// </summary>
    public void Set(UserRecord user, string id, JsonNode? value, string? twoFactorCode, string? twoFactorMethod)
    {
        CheckPasswordFallback(user, twoFactorCode, twoFactorMethod);
        lock (state.Gate)
        {
            if (!state.Settings.TrySet(id, value))
            {
                throw ApiErrors.Bare();
            }
        }
    }

    /// <summary>GET livechat/appearance: the widget settings as <c>{_id, value}</c>, in the route's order.</summary>
    public IReadOnlyList<(string Id, JsonNode? Value)> Appearance()
    {
        lock (state.Gate)
        {
            return ServerSettings.Appearance.Select(setting => (setting.Id, state.Settings.Get(setting.Id))).ToList();
        }
    }

    /// <summary>POST livechat/appearance: every id must be an appearance setting ('invalid-setting'); values are coerced to its type.</summary>
    public void SetAppearance(IReadOnlyList<(string Id, JsonNode? Value)> changes)
    {
        lock (state.Gate)
        {
            if (changes.Any(change => !ServerSettings.Appearance.Any(setting => setting.Id == change.Id)))
            {
                throw ApiErrors.Plain("invalid-setting");
            }

            foreach ((string id, JsonNode? value) in changes)
            {
                state.Settings.TrySet(id, value);
            }
        }
    }

    private static void CheckPasswordFallback(UserRecord user, string? code, string? method)
    {
        KeyValuePair<string, string> passwordMethod = ApiErrors.Detail("method", "password");
        if (string.IsNullOrEmpty(code))
        {
            throw ApiErrors.Meteor("totp-required", "TOTP Required", passwordMethod);
        }

        string expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.Password)));
        if ((method is not null && method != "password")
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(code.ToLowerInvariant())))
        {
            throw ApiErrors.Meteor("totp-invalid", "TOTP Invalid", passwordMethod);
        }
    }
}
