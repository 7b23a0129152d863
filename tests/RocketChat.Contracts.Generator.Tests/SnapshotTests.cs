using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// The generated code is compared with approved files in Snapshots/. A difference fails the test; run with
/// UPDATE_SNAPSHOTS=1 to rewrite the approved files, then review the diff like any code change.
/// </summary>
public sealed class SnapshotTests
{
    public static TheoryData<string, string, string, string> Contracts => new()
    {
        { "livechat", Path.Combine(RepoPaths.Contracts, "livechat.yaml"), "RocketChat.Livechat", "Livechat" },
        { "store", Path.Combine(RepoPaths.TestContracts, "store.yaml"), "Test.Store", "Store" },
        { "petstore", Path.Combine(RepoPaths.TestContracts, "petstore.yaml"), "Test.Petstore", "Petstore" },
    };

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Generated_code_matches_the_approved_snapshot_and_compiles_cleanly(string name, string path, string ns, string client)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile(path, File.ReadAllText(path), ns, client));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Equal(3, outcome.Sources.Count);

        string folder = Path.Combine(RepoPaths.Snapshots, name);
        bool update = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";
        if (update)
        {
            Directory.CreateDirectory(folder);
            foreach (string stale in Directory.GetFiles(folder))
            {
                File.Delete(stale);
            }
        }

        foreach ((string hint, string source) in outcome.Sources)
        {
            string approvedPath = Path.Combine(folder, hint);
            if (update)
            {
                File.WriteAllText(approvedPath, source);
                continue;
            }

            Assert.True(File.Exists(approvedPath), $"No approved snapshot {approvedPath}; run with UPDATE_SNAPSHOTS=1 and review it.");
            string approved = File.ReadAllText(approvedPath).ReplaceLineEndings("\n");
            if (approved != source)
            {
                File.WriteAllText(approvedPath + ".received.cs", source);
            }

            Assert.True(approved == source, $"{hint} differs from its approved snapshot; see {approvedPath}.received.cs");
        }

        Assert.Equal(outcome.Sources.Keys.Order(), Directory.GetFiles(folder).Select(Path.GetFileName).Order()!);
    }
}
