namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// The path template decides the path parameters: each placeholder is one required parameter, in the template's
/// order; one not declared is reported and generated as a string, one declared but not in the template is dropped.
/// </summary>
public sealed class PathTemplateTests
{
    private const string Declared =
        "paths:\n  /rooms/{rid}/messages:\n    get:\n      operationId: getMessages\n      parameters:\n"
        + "        - name: rid\n          in: path\n          required: true\n          schema: { type: string }\n      responses: {}\n";

    private const string Undeclared =
        "paths:\n  /rooms/{rid}/messages:\n    get:\n      operationId: getMessages\n      responses: {}\n";

    [Fact]
    public void An_undeclared_placeholder_is_reported_at_the_path_and_generated_as_a_required_string()
    {
        OperationContract contract = OperationContract.Generate(Undeclared);

        Assert.Equal(
            ("The path '/rooms/{rid}/messages' uses '{rid}' without declaring it; it is generated as a required string", 6, 3),
            contract.Single("RCG010"));
        Assert.Equal("Task GetMessagesAsync(string rid)", contract.Signature("GetMessagesAsync"));
        contract.CompilesCleanly();
    }

    [Fact]
    public void An_undeclared_placeholder_generates_the_same_code_as_a_declared_required_string()
    {
        // Same client, same JSON context: the stand-in parameter is a plain path string, not a JSON value.
        OperationContract declared = OperationContract.Generate(Declared);
        OperationContract undeclared = OperationContract.Generate(Undeclared);

        Assert.Empty(declared.Diagnostics);
        Assert.Equal(declared.Outcome.Sources, undeclared.Outcome.Sources);
    }

    [Fact]
    public void A_query_parameter_named_like_a_placeholder_does_not_declare_it()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /rooms/{rid}:\n    get:\n      operationId: getRoom\n      parameters:\n        - name: rid\n          in: query\n          schema: { type: integer }\n"
            + "      responses: {}\n");

        Assert.Equal(6, contract.Single("RCG010").Line);
        Assert.Equal("Task GetRoomAsync(string rid2, long? rid = null)", contract.Signature("GetRoomAsync"));
        contract.CompilesCleanly();
    }

    [Fact]
    public void A_path_parameter_the_template_does_not_use_is_not_generated()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /rooms/{rid}:\n    get:\n      operationId: getRoom\n      parameters:\n"
            + "        - name: rid\n          in: path\n          required: true\n          schema: { type: string }\n"
            + "        - name: stale\n          in: path\n          required: true\n          schema: { type: string }\n      responses: {}\n");

        Assert.Equal("Task GetRoomAsync(string rid)", contract.Signature("GetRoomAsync"));
        contract.CompilesCleanly();
    }

    [Fact]
    public void Path_parameters_come_in_template_order_even_when_one_name_starts_another()
    {
        // 'room' is declared first and '{room' is a prefix of '{roomId}': the template order still wins.
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /rooms/{roomId}/threads/{room}:\n    get:\n      operationId: getThread\n      parameters:\n"
            + "        - name: room\n          in: path\n          required: true\n          schema: { type: string }\n"
            + "        - name: roomId\n          in: path\n          required: true\n          schema: { type: integer }\n      responses: {}\n");

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task GetThreadAsync(long roomId, string room)", contract.Signature("GetThreadAsync"));
        Assert.Contains(
            "call.AppendPath(\"rooms/\");\n        call.AppendPathParameter(roomId.ToString(global::System.Globalization.CultureInfo.InvariantCulture));\n        call.AppendPath(\"/threads/\");\n        call.AppendPathParameter(room);",
            contract.Clients.Replace("\r\n", "\n", StringComparison.Ordinal),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_that_starts_with_a_placeholder_binds_it()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  '{tenant}/items':\n    get:\n      operationId: listItems\n      parameters:\n"
            + "        - name: tenant\n          in: path\n          required: true\n          schema: { type: string }\n      responses: {}\n");

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task ListItemsAsync(string tenant)", contract.Signature("ListItemsAsync"));
        contract.CompilesCleanly();
    }

    [Theory]
    [InlineData("/a/{b{c}}")]
    [InlineData("/a/b}/{c}")]
    [InlineData("/a/{b}}")]
    public void A_template_with_unbalanced_braces_is_reported_and_skipped(string template)
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  '" + template + "':\n    get:\n      operationId: broken\n      responses: {}\n"
            + "  /ok:\n    get:\n      operationId: fine\n      responses: {}\n");

        Assert.Equal(("The path '" + template + "' has unbalanced '{' or '}'; it is skipped", 6, 3), contract.Single("RCG011"));
        Assert.Equal(new[] { "RCG011" }, contract.Ids);
        Assert.DoesNotContain("BrokenAsync", contract.Clients, StringComparison.Ordinal);
        Assert.Equal("Task FineAsync()", contract.Signature("FineAsync"));
    }
}
