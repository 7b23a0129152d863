using System.Reflection;

namespace RocketChat.Livechat.Tests;

/// <summary>Where the repository and ../shared/reference are, wherever the tests run from.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "RepoRoot").Value!;

    public static string SharedReference => RocketChat.Contracts.Testing.SharedReference.Folder;
}
