namespace RocketChat.Livechat.Emulator;

/// <summary>
/// A user seeded into the emulator. <paramref name="Roles"/> are Rocket.Chat role ids such as
/// <c>livechat-agent</c>, <c>livechat-manager</c>, <c>admin</c>, <c>bot</c> or <c>user</c>.
/// Seeded agents start online and available, as after being added on a running server.
/// </summary>
public sealed record EmulatorUser(string Username, string Password, string Name, params string[] Roles);
