using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>Credentials and schemes on their own: which credential fits which scheme, equality by value, and what they print.</summary>
public sealed class SecurityCredentialTests
{
    private static readonly SecurityScheme s_header = SecurityScheme.ApiKeyHeader("api_key", "X-Api-Key");
    private static readonly SecurityScheme s_query = SecurityScheme.ApiKeyQuery("query_key", "key");
    private static readonly SecurityScheme s_bearer = SecurityScheme.HttpBearer("bearerAuth");
    private static readonly SecurityScheme s_basic = SecurityScheme.HttpBasic("basicAuth");

    [Fact]
    public void Each_kind_of_credential_fits_only_its_schemes()
    {
        SecurityCredential key = SecurityCredential.ApiKey("k");
        SecurityCredential bearer = SecurityCredential.Bearer("t");
        SecurityCredential basic = SecurityCredential.Basic("ann", "p");

        Assert.Equal([true, true, false, false], new[] { s_header, s_query, s_bearer, s_basic }.Select(key.Fits));
        Assert.Equal([false, false, true, false], new[] { s_header, s_query, s_bearer, s_basic }.Select(bearer.Fits));
        Assert.Equal([false, false, false, true], new[] { s_header, s_query, s_bearer, s_basic }.Select(basic.Fits));
        Assert.Throws<ArgumentNullException>(() => key.Fits(null!));
    }

    [Fact]
    public void Credentials_are_equal_by_kind_secret_and_user_name()
    {
        Assert.Equal(SecurityCredential.Basic("ann", "p"), SecurityCredential.Basic("ann", "p"));
        Assert.Equal(SecurityCredential.Basic("ann", "p").GetHashCode(), SecurityCredential.Basic("ann", "p").GetHashCode());
        Assert.True(SecurityCredential.ApiKey("k").Equals((object)SecurityCredential.ApiKey("k")));
        Assert.NotEqual(SecurityCredential.Basic("ann", "p"), SecurityCredential.Basic("bob", "p"));
        Assert.NotEqual(SecurityCredential.Basic("ann", "p"), SecurityCredential.Basic("ann", "q"));
        Assert.NotEqual(SecurityCredential.ApiKey("k"), SecurityCredential.Bearer("k"));
        Assert.False(SecurityCredential.ApiKey("k").Equals(null));
        Assert.False(SecurityCredential.ApiKey("k").Equals("k"));
    }

    [Fact]
    public void Each_credential_prints_its_kind_and_hides_its_secret()
    {
        Assert.Equal("SecurityCredential(Basic, UserName=ann, Password=***)", SecurityCredential.Basic("ann", "p").ToString());
        Assert.Equal("SecurityCredential(Bearer, ***)", SecurityCredential.Bearer("t").ToString());
        Assert.Equal("SecurityCredential(ApiKey, ***)", SecurityCredential.ApiKey("k").ToString());
    }

    [Fact]
    public void Empty_secrets_and_user_names_with_a_colon_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SecurityCredential.ApiKey(""));
        Assert.Throws<ArgumentException>(() => SecurityCredential.Bearer(""));
        Assert.Throws<ArgumentException>(() => SecurityCredential.Basic("", "p"));
        Assert.Throws<ArgumentException>(() => SecurityCredential.Basic("ann", ""));
        Assert.Equal("userName", Assert.Throws<ArgumentException>(() => SecurityCredential.Basic("a:b", "p")).ParamName);
    }

    [Fact]
    public void Schemes_print_their_name_kind_and_parameter()
    {
        Assert.Equal("api_key (ApiKeyHeader 'X-Api-Key')", s_header.ToString());
        Assert.Equal("query_key (ApiKeyQuery 'key')", s_query.ToString());
        Assert.Equal("bearerAuth (HttpBearer)", s_bearer.ToString());
        Assert.Throws<ArgumentException>(() => SecurityScheme.ApiKeyHeader("n", " "));
        Assert.Throws<ArgumentException>(() => SecurityScheme.ApiKeyQuery("n", ""));
        Assert.Throws<ArgumentException>(() => SecurityScheme.HttpBearer(" "));
    }

    [Fact]
    public async Task Fixed_credentials_answer_by_scheme_name_until_removed()
    {
        var credentials = new SecurityCredentials().Set("api_key", SecurityCredential.ApiKey("k"));

        Assert.Equal(SecurityCredential.ApiKey("k"), await credentials.GetCredentialAsync(s_header, CancellationToken.None));
        Assert.Null(await credentials.GetCredentialAsync(s_bearer, CancellationToken.None));
        Assert.True(credentials.Remove("api_key"));
        Assert.False(credentials.Remove("api_key"));
        Assert.Null(await credentials.GetCredentialAsync(s_header, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => credentials.Set(" ", SecurityCredential.ApiKey("k")));
        Assert.Throws<ArgumentNullException>(() => credentials.Set("x", null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await credentials.GetCredentialAsync(null!, CancellationToken.None));
    }

    [Fact]
    public async Task The_login_pair_provider_needs_its_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => new RocketChatLoginSecurity(null!));
        var security = new RocketChatLoginSecurity(new StaticCredentialProvider(new RocketChatCredentials("u", "t")));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await security.GetCredentialAsync(null!, CancellationToken.None));
        Assert.Throws<ArgumentNullException>(() => security.Invalidate(s_header, null!));
    }

    [Fact]
    public async Task The_same_credentials_resolve_to_the_same_applied_set_and_new_ones_to_a_new_set()
    {
        var requirement = new SecurityRequirement(s_header, s_bearer);
        var security = new OperationSecurity(requirement);
        var credentials = new SecurityCredentials().Set("api_key", SecurityCredential.ApiKey("k")).Set("bearerAuth", SecurityCredential.Bearer("t"));

        AppliedCredentials first = (await AppliedCredentials.ResolveAsync("Op", security, credentials, CancellationToken.None))!;
        AppliedCredentials again = (await AppliedCredentials.ResolveAsync("Op", security, credentials, CancellationToken.None))!;
        credentials.Set("bearerAuth", SecurityCredential.Bearer("t2"));
        AppliedCredentials renewed = (await AppliedCredentials.ResolveAsync("Op", security, credentials, CancellationToken.None))!;

        Assert.Same(first, again);
        Assert.NotSame(first, renewed);
        Assert.False(first.SameAs(renewed));
        using var message = new HttpRequestMessage();
        renewed.ApplyTo(message);
        Assert.Equal(["k"], message.Headers.GetValues("X-Api-Key"));
        Assert.Equal(["Bearer t2"], message.Headers.GetValues("Authorization"));
    }

    [Fact]
    public async Task Every_query_key_of_a_requirement_is_appended()
    {
        var security = new OperationSecurity(new SecurityRequirement(s_query, SecurityScheme.ApiKeyQuery("second", "sig")));
        var credentials = new SecurityCredentials().Set("query_key", SecurityCredential.ApiKey("a b")).Set("second", SecurityCredential.ApiKey("c"));

        AppliedCredentials applied = (await AppliedCredentials.ResolveAsync("Op", security, credentials, CancellationToken.None))!;

        Assert.Equal("api/x?key=a%20b&sig=c", applied.ApplyToQuery("api/x"));
        Assert.Equal("api/x?y=1&key=a%20b&sig=c", applied.ApplyToQuery("api/x?y=1"));
    }

    [Fact]
    public void An_operation_is_public_without_alternatives_and_optional_with_an_empty_one()
    {
        Assert.False(OperationSecurity.Public.IsRequired);
        Assert.False(new OperationSecurity(new SecurityRequirement(s_header), new SecurityRequirement()).IsRequired);
        Assert.True(new OperationSecurity(new SecurityRequirement(s_header), new SecurityRequirement(s_bearer)).IsRequired);
        Assert.Throws<ArgumentNullException>(() => new OperationSecurity(null!));
        Assert.Throws<ArgumentNullException>(() => new SecurityRequirement(null!));
    }
}
