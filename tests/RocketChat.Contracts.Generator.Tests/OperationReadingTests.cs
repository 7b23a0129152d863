using Microsoft.CodeAnalysis;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// How a path item's operations become client methods: every HTTP method OpenAPI allows, the client a tag picks,
/// and the media type a body that is neither JSON nor a form is sent with.
/// </summary>
public sealed class OperationReadingTests
{
    private const string Header = "openapi: 3.0.3\ninfo:\n  title: Reading\n  version: '1'\npaths:\n";

    private static GeneratorOutcome Run(string paths)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new ContractFile("/contracts/reading.yaml", Header + paths, "Test.Reading", "Api"));
        Assert.Null(outcome.Run.Results.Single().Exception);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        return outcome;
    }

    private static string Clients(GeneratorOutcome outcome) =>
        Assert.Single(outcome.Sources, s => s.Key.EndsWith(".Clients.g.cs", StringComparison.Ordinal)).Value;

    [Fact]
    public void Every_http_method_of_a_path_item_becomes_a_method_sending_that_verb()
    {
        string[] verbs = { "get", "put", "post", "delete", "patch", "head", "options" };
        GeneratorOutcome outcome = Run("  /item:\n" + string.Concat(verbs.Select(v => "    " + v + ":\n      operationId: " + v + "Item\n      responses: {}\n")));

        string clients = Clients(outcome);
        foreach (string verb in verbs)
        {
            string pascal = char.ToUpperInvariant(verb[0]) + verb.Substring(1);
            Assert.Contains("public global::System.Threading.Tasks.Task " + pascal + "ItemAsync(", clients, StringComparison.Ordinal);
        }

        foreach (string property in new[] { "Get", "Put", "Post", "Delete", "Patch", "Head", "Options" })
        {
            Assert.Contains("global::System.Net.Http.HttpMethod." + property, clients, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Operations_without_tags_or_with_an_empty_tag_list_share_the_Default_client()
    {
        GeneratorOutcome outcome = Run(
            "  /a:\n    get:\n      operationId: getA\n      responses: {}\n"
            + "  /b:\n    get:\n      operationId: getB\n      tags: []\n      responses: {}\n");

        INamedTypeSymbol client = Assert.IsAssignableFrom<INamedTypeSymbol>(Assert.Single(outcome.Output.GetSymbolsWithName("DefaultClient", SymbolFilter.Type)));
        Assert.Single(client.GetMembers("GetAAsync"));
        Assert.Single(client.GetMembers("GetBAsync"));
        INamedTypeSymbol root = Assert.IsAssignableFrom<INamedTypeSymbol>(Assert.Single(outcome.Output.GetSymbolsWithName("ApiClient", SymbolFilter.Type)));
        Assert.Single(root.GetMembers("Default"));
    }

    [Theory]
    [InlineData("application/octet-stream: {}\n          text/csv: {}\n", "SetTextBody", "text/csv")]
    [InlineData("text/*: {}\n", "SetTextBody", "text/plain")]
    [InlineData("application/*: {}\n", "SetStreamBody", "application/octet-stream")]
    [InlineData("image/png: {}\n", "SetStreamBody", "image/png")]
    public void A_body_that_is_neither_json_nor_a_form_is_sent_raw_with_a_concrete_media_type(string media, string setter, string mediaType)
    {
        GeneratorOutcome outcome = Run("  /raw:\n    post:\n      operationId: sendRaw\n      requestBody:\n        required: true\n        content:\n          " + media + "      responses: {}\n");

        Assert.Contains("call." + setter + "(content, \"" + mediaType + "\");", Clients(outcome), StringComparison.Ordinal);
    }
}
