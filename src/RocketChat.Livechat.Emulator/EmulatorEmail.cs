namespace RocketChat.Livechat.Emulator;

/// <summary>
/// An email the emulator "sent", kept like a development mail catcher would: today only the two-factor
/// authentication code mail (subject <c>Authentication code</c>). Also written to the emulator's log.
/// </summary>
/// <param name="To">The recipient address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="SentAt">When it was sent, on the emulator's clock.</param>
public sealed record EmulatorEmail(string To, string Subject, string Text, DateTimeOffset SentAt)
{
    /// <summary>The two-factor code in the mail, formatted as mailed (<c>123-456</c>); the server accepts it with or without the dash.</summary>
    public string? TwoFactorCode { get; init; }
}
