using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// The generated C# shape of a few component schemas: a contract with no paths, generated and compiled in memory,
/// queried through the compiler's symbols (the member types exactly as a caller sees them) and its diagnostics.
/// </summary>
internal sealed class SchemaShapes
{
    private const string Namespace = "Test.Shapes";

    private SchemaShapes(GeneratorOutcome outcome) => Outcome = outcome;

    public GeneratorOutcome Outcome { get; }

    /// <summary>The generator's diagnostics as "id line:column message", line and column 1-based, for exact assertions.</summary>
    public IEnumerable<string> Diagnostics => Outcome.GeneratorDiagnostics.Select(d =>
    {
        var start = d.Location.GetLineSpan().StartLinePosition;
        return $"{d.Id} {start.Line + 1}:{start.Character + 1} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    });

    /// <summary>Generates from <paramref name="schemas"/>, the YAML under <c>components/schemas</c> indented by four spaces.</summary>
    public static SchemaShapes Of(string schemas, string openApi = "3.0.3")
    {
        string contract = $"openapi: {openApi}\ninfo:\n  title: Shapes\n  version: '1'\npaths: {{}}\ncomponents:\n  schemas:\n" + schemas;
        return new SchemaShapes(GeneratorHarness.Run(new ContractFile("/contracts/shapes.yaml", contract, Namespace, "Shapes")));
    }

    /// <summary>The 1-based line the contract's schemas start at (the first line of <c>schemas</c> passed to <see cref="Of"/>).</summary>
    public const int FirstSchemaLine = 8;

    public INamedTypeSymbol? Type(string name) => Outcome.Output.GetTypeByMetadataName(Namespace + "." + name);

    /// <summary>A member's type as C# spells it, namespaces left out: <c>string?</c>, <c>long</c>, <c>IReadOnlyList&lt;PetItem&gt;</c>.</summary>
    public string MemberType(string type, string member)
    {
        INamedTypeSymbol record = Type(type) ?? throw new InvalidOperationException($"No generated type '{type}'; types: {string.Join(", ", TypeNames)}");
        IPropertySymbol property = record.GetMembers(member).OfType<IPropertySymbol>().SingleOrDefault()
            ?? throw new InvalidOperationException($"'{type}' has no property '{member}'; it has: {string.Join(", ", MemberNames(type))}");
        return property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.WithMiscellaneousOptions(
            SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes));
    }

    /// <summary>The public instance properties a record declares itself, in order.</summary>
    public IEnumerable<string> MemberNames(string type) => (Type(type)?.GetMembers() ?? [])
        .OfType<IPropertySymbol>()
        .Where(p => !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public && !p.IsImplicitlyDeclared && p.Name != "EqualityContract")
        .Select(p => p.Name);

    /// <summary>The static members of an extensible enum: its known values.</summary>
    public IEnumerable<string> EnumMembers(string type) => (Type(type)?.GetMembers() ?? [])
        .OfType<IPropertySymbol>()
        .Where(p => p.IsStatic && SymbolEqualityComparer.Default.Equals(p.Type, Type(type)))
        .Select(p => p.Name);

    public IEnumerable<string> TypeNames => Outcome.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type)
        .OfType<INamedTypeSymbol>()
        .Where(t => t.ContainingNamespace.ToDisplayString() == Namespace && t.ContainingType == null)
        .Select(t => t.Name)
        .Order(StringComparer.Ordinal);

    /// <summary>The generated model source, for what only the text shows (the literal of a default).</summary>
    public string Models => Outcome.Sources.Single(s => s.Key.EndsWith("Models.g.cs", StringComparison.Ordinal)).Value;
}
