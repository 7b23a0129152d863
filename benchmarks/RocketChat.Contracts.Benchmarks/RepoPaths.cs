using System.Reflection;

namespace RocketChat.Contracts.Benchmarks;

/// <summary>Where the repository and the shared reference folder (../shared beside it) are.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Path.GetFullPath(
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!);

    public static string LivechatContract => Path.Combine(Root, "contracts", "livechat.yaml");

    /// <summary>Rocket.Chat's own omnichannel.yaml (165 operations); kept in shared/reference beside the repository.</summary>
    public static string OmnichannelSpec
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable("ROCKETCHAT_OMNICHANNEL_YAML");
            return !string.IsNullOrEmpty(fromEnvironment)
                ? fromEnvironment
                : Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "openapi", "omnichannel.yaml"));
        }
    }
}
