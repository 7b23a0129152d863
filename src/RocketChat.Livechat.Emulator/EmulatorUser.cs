namespace RocketChat.Livechat.Emulator;

/// <summary>
/// A user seeded into the emulator. <paramref name="Roles"/> are Rocket.Chat role ids such as
/// <c>livechat-agent</c>, <c>livechat-manager</c>, <c>admin</c>, <c>bot</c> or <c>user</c>.
/// Seeded agents start online and available, as after being added on a running server.
/// </summary>
public sealed record EmulatorUser(string Username, string Password, string Name, params string[] Roles)
{
    /// <summary>
    /// The base32 secret of the user's authenticator app (<c>services.totp.secret</c>): when set, TOTP two-factor
    /// authentication is on for the user. <see cref="Totp.Code"/> gives the code an app would show.
    /// </summary>
    public string? TotpSecret { get; init; }

    /// <summary>
    /// Two-factor authentication by email (<c>services.email2fa.enabled</c>): a code is "mailed" when one is needed;
    /// read it from <see cref="LivechatEmulator.SentEmails"/> or the emulator's log.
    /// </summary>
    public bool EmailTwoFactor { get; init; }
}
