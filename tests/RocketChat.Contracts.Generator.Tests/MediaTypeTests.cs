namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// Which media types a response is read as text (a string) and which as bytes (a stream): text/*, XML, YAML,
/// JavaScript and form-encoded text are strings, everything else that is not JSON is a stream.
/// </summary>
public sealed class MediaTypeTests
{
    [Theory]
    [InlineData("text/csv")]
    [InlineData("application/xml")]
    [InlineData("application/atom+xml")]
    [InlineData("application/yaml")]
    [InlineData("application/x-yaml")]
    [InlineData("application/javascript")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("Application/YAML; charset=utf-8")]
    public void A_structured_text_response_is_returned_as_a_string_and_accepted_as_that_media_type(string mediaType)
    {
        OperationContract contract = Respond(mediaType);

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task<string> GetAAsync()", contract.Signature("GetAAsync"));
        Assert.Contains(CSharpLiteral(mediaType), contract.Clients);
        contract.CompilesCleanly();
    }

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData("application/xml-dtd")]
    [InlineData("application/x-yaml-like")]
    [InlineData("image/png")]
    public void Any_other_non_json_response_is_returned_as_a_stream(string mediaType)
    {
        OperationContract contract = Respond(mediaType);

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task<Stream> GetAAsync()", contract.Signature("GetAAsync"));
        contract.CompilesCleanly();
    }

    private static OperationContract Respond(string mediaType) => OperationContract.Generate(
        "paths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: ok\n"
        + "          content:\n            '" + mediaType + "':\n              schema: { type: string }\n");

    private static string CSharpLiteral(string text) => "\"" + text + "\"";
}
