namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// How <c>components.securitySchemes</c> and <c>security</c> are read: what each scheme type is sent as, the exact
/// reason (RCG030, at the scheme's name) for every scheme that cannot be sent, and which alternatives survive.
/// </summary>
public sealed class SecuritySchemeReadingTests
{
    [Theory]
    [InlineData("oauth2")]
    [InlineData("openIdConnect")]
    public void An_oauth2_or_openid_connect_scheme_sends_its_token_as_a_bearer_token(string type)
    {
        OperationContract contract = Secured("type: " + type);

        Assert.Empty(contract.Diagnostics);
        Assert.Contains("public static readonly global::RocketChat.Contracts.Runtime.SecurityScheme Login = global::RocketChat.Contracts.Runtime.SecurityScheme.HttpBearer(\"login\");", contract.Clients);
        Assert.Contains("internal static readonly global::RocketChat.Contracts.Runtime.OperationSecurity RequiresLogin = new(new global::RocketChat.Contracts.Runtime.SecurityRequirement(Login));", contract.Clients);
        contract.CompilesCleanly();
    }

    [Theory]
    [InlineData("type: apiKey\n      in: cookie\n      name: sid", "API keys in cookies are not sent")]
    [InlineData("type: apiKey\n      in: header", "an apiKey scheme needs 'in: header' or 'in: query' and a 'name'")]
    [InlineData("type: apiKey\n      in: body\n      name: sid", "an apiKey scheme needs 'in: header' or 'in: query' and a 'name'")]
    [InlineData("type: apiKey\n      name: sid", "an apiKey scheme needs 'in: header' or 'in: query' and a 'name'")]
    [InlineData("type: http\n      scheme: Digest", "HTTP scheme 'digest' is not sent; only 'bearer' and 'basic' are")]
    [InlineData("type: http", "HTTP scheme '(none)' is not sent; only 'bearer' and 'basic' are")]
    [InlineData("type: mutualTLS", "client certificates are configured on the HttpClient's handler, not per request")]
    [InlineData("type: magic", "type 'magic' is not a security scheme type")]
    [InlineData("description: no type at all", "type '(none)' is not a security scheme type")]
    public void A_scheme_that_cannot_be_sent_is_reported_once_at_its_name_and_its_operation_is_public(string scheme, string reason)
    {
        OperationContract contract = Secured(scheme);

        Assert.Equal(new[] { "RCG030" }, contract.Ids);
        Assert.Equal(("The security scheme 'login' cannot be applied (" + reason + "); requests that need it are sent without it", 7, 5), contract.Single("RCG030"));
        Assert.DoesNotContain("internal static readonly global::RocketChat.Contracts.Runtime.OperationSecurity", contract.Clients);
        Assert.Contains("global::RocketChat.Contracts.Runtime.OperationSecurity.Public", contract.Clients);
        contract.CompilesCleanly();
    }

    [Fact]
    public void A_requirement_naming_an_undeclared_scheme_is_reported_at_that_name_and_only_that_alternative_is_dropped()
    {
        OperationContract contract = OperationContract.Generate(
            "components:\n  securitySchemes:\n    login:\n      type: http\n      scheme: bearer\n"
            + "paths:\n  /a:\n    get:\n      operationId: getA\n      security:\n        - login: []\n          missing: []\n        - login: []\n      responses: {}\n");

        Assert.Equal(new[] { "RCG030" }, contract.Ids);
        Assert.Equal(("The security scheme 'missing' cannot be applied (no such scheme in components.securitySchemes); requests that need it are sent without it", 16, 11), contract.Single("RCG030"));
        Assert.Contains("RequiresLogin = new(new global::RocketChat.Contracts.Runtime.SecurityRequirement(Login));", contract.Clients);
        contract.CompilesCleanly();
    }

    [Fact]
    public void An_operation_whose_only_alternative_names_an_undeclared_scheme_is_public()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /a:\n    get:\n      operationId: getA\n      security:\n        - missing: []\n      responses: {}\n");

        Assert.Equal(("The security scheme 'missing' cannot be applied (no such scheme in components.securitySchemes); requests that need it are sent without it", 10, 11), contract.Single("RCG030"));
        Assert.DoesNotContain("internal static readonly global::RocketChat.Contracts.Runtime.OperationSecurity", contract.Clients);
        Assert.Contains("global::RocketChat.Contracts.Runtime.OperationSecurity.Public", contract.Clients);
        Assert.DoesNotContain("RequiresNothing", contract.Clients);
    }

    [Fact]
    public void The_rocket_chat_header_parameters_reuse_a_declared_api_key_header_scheme_for_the_same_header()
    {
        OperationContract contract = OperationContract.Generate(
            "components:\n  securitySchemes:\n    bearerUser:\n      type: http\n      scheme: bearer\n"
            + "    userId:\n      type: apiKey\n      in: header\n      name: x-user-id\n"
            + "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n"
            + "        - { name: X-User-Id, in: header, required: true, schema: { type: string } }\n"
            + "        - { name: X-Auth-Token, in: header, required: true, schema: { type: string } }\n"
            + "      responses: {}\n");

        Assert.Empty(contract.Diagnostics);
        Assert.Contains("RequiresUserIdAndXAuthToken = new(new global::RocketChat.Contracts.Runtime.SecurityRequirement(UserId, XAuthToken));", contract.Clients);
        Assert.Contains("XAuthToken = global::RocketChat.Contracts.Runtime.SecurityScheme.ApiKeyHeader(\"X-Auth-Token\", \"X-Auth-Token\");", contract.Clients);
        Assert.DoesNotContain("XUserId", contract.Clients);
        contract.CompilesCleanly();
    }

    /// <summary>One scheme 'login' (its name on line 7, column 5) that getA requires.</summary>
    private static OperationContract Secured(string scheme) => OperationContract.Generate(
        "components:\n  securitySchemes:\n    login:\n      " + scheme + "\n"
        + "paths:\n  /a:\n    get:\n      operationId: getA\n      security:\n        - login: []\n      responses: {}\n");
}
