namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// How a parameter's <c>style</c>/<c>explode</c> is read: what each location accepts, which query style goes on the
/// wire, and the exact reason (RCG009, at the style or the schema) for every combination that cannot be sent.
/// </summary>
public sealed class ParameterStyleReadingTests
{
    [Theory]
    [InlineData("path", "label", "style 'label' in a path (only 'simple' is sent)")]
    [InlineData("header", "form", "style 'form' in a header (only 'simple' is sent)")]
    public void A_path_or_header_parameter_in_any_style_but_simple_is_skipped_at_its_style(string location, string style, string reason)
    {
        OperationContract contract = Parameter(location, "style: " + style, "schema: { type: string }");

        Assert.Equal(("The parameter 'id' in 'getA' is not supported and is skipped: " + reason, 12, 11), contract.Single("RCG009"));
    }

    [Theory]
    [InlineData("path", "Task GetAAsync(IReadOnlyList<string> id)")]
    [InlineData("header", "Task GetAAsync(IReadOnlyList<string>? id = null)")]
    public void The_simple_style_is_accepted_in_a_path_or_header(string location, string signature)
    {
        OperationContract contract = Parameter(location, "style: simple", "schema: { type: array, items: { type: string } }");

        Assert.Empty(contract.Diagnostics);
        Assert.Equal(signature, contract.Signature("GetAAsync"));
        contract.CompilesCleanly();
    }

    [Theory]
    [InlineData("path", "schema: { type: object, properties: { a: { type: string } } }", "an object in a path (objects are sent in the query only)")]
    [InlineData("header", "schema: { type: object, properties: { a: { type: string } } }", "an object in a header (objects are sent in the query only)")]
    [InlineData("header", "schema: { type: array, items: { type: object, properties: { a: { type: string } } } }", "an array of non-scalar items in a header")]
    [InlineData("path", "schema: { type: array, items: { type: array, items: { type: string } } }", "an array of non-scalar items in a path")]
    public void A_path_or_header_parameter_that_is_not_scalar_is_skipped_at_its_schema(string location, string schema, string reason)
    {
        OperationContract contract = Parameter(location, schema);

        Assert.Equal(("The parameter 'id' in 'getA' is not supported and is skipped: " + reason, 12, 11), contract.Single("RCG009"));
    }

    [Theory]
    [InlineData("spaceDelimited")]
    [InlineData("pipeDelimited")]
    public void An_exploded_delimited_array_is_sent_as_repeated_keys(string style)
    {
        OperationContract contract = Parameter("query", "style: " + style, "explode: true", "schema: { type: array, items: { type: string } }");

        Assert.Empty(contract.Diagnostics);
        Assert.Contains("call.AddQueryArray(\"id\", id, global::RocketChat.Contracts.Runtime.QueryStyle.FormExploded);", contract.Clients);
        Assert.DoesNotContain("Delimited", contract.Clients);
        contract.CompilesCleanly();
    }

    [Theory]
    [InlineData("spaceDelimited", "SpaceDelimited")]
    [InlineData("pipeDelimited", "PipeDelimited")]
    public void A_delimited_array_that_is_not_exploded_is_sent_delimited(string style, string queryStyle)
    {
        OperationContract contract = Parameter("query", "style: " + style, "schema: { type: array, items: { type: string } }");

        Assert.Empty(contract.Diagnostics);
        Assert.Contains("call.AddQueryArray(\"id\", id, global::RocketChat.Contracts.Runtime.QueryStyle." + queryStyle + ");", contract.Clients);
    }

    [Theory]
    [InlineData("style: deepObject\n          explode: true", "schema: { type: string }", "style 'deepObject' (explode: true) for a scalar in the query")]
    [InlineData("style: spaceDelimited", "schema: { type: string }", "style 'spaceDelimited' (explode: false) for a scalar in the query")]
    [InlineData("style: deepObject", "schema: { type: array, items: { type: string } }", "style 'deepObject' (explode: false) for an array in the query")]
    [InlineData("style: spaceDelimited", "schema: { type: object, properties: { a: { type: string } } }", "style 'spaceDelimited' (explode: false) for an object in the query")]
    [InlineData("style: pipeDelimited", "schema: { type: object, additionalProperties: { type: string } }", "style 'pipeDelimited' (explode: false) for an object in the query")]
    [InlineData("style: pipeDelimited", "schema: {}", "style 'pipeDelimited' (explode: false) for an object in the query")]
    [InlineData("style: matrix", "schema: { type: string }", "style 'matrix' (explode: false) for a scalar in the query")]
    public void A_query_style_openapi_does_not_define_for_the_type_is_skipped_with_style_explode_and_kind(string style, string schema, string reason)
    {
        OperationContract contract = Parameter("query", style, schema);

        Assert.Equal(("The parameter 'id' in 'getA' is not supported and is skipped: " + reason, 12, 11), contract.Single("RCG009"));
    }

    [Theory]
    [InlineData("style: form", "schema: { type: array, items: { type: object, properties: { a: { type: string } } } }", "an array of non-scalar items in the query")]
    [InlineData("style: deepObject", "schema: {}", "a free-form value has no keys to write in style 'deepObject'; leave the style out, or declare 'content: application/json' to send it as JSON text")]
    [InlineData("style: deepObject", "schema: { type: object, additionalProperties: { type: object, properties: { a: { type: string } } } }", "a map of non-scalar values in the query")]
    [InlineData("style: deepObject", "schema: { type: object, properties: { name: { type: string }, address: { type: object, properties: { city: { type: string } } } } }", "the object property 'address' is not a scalar, which style 'deepObject' cannot write")]
    public void A_query_value_the_style_cannot_write_is_skipped_with_the_reason(string style, string schema, string reason)
    {
        OperationContract contract = Parameter("query", style, schema);

        Assert.Equal(("The parameter 'id' in 'getA' is not supported and is skipped: " + reason, 12, 11), contract.Single("RCG009"));
        Assert.Equal("Task GetAAsync()", contract.Signature("GetAAsync"));
    }

    [Fact]
    public void A_deep_object_union_has_no_record_to_list_properties_of_and_is_skipped_not_crashed_on()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - name: id\n          in: query\n"
            + "          style: deepObject\n          schema: { $ref: '#/components/schemas/Pet' }\n      responses: {}\n"
            + "components:\n  schemas:\n"
            + "    Cat: { type: object, required: [kind], properties: { kind: { type: string }, name: { type: string } } }\n"
            + "    Dog: { type: object, required: [kind], properties: { kind: { type: string }, bark: { type: boolean } } }\n"
            + "    Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: kind } }\n");

        Assert.Equal(new[] { "RCG009" }, contract.Ids);
        Assert.Equal(("The parameter 'id' in 'getA' is not supported and is skipped: the object property '?' is not a scalar, which style 'deepObject' cannot write", 12, 11), contract.Single("RCG009"));
        Assert.Equal("Task GetAAsync()", contract.Signature("GetAAsync"));
    }

    [Fact]
    public void A_free_form_query_value_without_a_style_is_sent_by_its_json_kind()
    {
        OperationContract contract = Parameter("query", "schema: {}");

        Assert.Empty(contract.Diagnostics);
        Assert.Equal("Task GetAAsync(JsonElement? id = null)", contract.Signature("GetAAsync"));
        Assert.Contains("call.AddQueryValue(\"id\", id);", contract.Clients);
        contract.CompilesCleanly();
    }

    /// <summary>One parameter 'id' of getA; the first of <paramref name="lines"/> is on line 12, column 11.</summary>
    private static OperationContract Parameter(string location, params string[] lines) => OperationContract.Generate(
        "paths:\n  /a" + (location == "path" ? "/{id}" : string.Empty) + ":\n    get:\n      operationId: getA\n      parameters:\n"
        + "        - name: id\n          in: " + location + "\n"
        + string.Concat(lines.Select(l => "          " + l + "\n"))
        + (location == "path" ? "          required: true\n" : string.Empty)
        + "      responses: {}\n");
}
