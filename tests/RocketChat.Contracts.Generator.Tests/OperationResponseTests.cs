namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// Which response a method returns: the lowest 2xx with a JSON body; otherwise text as a string and anything else as a
/// stream, with an Accept header naming every media type the contract lists. Error responses never shape the result.
/// </summary>
public sealed class OperationResponseTests
{
    private const string Schemas =
        "components:\n  schemas:\n    Pet:\n      type: object\n      properties:\n        name: { type: string }\n"
        + "    Receipt:\n      type: object\n      properties:\n        id: { type: string }\n"
        + "    Problem:\n      type: object\n      properties:\n        error: { type: string }\n";

    private static string Json(string schema) =>
        "          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/" + schema + "'\n";

    [Fact]
    public void The_lowest_2xx_with_json_is_returned_whatever_the_order_in_the_contract()
    {
        OperationContract contract = OperationContract.Generate(
            Schemas + "paths:\n  /pets:\n    post:\n      operationId: addPet\n      responses:\n"
            + "        '201':\n          description: created\n" + Json("Receipt")
            + "        '200':\n          description: ok\n" + Json("Pet"));

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task<Pet> AddPetAsync()", contract.Signature("AddPetAsync"));
        contract.CompilesCleanly();
    }

    [Fact]
    public void A_2xx_without_a_body_lets_the_next_2xx_with_json_decide()
    {
        OperationContract contract = OperationContract.Generate(
            Schemas + "paths:\n  /pets:\n    post:\n      operationId: addPet\n      responses:\n"
            + "        '200':\n          description: nothing\n"
            + "        '202':\n          description: accepted\n" + Json("Receipt"));

        Assert.Equal("Task<Receipt> AddPetAsync()", contract.Signature("AddPetAsync"));
    }

    [Fact]
    public void Error_and_default_responses_never_become_the_result()
    {
        OperationContract contract = OperationContract.Generate(
            Schemas + "paths:\n  /pets:\n    delete:\n      operationId: deletePets\n      responses:\n"
            + "        '204':\n          description: deleted\n"
            + "        '400':\n          description: bad\n" + Json("Problem")
            + "        default:\n          description: error\n" + Json("Problem"));

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task DeletePetsAsync()", contract.Signature("DeletePetsAsync"));
        Assert.Contains("return _connection.SendAsync(call, cancellationToken);", contract.Clients, StringComparison.Ordinal);
        Assert.DoesNotContain("call.Accept", contract.Clients, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/problem+json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("*/*")]
    public void A_json_flavoured_media_type_is_read_as_json(string mediaType)
    {
        OperationContract contract = OperationContract.Generate(
            Schemas + "paths:\n  /pets:\n    get:\n      operationId: getPet\n      responses:\n        '200':\n          description: ok\n"
            + "          content:\n            '" + mediaType + "':\n              schema:\n                $ref: '#/components/schemas/Pet'\n");

        Assert.Equal("Task<Pet> GetPetAsync()", contract.Signature("GetPetAsync"));
        Assert.DoesNotContain("call.Accept", contract.Clients, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_media_types_are_returned_as_a_string_and_all_accepted()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /report:\n    get:\n      operationId: getReport\n      responses:\n        '200':\n          description: ok\n"
            + "          content:\n            text/csv:\n              schema: { type: string }\n            text/plain:\n              schema: { type: string }\n");

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task<string> GetReportAsync()", contract.Signature("GetReportAsync"));
        Assert.Contains("call.Accept = \"text/csv, text/plain\";", contract.Clients, StringComparison.Ordinal);
        Assert.Contains("return _connection.SendForTextAsync(call, cancellationToken);", contract.Clients, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_wins_over_binary_and_only_text_types_are_accepted()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /report:\n    get:\n      operationId: getReport\n      responses:\n        '200':\n          description: ok\n"
            + "          content:\n            application/pdf: {}\n            text/html: {}\n");

        Assert.Equal("Task<string> GetReportAsync()", contract.Signature("GetReportAsync"));
        Assert.Contains("call.Accept = \"text/html\";", contract.Clients, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_media_types_are_returned_as_a_stream_and_all_accepted()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /photo:\n    get:\n      operationId: getPhoto\n      responses:\n        '200':\n          description: ok\n"
            + "          content:\n            image/png: {}\n            image/jpeg: {}\n");

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task<Stream> GetPhotoAsync()", contract.Signature("GetPhotoAsync"));
        Assert.Contains("call.Accept = \"image/png, image/jpeg\";", contract.Clients, StringComparison.Ordinal);
        Assert.Contains("return _connection.SendForStreamAsync(call, cancellationToken);", contract.Clients, StringComparison.Ordinal);
        contract.CompilesCleanly();
    }

    [Fact]
    public void Summary_description_and_deprecated_reach_the_method()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /old:\n    get:\n      operationId: getOld\n      summary: Reads the old thing.\n      description: Use getNew instead.\n"
            + "      deprecated: true\n      responses: {}\n");

        string clients = contract.Clients.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(
            "    /// <summary>Reads the old thing.</summary>\n    /// <remarks>Use getNew instead.</remarks>\n",
            clients,
            StringComparison.Ordinal);
        Assert.Contains("[global::System.Obsolete(\"Deprecated by the contract.\")]\n    global::System.Threading.Tasks.Task GetOldAsync(", clients, StringComparison.Ordinal);
    }
}
