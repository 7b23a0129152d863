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
        { "features", Path.Combine(RepoPaths.TestContracts, "features.yaml"), "RocketChat.Livechat.Tests.Features", "Features" },
    };

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Generated_code_matches_the_approved_snapshot_and_compiles_cleanly(string name, string path, string ns, string client)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile(path, File.ReadAllText(path), ns, client));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Equal(3, outcome.Sources.Count);

        ApprovedSnapshots.Verify(Path.Combine(RepoPaths.Snapshots, name), outcome.Sources, ApprovedSnapshots.UpdateRequested);
    }

    [Fact]
    public void A_received_file_left_by_a_failed_run_does_not_fail_the_run_after_the_fix()
    {
        string folder = Directory.CreateTempSubdirectory("snapshots").FullName;
        try
        {
            var sources = new Dictionary<string, string> { ["Models.g.cs"] = "class A { }\n" };
            File.WriteAllText(Path.Combine(folder, "Models.g.cs"), "class A { }\n");
            string leftover = Path.Combine(folder, "Models.g.cs" + ApprovedSnapshots.ReceivedSuffix);
            File.WriteAllText(leftover, "class B { }\n");

            ApprovedSnapshots.Verify(folder, sources, update: false);

            Assert.False(File.Exists(leftover), "the stale .received.cs is removed once the output matches");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_difference_fails_and_leaves_the_received_output_beside_the_approved_file()
    {
        string folder = Directory.CreateTempSubdirectory("snapshots").FullName;
        try
        {
            var sources = new Dictionary<string, string> { ["Models.g.cs"] = "class B { }\n" };
            File.WriteAllText(Path.Combine(folder, "Models.g.cs"), "class A { }\n");

            Assert.ThrowsAny<Exception>(() => ApprovedSnapshots.Verify(folder, sources, update: false));

            Assert.Equal("class B { }\n", File.ReadAllText(Path.Combine(folder, "Models.g.cs" + ApprovedSnapshots.ReceivedSuffix)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
