using System.Text;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Tests.Features;

namespace RocketChat.Livechat.Tests;

/// <summary>The feature contract's securitySchemes over real HTTP: each scheme sends its credential its own way, and only where the contract asks.</summary>
public sealed class SecuritySchemeWireTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _server.Respond(new CannedResponse(204, string.Empty));
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private FeaturesClient Client(SecurityCredentials credentials) =>
        new(new RocketChatConnection(_http, _server.BaseAddress, credentials));

    private static SecurityCredentials All() => new SecurityCredentials()
        .Set("api_key", SecurityCredential.ApiKey("header-key"))
        .Set("query_key", SecurityCredential.ApiKey("query key&1"))
        .Set("bearerAuth", SecurityCredential.Bearer("bearer-token"))
        .Set("basicAuth", SecurityCredential.Basic("ann", "pä:ss"));

    [Fact]
    public async Task The_root_security_sends_the_petstore_api_key_header_and_nothing_else()
    {
        _server.Respond(CannedResponse.Json("""{"id":7,"name":"Rex"}"""));
        await Client(All()).Security.GetPetByIdAsync(7);

        RecordedRequest request = _server.LastRequest;
        Assert.Equal("header-key", request.Headers["api_key"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.False(request.Headers.ContainsKey("X-Auth-Token"));
        Assert.Equal("/pets/7", request.RawTarget);
    }

    [Fact]
    public async Task An_empty_operation_security_is_public_even_when_credentials_exist()
    {
        await Client(All()).Security.ListPublicPetsAsync();

        RecordedRequest request = _server.LastRequest;
        Assert.False(request.Headers.ContainsKey("api_key"));
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.Equal("/pets/public", request.RawTarget);
    }

    [Fact]
    public async Task A_query_api_key_is_appended_escaped_after_the_operation_parameters()
    {
        await Client(All()).Security.GetFeedAsync(since: "2024");
        Assert.Equal("/pets/feed?since=2024&key=query%20key%261", _server.LastRequest.RawTarget);
        Assert.False(_server.LastRequest.Headers.ContainsKey("api_key"));
    }

    [Fact]
    public async Task Bearer_is_sent_in_the_authorization_header()
    {
        await Client(All()).Security.SearchPetsAsync();
        Assert.Equal("Bearer bearer-token", _server.LastRequest.Headers["Authorization"]);
        Assert.Equal("/pets/search", _server.LastRequest.RawTarget);
    }

    [Fact]
    public async Task Without_a_bearer_token_the_next_alternative_sends_both_keys_together()
    {
        var credentials = All();
        credentials.Remove("bearerAuth");
        await Client(credentials).Security.SearchPetsAsync();

        RecordedRequest request = _server.LastRequest;
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.Equal("header-key", request.Headers["api_key"]);
        Assert.Equal("/pets/search?key=query%20key%261", request.RawTarget);
    }

    [Fact]
    public async Task A_replaced_credential_is_sent_on_the_next_call_and_each_connection_sends_its_own()
    {
        // The connection reuses the credential set of the previous call while nothing changed: this proves it notices
        // a change of either key of a two-scheme alternative, and that connections sharing the contract do not mix.
        SecurityCredentials credentials = All();
        credentials.Remove("bearerAuth");
        FeaturesClient client = Client(credentials);
        await client.Security.SearchPetsAsync();

        credentials.Set("query_key", SecurityCredential.ApiKey("second"));
        await client.Security.SearchPetsAsync();
        Assert.Equal("header-key", _server.LastRequest.Headers["api_key"]);
        Assert.Equal("/pets/search?key=second", _server.LastRequest.RawTarget);

        credentials.Set("api_key", SecurityCredential.ApiKey("header-2"));
        await client.Security.SearchPetsAsync();
        Assert.Equal("header-2", _server.LastRequest.Headers["api_key"]);
        Assert.Equal("/pets/search?key=second", _server.LastRequest.RawTarget);

        SecurityCredentials other = new SecurityCredentials()
            .Set("api_key", SecurityCredential.ApiKey("other-header"))
            .Set("query_key", SecurityCredential.ApiKey("other-query"));
        await Client(other).Security.SearchPetsAsync();
        Assert.Equal("other-header", _server.LastRequest.Headers["api_key"]);
        Assert.Equal("/pets/search?key=other-query", _server.LastRequest.RawTarget);

        await client.Security.SearchPetsAsync();
        Assert.Equal("header-2", _server.LastRequest.Headers["api_key"]);
        Assert.Equal("/pets/search?key=second", _server.LastRequest.RawTarget);
    }

    [Fact]
    public async Task Basic_sends_base64_of_utf8_user_and_password()
    {
        await Client(All()).Security.GetStatsAsync();
        string expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ann:pä:ss"));
        Assert.Equal(expected, _server.LastRequest.Headers["Authorization"]);
    }

    [Fact]
    public async Task Optional_security_sends_a_token_when_there_is_one_and_goes_out_without_one_otherwise()
    {
        await Client(All()).Security.GetMaybeAsync();
        Assert.Equal("Bearer bearer-token", _server.LastRequest.Headers["Authorization"]);

        await Client(new SecurityCredentials()).Security.GetMaybeAsync();
        Assert.False(_server.LastRequest.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task A_required_scheme_without_a_credential_fails_before_anything_is_sent()
    {
        var credentials = All();
        credentials.Remove("basicAuth");
        await Assert.ThrowsAsync<RocketChatAuthenticationRequiredException>(() => Client(credentials).Security.GetStatsAsync());
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_credential_of_the_wrong_kind_is_refused_with_the_scheme_named()
    {
        var credentials = new SecurityCredentials().Set("basicAuth", SecurityCredential.Bearer("not-basic"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Client(credentials).Security.GetStatsAsync());
        Assert.Contains("basicAuth", error.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Rocket_chat_header_parameters_without_schemes_send_the_login_pair()
    {
        var connection = new RocketChatConnection(_http, _server.BaseAddress, new StaticCredentialProvider(new RocketChatCredentials("u-1", "t-1")));
        await new FeaturesClient(connection).Security.GetLegacyMeAsync();

        RecordedRequest request = _server.LastRequest;
        Assert.Equal("u-1", request.Headers["X-User-Id"]);
        Assert.Equal("t-1", request.Headers["X-Auth-Token"]);
    }

    [Fact]
    public async Task The_login_pair_is_not_sent_for_a_petstore_api_key()
    {
        _server.Respond(CannedResponse.Json("""{"id":7,"name":"Rex"}"""));
        var connection = new RocketChatConnection(_http, _server.BaseAddress, new StaticCredentialProvider(new RocketChatCredentials("u-1", "t-1")));
        await Assert.ThrowsAsync<RocketChatAuthenticationRequiredException>(() => new FeaturesClient(connection).Security.GetPetByIdAsync(7));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Credentials_never_show_their_secret()
    {
        Assert.DoesNotContain("pä:ss", SecurityCredential.Basic("ann", "pä:ss").ToString());
        Assert.DoesNotContain("bearer-token", SecurityCredential.Bearer("bearer-token").ToString());
        Assert.DoesNotContain("header-key", SecurityCredential.ApiKey("header-key").ToString());
    }
}
