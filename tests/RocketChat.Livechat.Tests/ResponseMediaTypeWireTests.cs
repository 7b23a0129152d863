using System.Text;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Tests.Features;

namespace RocketChat.Livechat.Tests;

/// <summary>Text and binary responses of the feature contract: returned whole, never thrown away.</summary>
public sealed class ResponseMediaTypeWireTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;
    private HttpClient _http = null!;
    private FeaturesClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _http = new HttpClient();
        _client = new FeaturesClient(new RocketChatConnection(_http, _server.BaseAddress));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_text_csv_response_is_returned_as_a_string_decoded_as_utf8_and_asked_for_with_its_media_type()
    {
        const string csv = "name,city\nRex,Zürich\n";
        _server.Respond(new CannedResponse(200, csv, ContentType: "text/csv; charset=utf-8"));

        string report = await _client.Media.GetReportAsync();

        Assert.Equal(csv, report);
        Assert.Equal("text/csv", _server.LastRequest.Headers["Accept"]);
    }

    [Fact]
    public async Task An_octet_stream_response_is_returned_as_a_stream_with_every_byte()
    {
        byte[] photo = Enumerable.Range(0, 256 * 64).Select(i => (byte)(i * 7)).ToArray();
        _server.Respond(new CannedResponse(200, string.Empty, ContentType: "application/octet-stream") { Bytes = photo });

        await using Stream stream = await _client.Media.GetPhotoAsync(5);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(photo, copy.ToArray());
        Assert.Equal("/pets/5/photo", _server.LastRequest.RawTarget);
        Assert.Equal("application/octet-stream", _server.LastRequest.Headers["Accept"]);
        Assert.False(stream.CanSeek);
    }

    [Fact]
    public async Task An_error_status_on_a_binary_operation_is_a_typed_exception_not_a_stream_of_the_error()
    {
        _server.Respond(new CannedResponse(404, """{"success":false,"error":"not found"}"""));
        var error = await Assert.ThrowsAsync<RocketChatApiException>(() => _client.Media.GetPhotoAsync(5));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_text_body_over_the_size_limit_is_refused_not_cut()
    {
        _server.Respond(new CannedResponse(200, new string('x', 64), ContentType: "text/csv"));
        var client = new FeaturesClient(new RocketChatConnection(_http, _server.BaseAddress, credentials: null, new RocketChatConnectionOptions { MaxResponseBodySize = 16 }));

        var error = await Assert.ThrowsAsync<RocketChatResponseException>(() => client.Media.GetReportAsync());
        Assert.Contains("16-byte limit", error.Message);
    }

    [Fact]
    public async Task A_text_body_that_says_success_false_is_still_text()
    {
        // Only JSON bodies are checked for Rocket.Chat's failure envelope; a report may contain anything.
        const string text = """{"success":false}""";
        _server.Respond(new CannedResponse(200, text, ContentType: "text/plain"));
        Assert.Equal(text, await _client.Media.GetReportAsync());
    }

    [Fact]
    public async Task A_text_response_keeps_the_charset_the_server_declares()
    {
        byte[] latin1 = Encoding.Latin1.GetBytes("Zürich");
        _server.Respond(new CannedResponse(200, string.Empty, ContentType: "text/csv; charset=iso-8859-1") { Bytes = latin1 });
        Assert.Equal("Zürich", await _client.Media.GetReportAsync());
    }
}
