namespace RocketChat.Livechat.Emulator.TwoFactor;

/// <summary>
/// A failed two-factor check: the <c>Meteor.Error</c> that <c>checkCodeForUser</c> throws (<c>totp-required</c>,
/// <c>totp-invalid</c> or <c>totp-max-attempts</c>). Each caller turns it into its own shape: 401 from POST login,
/// 400 from a <c>twoFactorRequired</c> route, a method error over DDP.
/// </summary>
internal sealed class TwoFactorException(string code, string reason, TwoFactorDetails details) : Exception($"{reason} [{code}]")
{
    public const string Required = "totp-required";
    public const string Invalid = "totp-invalid";
    public const string MaxAttempts = "totp-max-attempts";

    public string Code { get; } = code;

    public string Reason { get; } = reason;

    public TwoFactorDetails Details { get; } = details;
}
