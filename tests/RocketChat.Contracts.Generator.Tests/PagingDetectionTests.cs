namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// When an operation gets its <c>Enumerate…Async</c> companion: integer <c>offset</c> and <c>count</c> query
/// parameters and an object response with an integer <c>total</c> and exactly one list. Anything less is a plain call,
/// and never a generator failure.
/// </summary>
public sealed class PagingDetectionTests
{
    private const string Page =
        "components:\n  schemas:\n    Item:\n      type: object\n      properties:\n        id: { type: string }\n"
        + "    ItemPage:\n      type: object\n      properties:\n        items:\n          type: array\n          items:\n            $ref: '#/components/schemas/Item'\n"
        + "        total: { type: integer }\n"
        + "    TwoLists:\n      type: object\n      properties:\n        items:\n          type: array\n          items: { type: string }\n"
        + "        tags:\n          type: array\n          items: { type: string }\n        total: { type: integer }\n"
        + "    NoTotal:\n      type: object\n      properties:\n        items:\n          type: array\n          items: { type: string }\n        count: { type: integer }\n"
        + "    Dog:\n      type: object\n      properties:\n        kind: { type: string }\n"
        + "    Animal:\n      oneOf:\n        - $ref: '#/components/schemas/Dog'\n      discriminator:\n        propertyName: kind\n";

    private static string Query(string name, string type) =>
        "        - name: " + name + "\n          in: query\n          schema: { type: " + type + " }\n";

    private static OperationContract Generate(string parameters, string response) =>
        OperationContract.Generate(
            Page + "paths:\n  /items:\n    get:\n      operationId: listItems\n      parameters:\n" + parameters
            + "      responses:\n        '200':\n          description: ok\n" + response);

    private static string Returns(string schema) =>
        "          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/" + schema + "'\n";

    [Fact]
    public void Offset_count_and_a_page_with_a_total_and_one_list_get_an_enumerating_companion()
    {
        OperationContract contract = Generate(Query("offset", "integer") + Query("count", "integer"), Returns("ItemPage"));

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task<ItemPage> ListItemsAsync(long? offset = null, long? count = null)", contract.Signature("ListItemsAsync"));
        Assert.Equal("IAsyncEnumerable<Item> EnumerateItemsAsync(int pageSize = 50)", contract.Signature("EnumerateItemsAsync"));
        contract.CompilesCleanly();
    }

    [Fact]
    public void Only_query_parameters_named_offset_or_count_are_left_to_the_companion()
    {
        OperationContract contract = Generate(
            Query("offset", "integer") + Query("count", "integer")
            + "        - name: count\n          in: header\n          schema: { type: string }\n",
            Returns("ItemPage"));

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task<ItemPage> ListItemsAsync(long? offset = null, long? count = null, string? count2 = null)", contract.Signature("ListItemsAsync"));
        Assert.Equal("IAsyncEnumerable<Item> EnumerateItemsAsync(string? count2 = null, int pageSize = 50)", contract.Signature("EnumerateItemsAsync"));
        contract.CompilesCleanly();
    }

    [Theory]
    [InlineData("listItems", "EnumerateItemsAsync")]
    [InlineData("getItems", "EnumerateItemsAsync")]
    [InlineData("searchItems", "EnumerateItemsAsync")]
    [InlineData("itemsPage", "EnumerateItemsPageAsync")]
    [InlineData("listing", "EnumerateListingAsync")]
    [InlineData("list", "EnumerateListAsync")]
    [InlineData("getting", "EnumerateGettingAsync")]
    public void The_companion_replaces_a_leading_list_get_or_search_verb_and_keeps_any_other_name(string operationId, string enumerator)
    {
        OperationContract contract = OperationContract.Generate(
            Page + "paths:\n  /items:\n    get:\n      operationId: " + operationId + "\n      parameters:\n"
            + Query("offset", "integer") + Query("count", "integer")
            + "      responses:\n        '200':\n          description: ok\n" + Returns("ItemPage"));

        Assert.Empty(contract.Diagnostics);
        Assert.Equal($"IAsyncEnumerable<Item> {enumerator}(int pageSize = 50)", contract.Signature(enumerator));
    }

    public static TheoryData<string, string, string> NotPaged => new()
    {
        { "no offset (count alone is not an offset)", Query("count", "integer") + Query("limit", "integer"), Returns("ItemPage") },
        { "no count (offset alone is not a count)", Query("offset", "integer") + Query("limit", "integer"), Returns("ItemPage") },
        { "offset is text", Query("offset", "string") + Query("count", "integer"), Returns("ItemPage") },
        { "offset in a header", "        - name: offset\n          in: header\n          schema: { type: integer }\n" + Query("count", "integer"), Returns("ItemPage") },
        { "no response body", Query("offset", "integer") + Query("count", "integer"), string.Empty },
        { "a list response", Query("offset", "integer") + Query("count", "integer"), "          content:\n            application/json:\n              schema:\n                type: array\n                items: { type: string }\n" },
        { "a union response", Query("offset", "integer") + Query("count", "integer"), Returns("Animal") },
        { "no total", Query("offset", "integer") + Query("count", "integer"), Returns("NoTotal") },
        { "two lists", Query("offset", "integer") + Query("count", "integer"), Returns("TwoLists") },
    };

    [Theory]
    [MemberData(nameof(NotPaged))]
    public void Without_every_paging_part_the_operation_is_a_plain_call(string reason, string parameters, string response)
    {
        OperationContract contract = Generate(parameters, response);

        Assert.True(contract.Clients.Contains("ListItemsAsync(", StringComparison.Ordinal), reason);
        Assert.False(contract.Clients.Contains("EnumerateItemsAsync", StringComparison.Ordinal), reason);
        Assert.DoesNotContain(contract.Diagnostics, d => d.Id == "RCG011");
        contract.CompilesCleanly();
    }
}
