using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Tests.Features;

namespace RocketChat.Livechat.Tests;

/// <summary>Multipart and URL-encoded bodies of the feature contract, read back part by part as the server receives them.</summary>
public sealed class FormBodyWireTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;
    private HttpClient _http = null!;
    private FeaturesClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _server.Respond(CannedResponse.Json("""{"id":7,"name":"Rex"}"""));
        _http = new HttpClient();
        _client = new FeaturesClient(new RocketChatConnection(_http, _server.BaseAddress));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private sealed record Part(string? Name, string? FileName, string? ContentType, string Body);

    private static async Task<List<Part>> ReadPartsAsync(RecordedRequest request)
    {
        var contentType = MediaTypeHeaderValue.Parse(request.Headers["Content-Type"]);
        Assert.Equal("multipart/form-data", contentType.MediaType.Value);
        string boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(Encoding.UTF8.GetBytes(request.Body)));
        var parts = new List<Part>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var body = new StreamReader(section.Body);
            parts.Add(new Part(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value,
                disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value,
                section.ContentType,
                await body.ReadToEndAsync()));
        }

        return parts;
    }

    [Fact]
    public async Task A_multipart_body_sends_files_with_name_and_type_and_text_fields_in_contract_order()
    {
        using var main = new MemoryStream(Encoding.UTF8.GetBytes("PNG-BYTES"));
        using var extra = new MemoryStream(Encoding.UTF8.GetBytes("second"));
        Pet pet = await _client.Forms.UploadImageAsync(
            7,
            new FilePart(main, "rex photo.png", "image/png"),
            extras: [new FilePart(extra, "müde.jpg", "image/jpeg")],
            caption: "At the beach",
            tags: ["sea", "sun"],
            rating: 5);

        RecordedRequest request = _server.LastRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/pets/7/uploadImage", request.RawTarget);
        Assert.Equal(
            [
                new Part("file", "rex photo.png", "image/png", "PNG-BYTES"),
                new Part("extras", "müde.jpg", "image/jpeg", "second"),
                new Part("caption", null, null, "At the beach"),
                new Part("tags", null, null, "sea"),
                new Part("tags", null, null, "sun"),
                new Part("rating", null, null, "5"),
            ],
            await ReadPartsAsync(request));
        Assert.Equal("Rex", pet.Name);
    }

    [Fact]
    public async Task Unset_optional_fields_are_not_sent_and_the_file_stream_stays_open_for_its_owner()
    {
        using var main = new MemoryStream(Encoding.UTF8.GetBytes("x"));
        await _client.Forms.UploadImageAsync(1, new FilePart(main, "a.bin"));

        Part part = Assert.Single(await ReadPartsAsync(_server.LastRequest));
        Assert.Equal(new Part("file", "a.bin", "application/octet-stream", "x"), part);
        Assert.True(main.CanRead);
    }

    [Fact]
    public async Task A_url_encoded_body_is_written_as_the_form_encoding_says()
    {
        await _client.Forms.UpdatePetWithFormAsync("Rex the dog", age: 3, kind: PetKind.SeaLion, nicknames: ["r&r", "x"]);

        RecordedRequest request = _server.LastRequest;
        Assert.Equal("application/x-www-form-urlencoded", request.Headers["Content-Type"]);
        Assert.Equal("name=Rex+the+dog&age=3&kind=sea+lion&nicknames=r%26r&nicknames=x", request.Body);
    }

    [Fact]
    public async Task A_text_body_is_sent_as_utf8_with_its_media_type()
    {
        _server.Respond(new CannedResponse(204, string.Empty));
        await _client.Forms.PutNotesAsync(7, "Likes the beach. Zürich.");

        RecordedRequest request = _server.LastRequest;
        Assert.Equal("PUT", request.Method);
        Assert.Equal("text/plain; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal("Likes the beach. Zürich.", request.Body);
    }

    [Fact]
    public async Task A_binary_body_is_streamed_from_the_current_position_with_its_media_type_and_the_stream_stays_open()
    {
        _server.Respond(new CannedResponse(204, string.Empty));
        using var photo = new MemoryStream(Encoding.ASCII.GetBytes("skip:PNG-DATA"));
        photo.Position = 5;
        await _client.Forms.PutRawPhotoAsync(7, photo);

        RecordedRequest request = _server.LastRequest;
        Assert.Equal("/pets/7/photo/raw", request.RawTarget);
        Assert.Equal("image/png", request.Headers["Content-Type"]);
        Assert.Equal("8", request.Headers["Content-Length"]);
        Assert.Equal("PNG-DATA", request.Body);
        Assert.True(photo.CanRead);
    }

    [Fact]
    public async Task A_seekable_file_is_sent_whole_again_when_a_401_renews_the_login()
    {
        int logins = 0;
        using var login = new LoginCredentialProvider(_ => Task.FromResult(new RocketChatCredentials("u", "token-" + ++logins)));
        var connection = new RocketChatConnection(_http, _server.BaseAddress, login);
        _server.Respond(r => r.Headers["X-Auth-Token"] == "token-1"
            ? new CannedResponse(401, """{"success":false,"error":"You must be logged in to do this."}""")
            : new CannedResponse(204, string.Empty));

        var request = new ApiRequest(HttpMethod.Post, "Upload", requiresAuthentication: true).UseMultipartForm();
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("abc"));
        request.AddFormFile("file", new FilePart(file, "a.txt", "text/plain"));
        await connection.SendAsync(request, CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        foreach (RecordedRequest sent in _server.Requests)
        {
            Assert.Equal(new Part("file", "a.txt", "text/plain", "abc"), Assert.Single(await ReadPartsAsync(sent)));
        }
    }

    [Fact]
    public async Task A_forward_only_file_is_not_resent_after_a_401_and_the_401_reaches_the_caller()
    {
        int logins = 0;
        using var login = new LoginCredentialProvider(_ => Task.FromResult(new RocketChatCredentials("u", "token-" + ++logins)));
        var connection = new RocketChatConnection(_http, _server.BaseAddress, login);
        _server.Respond(new CannedResponse(401, """{"success":false,"error":"You must be logged in to do this."}"""));

        var request = new ApiRequest(HttpMethod.Post, "Upload", requiresAuthentication: true).UseMultipartForm();
        request.AddFormFile("file", new FilePart(new ForwardOnlyStream(), "a.txt"));

        await Assert.ThrowsAsync<RocketChatUnauthorizedException>(() => connection.SendAsync(request, CancellationToken.None));
        Assert.Single(_server.Requests);
        Assert.False(request.CanResend);
    }

    private sealed class ForwardOnlyStream() : MemoryStream([1, 2, 3])
    {
        public override bool CanSeek => false;
    }
}
