using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Tests.Features;

namespace RocketChat.Livechat.Tests;

/// <summary>The feature contract's parameter styles, as they go over real HTTP: one OpenAPI style per assertion.</summary>
public sealed class ParameterStyleWireTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;
    private HttpClient _http = null!;
    private FeaturesClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _server.Respond(CannedResponse.Json("[]"));
        _http = new HttpClient();
        _client = new FeaturesClient(new RocketChatConnection(_http, _server.BaseAddress));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<string> QueryOfAsync(Func<IStylesClient, Task> call)
    {
        await call(_client.Styles);
        string target = _server.LastRequest.RawTarget;
        int question = target.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? string.Empty : target[(question + 1)..];
    }

    [Fact]
    public async Task Arrays_in_a_path_are_comma_joined_with_each_item_escaped()
    {
        await _client.Styles.FindPetsByStylesAsync([1, 22]);
        Assert.Equal("/pets/by-ids/1,22", _server.LastRequest.RawTarget);
    }

    [Fact]
    public async Task Form_exploded_is_the_default_and_repeats_the_name_without_brackets()
    {
        string query = await QueryOfAsync(c => c.FindPetsByStylesAsync([1], status: [PetKind.Cat, PetKind.SeaLion]));
        Assert.Equal("status=cat&status=sea%20lion", query);
    }

    [Fact]
    public async Task Form_not_exploded_joins_escaped_values_with_literal_commas()
    {
        string query = await QueryOfAsync(c => c.FindPetsByStylesAsync([1], colors: ["red", "a,b"]));
        Assert.Equal("colors=red,a%2Cb", query);
    }

    [Fact]
    public async Task Space_delimited_joins_with_an_escaped_space()
    {
        string query = await QueryOfAsync(c => c.FindPetsByStylesAsync([1], sizes: [1, 2]));
        Assert.Equal("sizes=1%202", query);
    }

    [Fact]
    public async Task Pipe_delimited_joins_with_a_pipe()
    {
        string query = await QueryOfAsync(c => c.FindPetsByStylesAsync([1], names: ["rex", "a|b"]));
        Assert.Equal("names=rex|a%7Cb", query);
    }

    [Fact]
    public async Task A_bracketed_name_in_the_contract_is_sent_as_written()
    {
        string query = await QueryOfAsync(c => c.FindPetsByStylesAsync([1], legacy: ["x", "y"]));
        Assert.Equal("legacy%5B%5D=x&legacy%5B%5D=y", query);
    }

    [Fact]
    public async Task Deep_object_writes_each_set_property_in_brackets()
    {
        string query = await QueryOfAsync(c => c.FindPetsByStylesAsync([1], filter: new PetFilter { Kind = PetKind.Cat, Vaccinated = true }));
        Assert.Equal("filter%5Bkind%5D=cat&filter%5Bvaccinated%5D=true", query);
    }

    [Fact]
    public async Task An_exploded_form_object_sends_each_property_as_its_own_parameter()
    {
        string query = await QueryOfAsync(c => c.FindPetsByStylesAsync([1], paging: new Paging { Limit = 10, Cursor = "n/1" }));
        Assert.Equal("limit=10&cursor=n%2F1", query);
    }

    [Fact]
    public async Task A_map_in_form_style_not_exploded_alternates_keys_and_values()
    {
        string query = await QueryOfAsync(c => c.FindPetsByStylesAsync([1], labels: new Dictionary<string, string> { ["size"] = "big", ["fur"] = "long hair" }));
        Assert.Equal("labels=size,big,fur,long%20hair", query);
    }

    [Fact]
    public async Task A_header_array_is_comma_joined()
    {
        await _client.Styles.FindPetsByStylesAsync([1], xRequestTags: ["a", "b"]);
        Assert.Equal("a,b", _server.LastRequest.Headers["X-Request-Tags"]);
    }

    [Fact]
    public async Task Unset_optional_parameters_leave_no_trace()
    {
        string query = await QueryOfAsync(c => c.FindPetsByStylesAsync([1]));
        Assert.Equal(string.Empty, query);
        Assert.False(_server.LastRequest.Headers.ContainsKey("X-Request-Tags"));
    }
}
