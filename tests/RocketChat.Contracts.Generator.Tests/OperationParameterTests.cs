namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// How an operation's declared parameters become the method's parameters: overrides, what is skipped and why,
/// the type of a parameter without a schema, and the exact diagnostic (message and YAML position) of each skip.
/// </summary>
public sealed class OperationParameterTests
{
    [Fact]
    public void An_operation_parameter_overrides_the_path_level_one_of_the_same_name_and_location()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /items:\n    parameters:\n      - name: limit\n        in: query\n        schema: { type: integer }\n"
            + "    get:\n      operationId: listItems\n      parameters:\n        - name: limit\n          in: query\n          required: true\n          schema: { type: string }\n"
            + "      responses: {}\n");

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task ListItemsAsync(string limit)", contract.Signature("ListItemsAsync"));
        contract.CompilesCleanly();
    }

    [Fact]
    public void The_same_name_in_another_location_is_another_parameter()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /items:\n    parameters:\n      - name: id\n        in: header\n        schema: { type: string }\n"
            + "    get:\n      operationId: listItems\n      parameters:\n        - name: id\n          in: query\n          schema: { type: integer }\n"
            + "      responses: {}\n");

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task ListItemsAsync(long? id = null, string? id2 = null)", contract.Signature("ListItemsAsync"));
    }

    [Fact]
    public void A_parameter_without_in_is_reported_once_with_the_operation_id_and_skipped()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: x\n        - name: y\n          in: query\n      responses: {}\n");

        Assert.Equal(new[] { "RCG011" }, contract.Ids);
        Assert.Equal(("A parameter of 'getA' has no 'name' or no 'in'", 10, 11), contract.Single("RCG011"));
        Assert.Equal("Task GetAAsync(string? y = null)", contract.Signature("GetAAsync"));
    }

    [Fact]
    public void A_parameter_without_name_of_an_operation_without_id_names_the_path()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /a:\n    get:\n      parameters:\n        - in: query\n      responses: {}\n");

        Assert.Equal(("A parameter of '/a' has no 'name' or no 'in'", 9, 11), contract.Single("RCG011"));
        Assert.Equal(new[] { "RCG011" }, contract.Ids);
    }

    [Fact]
    public void An_unresolved_parameter_reference_is_reported_as_such_not_as_a_nameless_parameter()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - $ref: '#/components/parameters/Missing'\n      responses: {}\n");

        Assert.Equal(new[] { "RCG003" }, contract.Ids);
        Assert.Equal("Task GetAAsync()", contract.Signature("GetAAsync"));
    }

    [Fact]
    public void A_cookie_parameter_is_reported_at_its_in_with_its_name_and_operation()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: session\n          in: cookie\n      responses: {}\n");

        Assert.Equal(
            ("The parameter 'session' in 'getA' is not supported and is skipped: 'in: cookie' is not sent", 11, 15),
            contract.Single("RCG009"));
        Assert.Equal("Task GetAAsync()", contract.Signature("GetAAsync"));
    }

    [Fact]
    public void Location_and_name_identify_a_parameter_together_not_as_one_joined_text()
    {
        // 'header' + 's' and 'head' + 'ers' spell the same text: the second is still its own (unsupported) parameter.
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: s\n          in: header\n"
            + "        - name: ers\n          in: head\n      responses: {}\n");

        Assert.Equal(
            ("The parameter 'ers' in 'getA' is not supported and is skipped: 'in: head' is not sent", 13, 15),
            contract.Single("RCG009"));
        Assert.Equal("Task GetAAsync(string? s = null)", contract.Signature("GetAAsync"));
    }

    [Fact]
    public void A_parameter_without_schema_is_a_string()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: q\n          in: query\n      responses: {}\n");

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task GetAAsync(string? q = null)", contract.Signature("GetAAsync"));
    }

    [Fact]
    public void A_style_that_does_not_fit_is_reported_at_the_style_with_the_operation_id()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: ids\n          in: query\n          style: deepObject\n"
            + "          schema:\n            type: array\n            items: { type: string }\n      responses: {}\n");

        (string message, int line, int column) = contract.Single("RCG009");
        Assert.StartsWith("The parameter 'ids' in 'getA' is not supported and is skipped: ", message, StringComparison.Ordinal);
        Assert.Equal((12, 11), (line, column));
        Assert.Equal("Task GetAAsync()", contract.Signature("GetAAsync"));
    }
}
