using System.Text.Json.Nodes;

namespace RocketChat.Livechat.Emulator.Settings;

/// <summary>The SSRF check of newer servers' server-fetch, with its allow-list setting.</summary>
internal static class SsrfSettings
{
    /// <summary>Hosts, IP addresses or CIDR ranges (comma, space or newline separated) that webhooks may reach although private.</summary>
    public const string Allowlist = "SSRF_Allowlist";

    /// <summary>The server's default is empty; the emulator's comes from <see cref="EmulatorOptions.SsrfAllowlist"/>.</summary>
    public static void DefineAll(SettingsRegistry settings, string defaultAllowlist) =>
        settings.Define(Allowlist, SettingType.String, JsonValue.Create(defaultAllowlist));
}
