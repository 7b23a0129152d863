using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>AdditionalFiles metadata: Namespace, ClientName and Visibility shape the generated code.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void Namespace_client_name_and_internal_visibility_apply_to_every_generated_type()
    {
        string path = Path.Combine(RepoPaths.TestContracts, "store.yaml");
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile(path, File.ReadAllText(path), "Acme.Shop", "Shop", Visibility: "internal"));

        Assert.Empty(outcome.CompileDiagnostics);
        INamedTypeSymbol[] generated = outcome.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == "Acme.Shop")
            .ToArray();
        Assert.Contains(generated, t => t.Name == "ShopClient");
        Assert.Contains(generated, t => t.Name == "ShopJsonContext");
        Assert.Contains(generated, t => t.Name == "IItemsClient");
        Assert.All(generated, t => Assert.Equal(Accessibility.Internal, t.DeclaredAccessibility));
        Assert.All(outcome.Sources.Keys, hint => Assert.StartsWith("Acme.Shop.Shop.", hint));
    }

    [Fact]
    public void Without_metadata_the_root_namespace_and_file_name_are_used()
    {
        string path = Path.Combine(RepoPaths.TestContracts, "store.yaml");
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile(path, File.ReadAllText(path), Namespace: null));

        Assert.Empty(outcome.CompileDiagnostics);
        INamedTypeSymbol client = Assert.Single(outcome.Output.GetSymbolsWithName(n => n == "StoreClient", SymbolFilter.Type).OfType<INamedTypeSymbol>());
        Assert.Equal("Consumer", client.ContainingNamespace.ToDisplayString());
        Assert.Equal(Accessibility.Public, client.DeclaredAccessibility);
    }

    [Theory]
    [InlineData("Internl")]
    [InlineData("private")]
    public void A_visibility_that_is_neither_public_nor_internal_is_reported_not_silently_public(string visibility)
    {
        string path = Path.Combine(RepoPaths.TestContracts, "store.yaml");
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile(path, File.ReadAllText(path), "Acme.Shop", "Shop", Visibility: visibility));

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG012", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains($"'{visibility}'", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("public")]
    [InlineData("Internal")]
    public void Public_and_internal_in_any_case_are_accepted(string visibility)
    {
        string path = Path.Combine(RepoPaths.TestContracts, "store.yaml");
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile(path, File.ReadAllText(path), "Acme.Shop", "Shop", Visibility: visibility));

        Assert.Empty(outcome.GeneratorDiagnostics);
    }
}
