using System.Text.Json;

namespace RocketChat.Livechat.Realtime;

/// <summary>
/// A password login needs a second factor (<c>totp-required</c>) or the code given was wrong (<c>totp-invalid</c>).
/// Log in again with the code for <see cref="Method"/>.
/// </summary>
public sealed class RealtimeTwoFactorException : RealtimeServerException
{
    /// <summary>Creates the exception.</summary>
    public RealtimeTwoFactorException(string operation, string error, string? reason, JsonElement? details, string? method, IReadOnlyList<string> availableMethods)
        : base(operation, error, reason, details)
    {
        Method = method;
        AvailableMethods = availableMethods;
    }

    /// <summary>Whether a code was given but rejected (<c>totp-invalid</c>) rather than missing.</summary>
    public bool IsCodeInvalid => Error == "totp-invalid";

    /// <summary><c>details.method</c>: <c>totp</c>, <c>email</c> or <c>password</c>.</summary>
    public string? Method { get; }

    /// <summary><c>details.availableMethods</c>.</summary>
    public IReadOnlyList<string> AvailableMethods { get; }
}
