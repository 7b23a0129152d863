using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Http;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>GET /api/info: the server version, trimmed to major.minor for callers without view-statistics.</summary>
internal sealed partial class ServerInfoEndpoint
{
    /// <summary>The Rocket.Chat release the emulator behaves as.</summary>
    public const string ServerVersion = "8.0.0";

    public Task GetAsync(HttpContext context) =>
        JsonResponses.SuccessAsync(context, writer => writer.WriteString("version", TrimmedVersion().Match(ServerVersion).Groups[1].Value));

    /// <summary>getTrimmedServerVersion's <c>(\d+\.\d+).*</c>.</summary>
    [GeneratedRegex(@"^(\d+\.\d+)")]
    private static partial Regex TrimmedVersion();
}
