using System.Reflection;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>Where the repository and the shared reference folder are, wherever the tests run from.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "RepoRoot").Value!;

    public static string Contracts => Path.Combine(Root, "contracts");

    public static string Snapshots => Path.Combine(Root, "tests", "RocketChat.Contracts.Generator.Tests", "Snapshots");

    public static string TestContracts => Path.Combine(Root, "tests", "RocketChat.Contracts.Generator.Tests", "Contracts");

    /// <summary>../shared/reference beside the repository, as CI lays it out.</summary>
    public static string SharedReference => RocketChat.Contracts.Testing.SharedReference.Folder;
}
