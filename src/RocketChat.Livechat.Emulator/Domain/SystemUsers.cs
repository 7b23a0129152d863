namespace RocketChat.Livechat.Emulator.Domain;

/// <summary>The server's own users that system messages come from.</summary>
internal static class SystemUsers
{
    /// <summary>rocket.cat, the bot every Rocket.Chat server has (id and username <c>rocket.cat</c>).</summary>
    public static MessageSender RocketCat { get; } = new("rocket.cat", "rocket.cat", "Rocket.Cat");
}
