using System.Text.Json.Nodes;

namespace RocketChat.Livechat.Emulator.Settings;

/// <summary>
/// The <c>Accounts</c> settings of two-factor authentication, with the defaults of
/// <c>apps/meteor/app/2fa/server/startup/settings.ts</c> (and the email attempt limit of the newer settings file).
/// </summary>
internal static class TwoFactorSettings
{
    public const string EnabledId = "Accounts_TwoFactorAuthentication_Enabled";
    public const string MaxDeltaId = "Accounts_TwoFactorAuthentication_MaxDelta";
    public const string ByTotpEnabledId = "Accounts_TwoFactorAuthentication_By_TOTP_Enabled";
    public const string ByEmailEnabledId = "Accounts_TwoFactorAuthentication_By_Email_Enabled";
    public const string EmailCodeExpirationId = "Accounts_TwoFactorAuthentication_By_Email_Code_Expiration";
    public const string MaxInvalidEmailCodeAttemptsId = "Accounts_TwoFactorAuthentication_Max_Invalid_Email_Code_Attempts";
    public const string RememberForId = "Accounts_TwoFactorAuthentication_RememberFor";
    public const string EnforcePasswordFallbackId = "Accounts_TwoFactorAuthentication_Enforce_Password_Fallback";

    public static void DefineAll(SettingsRegistry settings, EmulatorOptions options)
    {
        settings.Define(EnabledId, SettingType.Boolean, JsonValue.Create(true));
        settings.Define(MaxDeltaId, SettingType.Int, JsonValue.Create(1));
        settings.Define(ByTotpEnabledId, SettingType.Boolean, JsonValue.Create(true));
        settings.Define(ByEmailEnabledId, SettingType.Boolean, JsonValue.Create(true));
        settings.Define(EmailCodeExpirationId, SettingType.Int, JsonValue.Create(3600));
        settings.Define(MaxInvalidEmailCodeAttemptsId, SettingType.Int, JsonValue.Create(5));
        settings.Define(RememberForId, SettingType.Int, JsonValue.Create((int)options.TwoFactorRememberFor.TotalSeconds));
        settings.Define(EnforcePasswordFallbackId, SettingType.Boolean, JsonValue.Create(options.EnforceTwoFactorPasswordFallback));
    }
}
