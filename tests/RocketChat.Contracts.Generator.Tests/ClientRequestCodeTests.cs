namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// The statements a generated method builds its request with, for the parameter kinds whose text conversion matters:
/// path segments around and between parameters, booleans, dates and numbers in a path, enums in a
/// query, maps of numbers as a deepObject, and an optional JSON body that is sent only when given.
/// </summary>
public sealed class ClientRequestCodeTests
{
    private const string Runtime = "global::RocketChat.Contracts.Runtime.";

    private static string Param(string name, string location, string schema, bool required = true, string extra = "") =>
        $"        - name: {name}\n          in: {location}\n          required: {(required ? "true" : "false")}\n{extra}          schema: {schema}\n";

    [Fact]
    public void A_path_that_starts_with_a_parameter_and_has_adjacent_ones_gets_no_empty_or_literal_braces_segment()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /{flag}{at}/items/{n}/{id}:\n    get:\n      operationId: getItem\n      parameters:\n"
            + Param("flag", "path", "{ type: boolean }") + Param("at", "path", "{ type: string, format: date-time }")
            + Param("n", "path", "{ type: integer }") + Param("id", "path", "{ type: number }")
            + "      responses: {}\n");

        Assert.Empty(contract.Diagnostics);
        Assert.Contains(
            """
                    call.AppendPathParameter((flag ? "true" : "false"));
                    call.AppendPathParameter(at.ToString("O", global::System.Globalization.CultureInfo.InvariantCulture));
                    call.AppendPath("/items/");
                    call.AppendPathParameter(n.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
                    call.AppendPath("/");
                    call.AppendPathParameter(id.ToString(global::System.Globalization.CultureInfo.InvariantCulture));

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            contract.Clients,
            StringComparison.Ordinal);
        contract.CompilesCleanly();
    }

    [Fact]
    public void Enum_query_values_are_sent_as_their_wire_value_required_or_not()
    {
        OperationContract contract = OperationContract.Generate(
            "components:\n  schemas:\n    Status:\n      type: string\n      enum: [open, closed]\n"
            + "paths:\n  /items:\n    get:\n      operationId: listItems\n      parameters:\n"
            + Param("status", "query", "{ $ref: '#/components/schemas/Status' }")
            + Param("previous", "query", "{ $ref: '#/components/schemas/Status' }", required: false)
            + "      responses: {}\n");

        Assert.Empty(contract.Diagnostics);
        Assert.Contains("call.AddQuery(\"status\", status.Value);\n", contract.Clients, StringComparison.Ordinal);
        Assert.Contains("call.AddQuery(\"previous\", previous?.Value);\n", contract.Clients, StringComparison.Ordinal);
        contract.CompilesCleanly();
    }

    [Fact]
    public void A_map_of_numbers_as_a_deep_object_sends_each_value_as_invariant_text_and_nothing_when_absent()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /items:\n    get:\n      operationId: listItems\n      parameters:\n"
            + Param("limits", "query", "{ type: object, additionalProperties: { type: integer } }", required: false, extra: "          style: deepObject\n")
            + Param("weights", "query", "{ type: object, additionalProperties: { type: number } }", extra: "          style: deepObject\n")
            + "      responses: {}\n");

        Assert.Empty(contract.Diagnostics);
        Assert.Contains(
            "call.AddQueryObject(\"limits\", (limits is null ? null : global::System.Linq.Enumerable.Select(limits, static pair => new global::System.Collections.Generic.KeyValuePair<string, string?>(pair.Key, pair.Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture)))), "
            + Runtime + "QueryStyle.DeepObject);\n",
            contract.Clients,
            StringComparison.Ordinal);
        Assert.Contains(
            "call.AddQueryObject(\"weights\", global::System.Linq.Enumerable.Select(weights, static pair => new global::System.Collections.Generic.KeyValuePair<string, string?>(pair.Key, pair.Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture))), "
            + Runtime + "QueryStyle.DeepObject);\n",
            contract.Clients,
            StringComparison.Ordinal);
        contract.CompilesCleanly();
    }

    [Fact]
    public void An_optional_json_body_is_set_only_when_given_and_a_raw_body_without_media_type_is_octet_stream()
    {
        OperationContract contract = OperationContract.Generate(
            "components:\n  schemas:\n    Item:\n      type: object\n      properties:\n        id: { type: string }\n"
            + "paths:\n  /items:\n    post:\n      operationId: saveItem\n      requestBody:\n        content:\n          application/json:\n            schema: { $ref: '#/components/schemas/Item' }\n      responses: {}\n");

        Assert.Empty(contract.Diagnostics);
        Assert.Contains(
            "        if (request is { } body)\n        {\n            call.SetJsonBody(body, OpsJsonContext.Default.Item);\n        }\n",
            contract.Clients,
            StringComparison.Ordinal);
        contract.CompilesCleanly();
    }
}
