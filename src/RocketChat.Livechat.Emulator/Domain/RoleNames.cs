namespace RocketChat.Livechat.Emulator.Domain;

/// <summary>The Rocket.Chat role ids the emulator gives meaning to.</summary>
internal static class RoleNames
{
    public const string Admin = "admin";
    public const string User = "user";
    public const string Bot = "bot";
    public const string Agent = "livechat-agent";
    public const string Manager = "livechat-manager";
    public const string Monitor = "livechat-monitor";
}
