using System.Reflection;

namespace RocketChat.Contracts.Testing;

// One file, compiled into each test project that reads ../shared (linked from RocketChat.Livechat.Tests), so it
// names no project's namespace and finds the repository from the RepoRoot metadata every test assembly carries.

/// <summary>
/// A fact that reads ../shared/reference (Rocket.Chat's official files, kept outside the repository). On a clone
/// without it the test is reported as skipped with the reason, instead of failing; .ci/run requires the folder.
/// xunit 2 has no dynamic skip, so the skip reason is decided when the attribute is created.
/// </summary>
public sealed class SharedReferenceFactAttribute : FactAttribute
{
    public SharedReferenceFactAttribute()
    {
        Skip = SharedReference.SkipReason;
    }
}

/// <summary>A theory that reads ../shared/reference; skipped with the reason when it is absent.</summary>
public sealed class SharedReferenceTheoryAttribute : TheoryAttribute
{
    public SharedReferenceTheoryAttribute()
    {
        Skip = SharedReference.SkipReason;
    }
}

internal static class SharedReference
{
    /// <summary>../shared/reference beside the repository, as CI lays it out.</summary>
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(
        typeof(SharedReference).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!,
        "..",
        "shared",
        "reference"));

    /// <summary>Null when ../shared/reference/openapi exists.</summary>
    public static string? SkipReason => Directory.Exists(Path.Combine(Folder, "openapi"))
        ? null
        : $"{Folder} is absent: the tests that read Rocket.Chat's official OpenAPI files are skipped (.ci/run requires it).";
}
