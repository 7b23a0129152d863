namespace RocketChat.Livechat.Emulator.TwoFactor;

/// <summary>The second factors of Rocket.Chat's <c>checkCodeForUser</c>, by their wire names.</summary>
internal static class TwoFactorMethod
{
    public const string Totp = "totp";
    public const string Email = "email";

    /// <summary>The fallback: the SHA-256 hex digest of the account password.</summary>
    public const string Password = "password";
}
