namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// Compares generated sources with the approved files of one folder. A difference writes the output beside the
/// approved file as <c>.received.cs</c> and fails; UPDATE_SNAPSHOTS=1 rewrites the approved files instead.
/// </summary>
internal static class ApprovedSnapshots
{
    public const string ReceivedSuffix = ".received.cs";

    public static bool UpdateRequested => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    public static void Verify(string folder, IReadOnlyDictionary<string, string> sources, bool update)
    {
        if (update)
        {
            Directory.CreateDirectory(folder);
            foreach (string stale in Directory.GetFiles(folder))
            {
                File.Delete(stale);
            }
        }

        foreach ((string hint, string source) in sources)
        {
            string approvedPath = Path.Combine(folder, hint);
            if (update)
            {
                File.WriteAllText(approvedPath, source);
                continue;
            }

            Assert.True(File.Exists(approvedPath), $"No approved snapshot {approvedPath}; run with UPDATE_SNAPSHOTS=1 and review it.");
            string approved = File.ReadAllText(approvedPath).ReplaceLineEndings("\n");
            string receivedPath = approvedPath + ReceivedSuffix;
            if (approved == source)
            {
                // A .received.cs left by an earlier failing run is stale once the output matches again.
                File.Delete(receivedPath);
                continue;
            }

            File.WriteAllText(receivedPath, source);
            Assert.Fail($"{hint} differs from its approved snapshot; see {receivedPath}.");
        }

        Assert.Equal(sources.Keys.Order(), ApprovedFiles(folder).Order());
    }

    /// <summary>The approved files of a folder: a .received.cs is a failing run's output, never approved.</summary>
    private static IEnumerable<string> ApprovedFiles(string folder) => Directory.GetFiles(folder)
        .Where(file => !file.EndsWith(ReceivedSuffix, StringComparison.Ordinal))
        .Select(file => Path.GetFileName(file));
}
