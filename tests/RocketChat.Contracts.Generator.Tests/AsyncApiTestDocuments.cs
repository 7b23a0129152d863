using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>Small AsyncAPI documents and the run of one beside a reference contract, for the realtime parser tests.</summary>
internal static class AsyncApiTestDocuments
{
    /// <summary>Four lines: 'channels' or 'components' starts on line 5.</summary>
    public const string Header = "asyncapi: 3.0.0\ninfo:\n  title: T\n  version: '1'\n";

    /// <summary>The reference contract 'rest.yaml': records, an enum, a discriminated union and names its own project reserves.</summary>
    public const string Rest = "openapi: 3.0.3\ninfo:\n  title: Rest\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n"
        + "    Message:\n      type: object\n      properties:\n        _id: { type: string }\n"
        + "    Status:\n      type: string\n      enum: [online, away]\n"
        + "    RestClient:\n      type: object\n      properties:\n        a: { type: string }\n"
        + "    RestJsonContext:\n      type: object\n      properties:\n        a: { type: string }\n"
        + "    RestSecuritySchemes:\n      type: object\n      properties:\n        a: { type: string }\n"
        + "    Room:\n      type: object\n      properties:\n        owner:\n          type: object\n          properties:\n            b: { type: string }\n"
        + "    RoomOwner:\n      type: object\n      properties:\n        c: { type: string }\n"
        + "    Cat:\n      type: object\n      required: [kind]\n      properties:\n        kind: { type: string }\n"
        + "    Dog:\n      type: object\n      required: [kind]\n      properties:\n        kind: { type: string }\n"
        + "    Pet:\n      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }]\n      discriminator: { propertyName: kind }\n";

    /// <summary>A publication 'room' (line 6) with <paramref name="members"/> at its members' indentation, from line 9 on.</summary>
    public static string Publication(string members) =>
        Header + "channels:\n  room:\n    address: stream-x\n    x-ddp-kind: publication\n" + members;

    /// <summary>A publication whose one message 'm' (line 10) has the payload <paramref name="payload"/> (line 12 on, at the payload's indentation).</summary>
    public static string WithPayload(string payload) =>
        Publication("    messages:\n      m:\n        payload:\n" + payload);

    public static GeneratorOutcome Run(string document, string? role = null) => GeneratorHarness.Run(
        new ContractFile("/contracts/realtime.asyncapi.yaml", document, "Test.Realtime", "Realtime", ContractRole: role),
        new ContractFile("/contracts/rest.yaml", Rest, "Test.Rest", "Rest", ContractRole: "Reference"));

    public static string Streams(GeneratorOutcome outcome) => outcome.Sources["Test.Realtime.Realtime.Streams.g.cs"];

    /// <summary>The one diagnostic of the run; its id, message and 1-based line and column are asserted.</summary>
    public static void AssertSingle(GeneratorOutcome outcome, string id, string message, int line, int column)
    {
        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        LinePosition start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column), (start.Line + 1, start.Character + 1));
        Assert.EndsWith("realtime.asyncapi.yaml", diagnostic.Location.GetLineSpan().Path, StringComparison.Ordinal);
    }
}
