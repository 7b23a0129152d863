namespace RocketChat.Contracts.Generator.Tests;

/// <summary>The AsyncAPI reader on malformed input: every prefix of the real document and hostile shapes are reported, never thrown.</summary>
public sealed class AsyncApiHostileInputTests
{
    public static TheoryData<string> HostileDocuments => new()
    {
        "asyncapi: 3.0.0\n",
        "asyncapi:\n",
        "asyncapi: [3]\nchannels: {}\n",
        "asyncapi: 3.0.0\nchannels:\n  a: ~\n  b: 42\n  c: []\n",
        "asyncapi: 3.0.0\nchannels:\n  a:\n    address: [x]\n    x-ddp-kind: [publication]\n",
        "asyncapi: 3.0.0\nchannels:\n  a:\n    address: x\n    x-ddp-kind: publication\n    x-ddp-event-name: ['{a}', ['nested'], ~]\n",
        "asyncapi: 3.0.0\nchannels:\n  a:\n    address: x\n    x-ddp-kind: publication\n    x-ddp-event-name: '}{'\n",
        "asyncapi: 3.0.0\nchannels:\n  a:\n    address: x\n    x-ddp-kind: method\n    messages: [1, 2]\n    x-ddp-extra-data: 7\n",
        "asyncapi: 3.0.0\nchannels:\n  a:\n    address: x\n    x-ddp-kind: publication\n    messages:\n      m: { $ref: '#/channels/a/messages/m' }\n",
        "asyncapi: 3.0.0\nchannels:\n  a:\n    address: x\n    x-ddp-kind: publication\n    messages:\n      m:\n        payload: { type: array, items: [], minItems: -1 }\n",
        "asyncapi: 3.0.0\nchannels:\n  a:\n    address: x\n    x-ddp-kind: publication\n    messages:\n      m:\n        payload: { type: array, items: [ { $ref: '#/components/schemas/Loop' } ] }\ncomponents:\n  schemas:\n    Loop: { $ref: '#/components/schemas/Loop' }\n",
        "asyncapi: 3.0.0\nchannels:\n  \"\\u0000\\\"*/\":\n    address: \"\\\"); } class X { //\"\n    x-ddp-kind: publication\n    x-ddp-event-name: \"\\\"{a}*/\"\n    description: \"*/ </summary> \\u2028\"\n",
        "asyncapi: 3.0.0\nchannels:\n  a: &a\n    address: x\n    x-ddp-kind: publication\n  b: *a\n",
        "asyncapi: 3.0.0\ncomponents:\n  messages:\n    m: { payload: { $ref: 'rest.yaml#/components/schemas/../../x' } }\nchannels:\n  a:\n    address: x\n    x-ddp-kind: publication\n    messages: { m: { $ref: '#/components/messages/m' } }\n",
    };

    [Theory]
    [MemberData(nameof(HostileDocuments))]
    public void A_hostile_document_is_reported_and_what_is_generated_compiles(string document)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/hostile.asyncapi.yaml", document, "Test.Hostile", "Hostile"));

        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "RCG099");
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void Names_that_would_clash_in_csharp_are_renamed_or_qualified_and_compile()
    {
        // Channels named like the members of a channel class or like the streams class, a channel hiding a schema's
        // type, two messages of one name, a template named like its channel.
        string document =
            "asyncapi: 3.0.0\nchannels:\n  stream: { address: a, x-ddp-kind: publication, x-ddp-event-name: '{id}' }\n  eventName: { address: b, x-ddp-kind: publication }\n"
            + "  hostileStreams: { address: c, x-ddp-kind: method }\n  publicStream: { address: d, x-ddp-kind: publication, x-ddp-event-name: [public, 'x/{id}'] }\n"
            + "  login:\n    address: login\n    x-ddp-kind: method\n    messages:\n      a: { name: login, payload: { $ref: '#/components/schemas/Login' } }\n      b: { name: login, payload: { type: array, items: [ { $ref: '#/components/schemas/Login' } ] } }\n"
            + "  readLogin:\n    address: e\n    x-ddp-kind: publication\n    messages:\n      a: { name: login, payload: { type: string } }\n"
            + "components:\n  schemas:\n    Login: { type: object, properties: { user: { type: string } } }\n";

        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/hostile.asyncapi.yaml", document, "Test.Hostile", "Hostile"));

        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Equal(4, outcome.GeneratorDiagnostics.Count(d => d.Id == "RCG046"));
        string streams = outcome.Sources["Test.Hostile.Hostile.Streams.g.cs"];
        Assert.Contains("public static global::Test.Hostile.Login ReadLogin(", streams, StringComparison.Ordinal);
        Assert.Contains("ReadLogin2(", streams, StringComparison.Ordinal);
        Assert.Contains("public static class ReadLogin", streams, StringComparison.Ordinal);
        Assert.Contains("ReadLoginMessage(", streams, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_prefix_of_the_realtime_contract_is_read_without_throwing()
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Contracts, "livechat-realtime.asyncapi.yaml"));
        ContractFile reference = RealtimeContractTests.RealtimeProject()[1];
        for (int length = 16; length < text.Length; length += 97)
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/cut.asyncapi.yaml", text[..length], "Test.Cut", "Cut"), reference);

            Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "RCG099");
        }
    }

    [Theory]
    [InlineData("asyncapi: 3.0.0\n", true)]
    [InlineData("# comment\nasyncapi: '3.0.0'\n", true)]
    [InlineData("{\"asyncapi\": \"3.0.0\", \"channels\": {}}", true)]
    [InlineData("{\n  \"info\": {},\n  \"asyncapi\": \"3.0.0\"\n}", true)]
    [InlineData("openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\n  asyncapi: 3.0.0\npaths: {}\n", false)]
    [InlineData("openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\n  description: 'asyncapi: no'\npaths: {}\n", false)]
    [InlineData("openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\nx-asyncapi: 3\npaths: {}\n", false)]
    [InlineData("\nasyncapi: 3.0.0\n", true)]
    [InlineData("\n\n{ \"asyncapi\" : \"3.0.0\" }", true)]
    [InlineData("asyncapi\t: 3.0.0\r\nchannels: {}\r\n", true)]
    [InlineData("{\n\t\"asyncapi\"  :\"3.0.0\"}", true)]
    [InlineData("openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\nasyncapi", false)]
    [InlineData("openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\nasyncapi   ", false)]
    [InlineData("openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\n{", false)]
    [InlineData("openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\nasyncapis: 3\n", false)]
    public void An_asyncapi_document_is_told_by_its_root_key(string text, bool isAsyncApi)
    {
        // Also told apart: blank lines first, spaces or a tab before the colon, a last line that ends in or after the key.
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/which.yaml", text, "Test.Which", "Which"));

        // Read by exactly one pipeline: the OpenAPI one reports RCG002 for an AsyncAPI text, the AsyncAPI one RCG040 for OpenAPI.
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == (isAsyncApi ? "RCG002" : "RCG040"));
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "RCG099");
        Assert.All(outcome.Run.Results, result => Assert.Null(result.Exception));
    }
}
