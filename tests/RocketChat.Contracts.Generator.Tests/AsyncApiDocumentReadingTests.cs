using System.Collections;
using System.Reflection;
using static RocketChat.Contracts.Generator.Tests.AsyncApiTestDocuments;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// The AsyncAPI document as a whole: its YAML and version are checked with exact messages and places, the names the
/// realtime code generates are reserved before any schema takes them, a cancelled build stops the parse, and a
/// document that is no mapping is reported rather than thrown on. The parser is internal: the last tests call it the
/// way the pipeline does, through reflection.
/// </summary>
public sealed class AsyncApiDocumentReadingTests
{
    private static readonly Assembly s_generator = typeof(ContractSourceGenerator).Assembly;

    [Fact]
    public void Invalid_yaml_is_reported_at_the_line_and_column_of_the_error()
    {
        GeneratorOutcome outcome = Run(Header + "channels:\n  room: [unclosed\n");

        Microsoft.CodeAnalysis.Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG001", diagnostic.Id);
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((7, 1), (start.Line + 1, start.Character + 1));
    }

    [Fact]
    public void An_asyncapi_version_other_than_3_is_reported_at_the_version()
    {
        AssertSingle(Run("asyncapi: 2.6.0\nchannels: {}\n"), "RCG040", "The AsyncAPI version '2.6.0' is not supported; use 3.0", 1, 11);
    }

    [Fact]
    public void An_asyncapi_key_without_a_version_is_reported_at_its_value()
    {
        AssertSingle(Run("asyncapi: { major: 3 }\nchannels: {}\n"), "RCG040", "The 'asyncapi' root key holds no version", 1, 11);
    }

    [Fact]
    public void The_names_of_the_streams_class_the_stream_struct_and_the_json_context_are_kept_from_component_schemas()
    {
        const string Record = "      type: object\n      properties:\n        a: { type: string }\n";
        GeneratorOutcome outcome = Run(Header + "components:\n  schemas:\n    RealtimeStreams:\n" + Record + "    RealtimeStream:\n" + Record + "    RealtimeJsonContext:\n" + Record);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        string models = outcome.Sources["Test.Realtime.Realtime.Models.g.cs"];
        Assert.Contains("partial record RealtimeStreams2", models, StringComparison.Ordinal);
        Assert.Contains("partial record RealtimeStream2", models, StringComparison.Ordinal);
        Assert.Contains("partial record RealtimeJsonContext2", models, StringComparison.Ordinal);
    }

    [Fact]
    public void A_component_schema_keeps_its_name_over_an_inline_schema_read_before_it()
    {
        GeneratorOutcome outcome = Run(Header + "components:\n  schemas:\n"
            + "    Room:\n      type: object\n      properties:\n        owner:\n          type: object\n          properties:\n            b: { type: string }\n"
            + "    RoomOwner:\n      type: object\n      properties:\n        c: { type: string }\n");

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        string models = outcome.Sources["Test.Realtime.Realtime.Models.g.cs"];
        Assert.Contains("public RoomOwner2? Owner { get; init; }", models, StringComparison.Ordinal);
    }

    [Fact]
    public void A_discriminated_union_of_the_document_is_a_root_type_of_its_json_context()
    {
        const string Record = "      type: object\n      required: [kind]\n      properties:\n        kind: { type: string }\n";
        GeneratorOutcome outcome = Run(Header + "components:\n  schemas:\n    Cat:\n" + Record + "    Dog:\n" + Record
            + "    Pet:\n      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }]\n      discriminator: { propertyName: kind }\n");

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        string json = outcome.Sources["Test.Realtime.Realtime.Json.g.cs"];
        Assert.Contains("if (type == typeof(Pet)) return Pet;", json, StringComparison.Ordinal);
        Assert.Contains("if (type == typeof(Pet)) return CreatePet(options);", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_build_stops_parsing_an_asyncapi_document_without_channels()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ParseAsyncApi(Header, cancelled.Token));
    }

    [Fact]
    public void A_cancelled_build_stops_reading_a_reference_contract()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        MethodInfo read = s_generator.GetType("RocketChat.Contracts.Generator.Parsing.ReferencedContractReader", throwOnError: true)!
            .GetMethod("Read", BindingFlags.Public | BindingFlags.Static)!;

        Assert.ThrowsAny<OperationCanceledException>(() => Invoke(read, Input("/contracts/rest.yaml", Rest), cancelled.Token));
    }

    [Theory]
    [InlineData("- asyncapi: 3.0.0\n")]
    [InlineData("# nothing but a comment\n")]
    public void A_document_that_is_no_mapping_is_reported_at_its_start(string text)
    {
        object model = ParseAsyncApi(text, CancellationToken.None)!;

        object diagnostic = Assert.Single(((IEnumerable)model.GetType().GetProperty("Diagnostics")!.GetValue(model)!).Cast<object>());
        Assert.Equal("RCG001", Property(diagnostic, "DescriptorId"));
        Assert.Equal(["the document is empty or is not a mapping"], ((IEnumerable)Property(diagnostic, "Arguments")!).Cast<object>());
        object location = Property(diagnostic, "Location")!;
        Assert.Equal((0, 1, 0, 0), ((int)Property(location, "Offset")!, (int)Property(location, "Length")!, (int)Property(location, "Line")!, (int)Property(location, "Column")!));
    }

    [Fact]
    public void An_unexpected_failure_is_reported_as_a_generator_failure_instead_of_thrown()
    {
        // No text at all is never handed over by the pipeline; it stands for any bug of the parser.
        object model = ParseAsyncApi(null, CancellationToken.None)!;

        object diagnostic = Assert.Single(((IEnumerable)model.GetType().GetProperty("Diagnostics")!.GetValue(model)!).Cast<object>());
        Assert.Equal("RCG099", Property(diagnostic, "DescriptorId"));
        Assert.Equal(["NullReferenceException: Object reference not set to an instance of an object."], ((IEnumerable)Property(diagnostic, "Arguments")!).Cast<object>());
        object location = Property(diagnostic, "Location")!;
        Assert.Equal((0, 0, 0, 0), ((int)Property(location, "Offset")!, (int)Property(location, "Length")!, (int)Property(location, "Line")!, (int)Property(location, "Column")!));
    }

    private static object? Property(object target, string name) => target.GetType().GetProperty(name)!.GetValue(target);

    private static object Input(string path, string? text)
    {
        Type inputType = s_generator.GetType("RocketChat.Contracts.Generator.Parsing.ContractInput", throwOnError: true)!;
        return Activator.CreateInstance(inputType, path, text!, "Test.Api", "Api", null, "Consumer", null)!;
    }

    private static object? ParseAsyncApi(string? text, CancellationToken cancellationToken)
    {
        Type referenced = s_generator.GetType("RocketChat.Contracts.Generator.Model.ReferencedContract", throwOnError: true)!;
        Type array = s_generator.GetTypes().Single(t => t.Name == "EquatableArray`1").MakeGenericType(referenced);
        object none = array.GetField("Empty", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        MethodInfo parse = s_generator.GetType("RocketChat.Contracts.Generator.Parsing.AsyncApiParser", throwOnError: true)!
            .GetMethod("Parse", BindingFlags.Public | BindingFlags.Static)!;
        return Invoke(parse, Input("/contracts/realtime.asyncapi.yaml", text), none, cancellationToken);
    }

    private static object? Invoke(MethodInfo method, params object[] arguments)
    {
        try
        {
            return method.Invoke(null, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
