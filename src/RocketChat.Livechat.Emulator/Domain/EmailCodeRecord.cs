namespace RocketChat.Livechat.Emulator.Domain;

/// <summary>
/// An emailed two-factor code (<c>services.emailCode</c>): the code, when it expires and how many wrong codes were
/// tried against it. The server keeps a bcrypt hash; the emulator keeps the digits.
/// </summary>
internal sealed record EmailCodeRecord(string Code, DateTimeOffset Expires, int InvalidAttempts);
