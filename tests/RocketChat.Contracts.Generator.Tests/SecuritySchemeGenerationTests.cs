using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>What the generator makes of securitySchemes: one field per scheme, and names that cannot collide.</summary>
public sealed class SecuritySchemeGenerationTests
{
    private const string Contract = """
        openapi: 3.0.3
        info:
          title: Shop
          version: '1'
        security:
          - api_key: []
        components:
          securitySchemes:
            api_key:
              type: apiKey
              in: header
              name: X-Api-Key
          schemas:
            ShopSecuritySchemes:
              type: object
              properties:
                name:
                  type: string
        paths:
          /a:
            get:
              operationId: getA
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ShopSecuritySchemes'
        """;

    [Fact]
    public void A_schema_named_like_the_schemes_class_is_renamed_and_everything_compiles()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/shop.yaml", Contract, "Test.Shop", "Shop"));

        Assert.Empty(outcome.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        string clients = outcome.Sources.Single(s => s.Key.EndsWith("Clients.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("public static class ShopSecuritySchemes", clients);
        Assert.Contains("SecurityScheme.ApiKeyHeader(\"api_key\", \"X-Api-Key\")", clients);
        Assert.Contains("ShopSecuritySchemes.RequiresApiKey", clients);
    }
}
