namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// Where the request body goes among a method's parameters and how it is documented: last among the required ones
/// when the body is required, first among the optional ones when it is not, whatever its encoding.
/// </summary>
public sealed class MethodParameterOrderTests
{
    private const string Item =
        "components:\n  schemas:\n    Item:\n      type: object\n      properties:\n        id: { type: string }\n";

    private static OperationContract Generate(bool bodyRequired, string mediaType, string schema) =>
        OperationContract.Generate(
            Item + "paths:\n  /items/{id}:\n    post:\n      operationId: saveItem\n      parameters:\n"
            + "        - name: limit\n          in: query\n          schema: { type: integer }\n"
            + "        - name: id\n          in: path\n          required: true\n          schema: { type: string }\n"
            + "        - name: mode\n          in: query\n          required: true\n          schema: { type: string }\n"
            + $"      requestBody:\n        required: {(bodyRequired ? "true" : "false")}\n        content:\n          {mediaType}:\n            schema: {schema}\n"
            + "      responses: {}\n");

    [Fact]
    public void A_required_json_body_comes_after_the_required_parameters()
    {
        OperationContract contract = Generate(bodyRequired: true, "application/json", "{ $ref: '#/components/schemas/Item' }");

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task SaveItemAsync(string id, string mode, Item request, long? limit = null)", contract.Signature("SaveItemAsync"));
        Assert.Contains("/// <param name=\"request\">The request body.</param>", contract.Clients, StringComparison.Ordinal);
        contract.CompilesCleanly();
    }

    [Fact]
    public void An_optional_json_body_comes_first_among_the_optional_parameters()
    {
        OperationContract contract = Generate(bodyRequired: false, "application/json", "{ $ref: '#/components/schemas/Item' }");

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task SaveItemAsync(string id, string mode, Item? request = null, long? limit = null)", contract.Signature("SaveItemAsync"));
        contract.CompilesCleanly();
    }

    [Fact]
    public void An_optional_text_body_comes_first_among_the_optional_parameters_and_says_it_is_text()
    {
        OperationContract contract = Generate(bodyRequired: false, "text/plain", "{ type: string }");

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task SaveItemAsync(string id, string mode, string? content = null, long? limit = null)", contract.Signature("SaveItemAsync"));
        Assert.Contains("/// <param name=\"content\">The request body, sent as text.</param>", contract.Clients, StringComparison.Ordinal);
        contract.CompilesCleanly();
    }

    [Fact]
    public void A_required_binary_body_is_a_stream_after_the_required_parameters_and_stays_the_callers()
    {
        OperationContract contract = Generate(bodyRequired: true, "application/octet-stream", "{ type: string, format: binary }");

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task SaveItemAsync(string id, string mode, Stream content, long? limit = null)", contract.Signature("SaveItemAsync"));
        Assert.Contains(
            "/// <param name=\"content\">The request body, read from its current position and sent as it is; the stream stays the caller's.</param>",
            contract.Clients,
            StringComparison.Ordinal);
        contract.CompilesCleanly();
    }
}
