using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// Generated files keep nullable annotations for the consumer and switch the compiler's nullable analysis of their
/// bodies off (build cost). The tests switch it back on, so the generated code is still checked.
/// </summary>
public sealed class NullableContextTests
{
    [Fact]
    public void Every_generated_file_keeps_annotations_and_switches_nullable_warnings_off()
    {
        string path = Path.Combine(RepoPaths.TestContracts, "store.yaml");
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile(path, File.ReadAllText(path), "Test.Store", "Store"));

        Assert.Equal(3, outcome.Sources.Count);
        Assert.All(outcome.Sources.Values, source =>
        {
            Assert.Contains("#nullable enable annotations\n" + GeneratorHarness.NullableWarningsOff, source, StringComparison.Ordinal);
            Assert.DoesNotContain("#nullable enable\n", source, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_consumer_sees_the_annotations_of_the_generated_members()
    {
        string path = Path.Combine(RepoPaths.TestContracts, "store.yaml");
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile(path, File.ReadAllText(path), "Test.Store", "Store"));

        INamedTypeSymbol item = outcome.Output.GetTypeByMetadataName("Test.Store.Item")!;
        IPropertySymbol id = item.GetMembers("Id").OfType<IPropertySymbol>().Single();
        IPropertySymbol tags = item.GetMembers("Tags").OfType<IPropertySymbol>().Single();

        Assert.Equal(NullableAnnotation.NotAnnotated, id.NullableAnnotation);
        Assert.Equal(NullableAnnotation.Annotated, tags.NullableAnnotation);
    }

    [Fact]
    public void The_harness_compiles_generated_files_with_nullable_warnings_on()
    {
        const string generated = "#nullable enable annotations\n" + GeneratorHarness.NullableWarningsOff + "public static class Sample { public static string Name() => null; }\n";
        Compilation compilation = GeneratorHarness.CreateCompilation(generated);

        Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Id == "CS8603");
        Assert.Contains(GeneratorHarness.WithNullableWarnings(compilation).GetDiagnostics(), d => d.Id == "CS8603");
    }
}
