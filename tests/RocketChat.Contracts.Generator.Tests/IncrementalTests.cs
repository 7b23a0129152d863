using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>The generator's caching: unrelated edits reuse everything, contract edits rerun it.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] s_steps =
    {
        ContractSourceGenerator.Steps.Input, ContractSourceGenerator.Steps.Model, ContractSourceGenerator.Steps.Collisions,
    };

    private static ContractFile StoreContract()
    {
        string path = Path.Combine(RepoPaths.TestContracts, "store.yaml");
        return new ContractFile(path, File.ReadAllText(path), "Test.Store", "Store");
    }

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace Consumer { public class A { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(StoreContract()).RunGenerators(compilation);

        CSharpCompilation edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText("namespace Consumer { public class A { public int Added; } public class B { } }"));
        driver = driver.RunGenerators(edited);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        foreach (string step in s_steps)
        {
            IncrementalGeneratorRunStep[] runs = result.TrackedSteps[step].ToArray();
            Assert.NotEmpty(runs);
            Assert.All(runs, run => Assert.True(run.Outputs.Length > 0, $"{step} ran with no output"));
            Assert.All(runs.SelectMany(r => r.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }

        IncrementalGeneratorRunStep[] outputRuns = result.TrackedOutputSteps.SelectMany(s => s.Value).ToArray();
        Assert.NotEmpty(outputRuns);
        Assert.All(outputRuns, run => Assert.True(run.Outputs.Length > 0, "an output step ran with no output"));
        Assert.All(outputRuns.SelectMany(s => s.Outputs), output =>
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_the_contract_reruns_the_model_and_the_output()
    {
        ContractFile contract = StoreContract();
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace Consumer { public class A { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { contract }, out AdditionalText[] texts).RunGenerators(compilation);

        string editedText = contract.Text.Replace("A thing for sale.", "A thing for sale, edited.");
        driver = driver.ReplaceAdditionalText(texts[0], GeneratorHarness.ToAdditionalText(contract with { Text = editedText }));
        driver = driver.RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[ContractSourceGenerator.Steps.Model].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("A thing for sale, edited.", result.GeneratedSources.Single(s => s.HintName.EndsWith("Models.g.cs", StringComparison.Ordinal)).SourceText.ToString());
    }

    [Fact]
    public void Step_outputs_hold_no_compilation_symbol_or_syntax()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace Consumer { public class A { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(StoreContract()).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        foreach (string step in s_steps)
        {
            foreach ((object value, _) in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(value, new HashSet<object>(ReferenceEqualityComparer.Instance), step);
            }
        }
    }

    internal static void AssertNoRoslynObjects(object? value, HashSet<object> seen, string step)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel, $"{step} holds a {value.GetType().Name}");
        if (value is IEnumerable sequence)
        {
            foreach (object? item in sequence)
            {
                AssertNoRoslynObjects(item, seen, step);
            }
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), seen, step);
        }
    }
}
