using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>
/// The server's body limits: <c>express.json</c> / <c>express.urlencoded</c> with <c>limit: '50mb'</c> in front of the
/// API (apps/meteor/app/api/server/api.ts), whose 413 Express's final handler answers with an HTML page, and the
/// upload route's own <c>FileUpload_MaxFileSize</c>.
/// </summary>
public sealed class RequestBodyLimitTests
{
    private const long ServerLimit = 50L * 1024 * 1024;

    private const string PayloadTooLargePage =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n</head>\n<body>\n<pre>Payload Too Large</pre>\n</body>\n</html>\n";

    [Fact]
    public void The_defaults_are_the_servers_50_mb_body_limit_and_100_mib_file_limit()
    {
        var options = new EmulatorOptions();

        Assert.Equal(52_428_800, options.MaxRequestBodySize);
        Assert.Equal(104_857_600, options.MaxFileSize);
    }

    [Fact]
    public async Task A_json_body_of_up_to_50_mb_is_read_and_one_byte_more_is_413_declared_or_streamed()
    {
        await using var server = await EmulatorHarness.StartAsync();

        (HttpStatusCode Status, string Body) underLimit = await PostPaddedAsync(server, "under", ServerLimit - 1, chunked: false);
        (HttpStatusCode Status, string Body) atLimit = await PostPaddedAsync(server, "at", ServerLimit, chunked: false);
        (HttpStatusCode Status, string Body) declaredOver = await PostPaddedAsync(server, "declared", ServerLimit + 1, chunked: false);
        (HttpStatusCode Status, string Body) streamedOver = await PostPaddedAsync(server, "streamed", ServerLimit + 1, chunked: true);
        ApiResponse notRegistered = await server.GetAsync("/api/v1/livechat/visitor/declared");

        Assert.Equal(HttpStatusCode.OK, underLimit.Status);
        Assert.Equal(HttpStatusCode.OK, atLimit.Status);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, PayloadTooLargePage), declaredOver);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, PayloadTooLargePage), streamedOver);
        Assert.Equal(HttpStatusCode.BadRequest, notRegistered.Status);
    }

    [Fact]
    public async Task The_413_is_express_final_handler_page_and_comes_before_authentication()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.MaxRequestBodySize = 64);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/livechat/room.closeByUser")
        {
            Content = new StringContent(new string(' ', 65), Encoding.UTF8, "application/json"),
        };

        using HttpResponseMessage response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("default-src 'none'", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(PayloadTooLargePage, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_oversized_body_to_a_path_no_route_serves_is_413_not_404()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.MaxRequestBodySize = 64);

        using HttpResponseMessage oversized = await server.Http.PostAsync("/api/v1/no.such.route", new StringContent(new string(' ', 65), Encoding.UTF8, "application/json"));
        using HttpResponseMessage small = await server.Http.PostAsync("/api/v1/no.such.route", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal(PayloadTooLargePage, await oversized.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, small.StatusCode);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task The_limit_is_a_setting_and_counts_bytes_for_json_and_forms(string mediaType)
    {
        const int Limit = 64;
        await using var server = await EmulatorHarness.StartAsync(options => options.MaxRequestBodySize = Limit);
        string Body(int length) => mediaType == "application/json"
            ? """{"visitor":{"token":"t"}}""".PadRight(length)
            : "visitor[token]=t&x=".PadRight(length, 'x');

        HttpStatusCode atLimit = await StatusOfAsync(server, Body(Limit), mediaType);
        HttpStatusCode overLimit = await StatusOfAsync(server, Body(Limit + 1), mediaType);

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, atLimit);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overLimit);
    }

    [Theory]
    [InlineData(7, null)]
    [InlineData(8, null)]
    [InlineData(9, "error-file-too-large")]
    public async Task An_upload_may_be_as_large_as_FileUpload_MaxFileSize_and_not_a_byte_larger(int fileBytes, string? error)
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.MaxFileSize = 8);
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        var file = new FilePart(new MemoryStream(new byte[fileBytes]), "file.bin", "application/octet-stream");

        Exception? failure = await Record.ExceptionAsync(() => server.Anonymous.Messages.UploadFileAsync(room.Id, visitor.Token, file));

        Assert.Equal(error, (failure as RocketChatApiException)?.ErrorCode);
        if (error is null)
        {
            Assert.Null(failure);
        }
    }

    private static async Task<HttpStatusCode> StatusOfAsync(EmulatorHarness server, string body, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/livechat/visitor")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } },
        };
        using HttpResponseMessage response = await server.Http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A visitor registration padded with spaces (still valid JSON) to exactly <paramref name="length"/> bytes.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> PostPaddedAsync(EmulatorHarness server, string token, long length, bool chunked)
    {
        byte[] json = Encoding.UTF8.GetBytes($$$"""{"visitor":{"token":"{{{token}}}"}}""");
        byte[] body = new byte[length];
        Array.Fill(body, (byte)' ');
        json.CopyTo(body, 0);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/livechat/visitor");
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content = content;
        request.Headers.TransferEncodingChunked = chunked;
        using HttpResponseMessage response = await server.Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? string.Empty : text);
    }
}
