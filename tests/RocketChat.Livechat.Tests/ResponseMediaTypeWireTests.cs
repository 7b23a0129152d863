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
    public async Task A_text_response_keeps_the_charset_the_server_declares()
    {
        byte[] latin1 = Encoding.Latin1.GetBytes("Zürich");
        _server.Respond(new CannedResponse(200, string.Empty, ContentType: "text/csv; charset=iso-8859-1") { Bytes = latin1 });
        Assert.Equal("Zürich", await _client.Media.GetReportAsync());
    }
}
