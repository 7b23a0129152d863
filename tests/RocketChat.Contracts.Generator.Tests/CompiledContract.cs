using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// A contract generated and compiled in memory, then loaded, so tests can run the generated converters and
/// JsonSerializerContext on real JSON (reflection here is the test's, the generated code stays reflection-free).
/// </summary>
public sealed class CompiledContract
{
    private static int s_assemblyCount;

    /// <summary>
    /// Compiled assemblies by a hash of the generated sources, not by contract: repeated loads of the same output share
    /// one assembly (the tests stay quick), while a run that changes the generator, as a mutation test does inside one
    /// test process, compiles and runs what the changed generator wrote instead of an assembly cached before it.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<CompiledContract>> s_byGeneratedSource = new(StringComparer.Ordinal);

    private CompiledContract(Assembly assembly, IJsonTypeInfoResolver context)
    {
        Assembly = assembly;
        Context = context;
    }

    public Assembly Assembly { get; }

    /// <summary>The generated context's <c>Default</c> instance.</summary>
    public IJsonTypeInfoResolver Context { get; }

    /// <summary>Every generated record and extensible enum: the types carrying a generated [JsonConverter].</summary>
    public IEnumerable<Type> ModelTypes => Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<JsonConverterAttribute>() != null)
        .OrderBy(t => t.Name, StringComparer.Ordinal);

    public static CompiledContract Load(string path, string ns, string clientName) =>
        Load(clientName, new ContractFile(path, File.ReadAllText(path), ns, clientName));

    /// <summary>Several contracts compiled together (an AsyncAPI document and the REST contract it reuses); the context of <paramref name="clientName"/>.</summary>
    public static CompiledContract Load(string clientName, params ContractFile[] contracts)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(contracts);
        Assert.Empty(outcome.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        string generated = clientName + "\n" + string.Join("\n", outcome.Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + "\n" + s.Value));
        string key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(generated)));
        return s_byGeneratedSource.GetOrAdd(key, _ => new Lazy<CompiledContract>(() => Compile(clientName, outcome))).Value;
    }

    private static CompiledContract Compile(string clientName, GeneratorOutcome outcome)
    {
        Assert.Empty(outcome.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));

        Compilation compilation = outcome.Output.WithAssemblyName("Generated" + clientName + Interlocked.Increment(ref s_assemblyCount));
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));

        // Assembly.Load(byte[]) gives each image its own load context; the runtime library resolves to the test's own copy.
        Assembly assembly = Assembly.Load(image.ToArray());
        Type contextType = assembly.GetTypes().Single(t => t.Name == clientName + "JsonContext");
        var context = (IJsonTypeInfoResolver)contextType.GetProperty("Default")!.GetValue(null)!;
        return new CompiledContract(assembly, context);
    }

    public JsonTypeInfo TypeInfo(Type type) =>
        ((JsonSerializerContext)Context).GetTypeInfo(type)
        ?? throw new InvalidOperationException($"The generated context has no metadata for {type.Name}.");

    public object? Deserialize(string json, Type type) => JsonSerializer.Deserialize(json, TypeInfo(type));

    public string Serialize(object value, Type type) => JsonSerializer.Serialize(value, TypeInfo(type));

    public Type Type(string name) => Assembly.GetTypes().Single(t => t.Name == name);
}
