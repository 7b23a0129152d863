using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>Broken contracts: each produces its stable RCG id at the right line of the YAML, and the generator never throws.</summary>
public sealed class DiagnosticTests
{
    private const string Header = "openapi: 3.0.3\ninfo:\n  title: Broken\n  version: '1'\n";

    public static TheoryData<string, string, string, int> BrokenContracts => new()
    {
        // name, contract, expected id, expected 1-based line
        { "invalid YAML", Header + "paths:\n  /a:\n    get: [unclosed\n", "RCG001", 8 },
        { "Swagger 2.0", "swagger: '2.0'\ninfo:\n  title: Old\npaths: {}\n", "RCG002", 1 },
        { "unsupported OpenAPI version", "openapi: 4.0.0\npaths: {}\n", "RCG002", 1 },
        {
            "unresolved $ref", Header + "paths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Missing'\n",
            "RCG003", 15
        },
        {
            "external $ref", Header + "paths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: 'https://evil.example/schema.yaml#/X'\n",
            "RCG004", 15
        },
        {
            "duplicate operationId", Header + "paths:\n  /a:\n    get:\n      operationId: same\n      responses: {}\n  /b:\n    get:\n      operationId: same\n      responses: {}\n",
            "RCG005", 12
        },
        {
            "operation names collide after sanitising", Header + "paths:\n  /a:\n    get:\n      operationId: get-a\n      responses: {}\n  /b:\n    get:\n      operationId: get:a\n      responses: {}\n",
            "RCG006", 12
        },
        {
            "oneOf of different JSON kinds", Header + "components:\n  schemas:\n    X:\n      type: object\n      properties:\n        v:\n          oneOf:\n            - type: string\n            - type: integer\n            - type: boolean\npaths: {}\n",
            "RCG007", 11
        },
        {
            "oneOf of two objects (needs a discriminator)", Header + "components:\n  schemas:\n    X:\n      type: object\n      properties:\n        v:\n          oneOf:\n            - type: object\n              properties:\n                a: { type: string }\n            - type: object\n              properties:\n                b: { type: string }\npaths: {}\n",
            "RCG007", 11
        },
        {
            "multipart body", Header + "paths:\n  /upload:\n    post:\n      operationId: upload\n      requestBody:\n        content:\n          multipart/form-data:\n            schema:\n              type: object\n      responses: {}\n",
            "RCG008", 9
        },
        {
            "file in a URL-encoded form", Header + "paths:\n  /upload:\n    post:\n      operationId: upload\n      requestBody:\n        content:\n          application/x-www-form-urlencoded:\n            schema:\n              type: object\n              properties:\n                file:\n                  type: string\n                  format: binary\n      responses: {}\n",
            "RCG008", 9
        },
        {
            "object part in a multipart form", Header + "paths:\n  /upload:\n    post:\n      operationId: upload\n      requestBody:\n        content:\n          multipart/form-data:\n            schema:\n              type: object\n              properties:\n                meta:\n                  type: object\n                  properties:\n                    a:\n                      type: string\n      responses: {}\n",
            "RCG008", 9
        },
        {
            "cookie parameter", Header + "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: session\n          in: cookie\n      responses: {}\n",
            "RCG009", 11
        },
        {
            "deepObject on an array", Header + "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: ids\n          in: query\n          style: deepObject\n          schema:\n            type: array\n            items:\n              type: string\n      responses: {}\n",
            "RCG009", 12
        },
        {
            "matrix style in a path", Header + "paths:\n  /a/{id}:\n    get:\n      operationId: getA\n      parameters:\n        - name: id\n          in: path\n          required: true\n          style: matrix\n          schema:\n            type: string\n      responses: {}\n",
            "RCG009", 13
        },
        {
            "object in a header", Header + "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: X-Meta\n          in: header\n          schema:\n            type: object\n            properties:\n              a:\n                type: string\n      responses: {}\n",
            "RCG009", 12
        },
        {
            "form style on a nested object", Header + "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: filter\n          in: query\n          schema:\n            type: object\n            properties:\n              inner:\n                type: object\n                properties:\n                  a:\n                    type: string\n      responses: {}\n",
            "RCG009", 12
        },
        { "api key in a cookie", Header + "components:\n  securitySchemes:\n    session:\n      type: apiKey\n      in: cookie\n      name: sid\npaths: {}\n", "RCG030", 7 },
        { "digest authentication", Header + "components:\n  securitySchemes:\n    digest:\n      type: http\n      scheme: digest\npaths: {}\n", "RCG030", 7 },
        { "security names an undefined scheme", Header + "security:\n  - nope: []\npaths: {}\n", "RCG030", 6 },
        {
            "undeclared path parameter", Header + "paths:\n  /messages/{rid}:\n    get:\n      operationId: getMessages\n      responses: {}\n",
            "RCG010", 6
        },
        { "no paths", Header + "components: {}\n", "RCG011", 1 },
        {
            "parameter without in", Header + "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: x\n      responses: {}\n",
            "RCG011", 10
        },
        {
            "circular $ref", Header + "components:\n  schemas:\n    A:\n      $ref: '#/components/schemas/B'\n    B:\n      $ref: '#/components/schemas/A'\npaths: {}\n",
            "RCG013", 10
        },
        {
            "unknown type", Header + "components:\n  schemas:\n    X:\n      type: object\n      properties:\n        v:\n          type: strng\npaths: {}\n",
            "RCG014", 11
        },
        {
            "discriminated oneOf with an inline alternative", Header + "components:\n  schemas:\n    Cat:\n      type: object\n      properties:\n        kind: { type: string }\n    Pet:\n      oneOf:\n        - $ref: '#/components/schemas/Cat'\n        - type: object\n          properties:\n            kind: { type: string }\n      discriminator:\n        propertyName: kind\npaths: {}\n",
            "RCG007", 14
        },
        {
            "discriminated alternative without the discriminator member", Header + "components:\n  schemas:\n    Cat:\n      type: object\n      properties:\n        name: { type: string }\n    Pet:\n      oneOf:\n        - $ref: '#/components/schemas/Cat'\n      discriminator:\n        propertyName: kind\npaths: {}\n",
            "RCG007", 13
        },
        {
            "list items that may be null", Header + "components:\n  schemas:\n    X:\n      type: object\n      properties:\n        scores:\n          type: array\n          items:\n            type: [integer, 'null']\npaths: {}\n",
            "RCG007", 12
        },
        {
            "map values that may be null", Header + "components:\n  schemas:\n    X:\n      type: object\n      properties:\n        scores:\n          type: object\n          additionalProperties:\n            type: integer\n            nullable: true\npaths: {}\n",
            "RCG007", 12
        },
        {
            "default with no C# literal", Header + "components:\n  schemas:\n    X:\n      type: object\n      properties:\n        tags:\n          type: array\n          items: { type: string }\n          default: [a, b]\npaths: {}\n",
            "RCG019", 13
        },
        {
            "property names collide", Header + "components:\n  schemas:\n    X:\n      type: object\n      properties:\n        user-id:\n          type: string\n        user_id:\n          type: string\npaths: {}\n",
            "RCG015", 12
        },
        {
            "invalid x-csharp-name", Header + "components:\n  schemas:\n    X:\n      type: object\n      properties:\n        a:\n          type: string\n          x-csharp-name: 'not valid'\npaths: {}\n",
            "RCG016", 12
        },
    };

    [Theory]
    [MemberData(nameof(BrokenContracts))]
    public void A_broken_contract_reports_its_id_at_its_line(string name, string contract, string id, int line)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/broken.yaml", contract));

        Assert.Null(outcome.Run.Results.Single().Exception);
        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == id);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/contracts/broken.yaml", span.Path);
        Assert.True(line == span.StartLinePosition.Line + 1, $"{name}: expected line {line}, got {span.StartLinePosition.Line + 1}: {diagnostic.GetMessage()}");
        Assert.DoesNotContain(outcome.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void An_invalid_namespace_option_is_reported_and_replaced()
    {
        string contract = Header + "paths:\n  /a:\n    get:\n      operationId: getA\n      responses: {}\n";
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/ok.yaml", contract, Namespace: "Bad Namespace;class X{}"));

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("RCG012", diagnostic.Id);
        // The build goes on with a replacement name, so it is a warning, as its message says.
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.All(outcome.Sources.Values, source => Assert.Contains("namespace Consumer;", source));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void A_json_file_that_is_not_a_contract_is_ignored_silently()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/config/stylecop.json", "{ \"settings\": { } }"));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.Sources);
    }

    // contract, the diagnostic ids it reports (sorted, comma-separated), the client method emitted for its valid
    // operation or null when nothing valid is left: a crash swallowed into "no output" fails here, not only a throw.
    [Theory]
    [InlineData("", "RCG001", null)]
    [InlineData("- just\n- a list\n", "RCG001", null)]
    [InlineData("openapi: 3.0.0\npaths:\n  /a: 12\n", "RCG011", null)]
    [InlineData("openapi: 3.0.0\npaths:\n  /a:\n    get:\n      parameters: 7\n      responses:\n        '200': nope\n", "RCG011", "GetAAsync(")]
    [InlineData("openapi: 3.0.0\ncomponents:\n  schemas:\n    A:\n      type: array\n      items:\n        $ref: '#/components/schemas/A'\npaths: {}\n", "RCG013", null)]
    [InlineData("openapi: 3.0.0\npaths:\n  /a/{b}/{:\n    get:\n      operationId: x\n      responses: {}\n", "RCG011", null)]
    [InlineData("openapi: 3.0.0\npaths:\n  /a:\n    get:\n      operationId: x\n      requestBody:\n        $ref: '#/components/requestBodies/none'\n      responses: {}\n", "RCG003", "XAsync(")]
    public void Malformed_input_never_throws(string contract, string diagnosticIds, string? emittedMethod)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/garbage.yaml", contract));

        Assert.Null(outcome.Run.Results.Single().Exception);
        Assert.Equal(diagnosticIds, string.Join(",", outcome.GeneratorDiagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal)));
        Assert.DoesNotContain(outcome.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        if (emittedMethod is null)
        {
            Assert.Empty(outcome.Sources);
        }
        else
        {
            string clients = Assert.Single(outcome.Sources, s => s.Key.EndsWith(".Clients.g.cs", StringComparison.Ordinal)).Value;
            Assert.Contains("public global::System.Threading.Tasks.Task " + emittedMethod, clients, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_union_the_author_marks_x_json_element_is_a_JsonElement_without_a_warning()
    {
        string contract = Header + "components:\n  schemas:\n    X:\n      type: object\n      properties:\n        v:\n          x-json-element: true\n          oneOf:\n            - type: string\n            - type: array\n              items:\n                type: string\npaths: {}\n";
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/ok.yaml", contract));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Contains("global::System.Text.Json.JsonElement? V", string.Concat(outcome.Sources.Values));
    }
}
