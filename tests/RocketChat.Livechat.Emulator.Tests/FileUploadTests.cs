using System.Net;
using System.Text;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>POST livechat/upload/:rid through the generated client: the file message, its history, and upload.ts's refusals.</summary>
public sealed class FileUploadTests
{
    private static FilePart File(string name, string type, string content = "file-bytes") =>
        new(new MemoryStream(Encoding.UTF8.GetBytes(content)), name, type);

    [Fact]
    public async Task An_uploaded_image_becomes_a_file_message_that_the_history_shows()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync(name: "Maria");

        UploadFileResponse sent = await server.Anonymous.Messages.UploadFileAsync(
            room.Id, visitor.Token, File("charge.png", "image/png", "0123456789"), description: "The duplicate charge", text: "See this");

        Assert.True(sent.Success);
        Assert.False(sent.NewRoom);
        Assert.Equal("See this", sent.Text);
        Assert.Equal(visitor.Token, sent.Token);
        Assert.Equal("Maria", sent.Alias);
        MessageFile file = sent.File!;
        Assert.Equal(("charge.png", "image/png", 10L, "png"), (file.Name, file.Type, file.Size, file.Format));
        Assert.Equal(file.Id, Assert.Single(sent.Files!).Id);
        MessageAttachment attachment = Assert.Single(sent.Attachments!);
        Assert.Equal("file", attachment.Type);
        Assert.Equal("charge.png", attachment.Title);
        Assert.Equal($"/file-upload/{file.Id}/charge.png", attachment.TitleLink);
        Assert.Equal(attachment.TitleLink, attachment.ImageUrl);
        Assert.Equal("image/png", attachment.ImageType);
        Assert.Equal(10L, attachment.ImageSize);
        Assert.Equal("The duplicate charge", attachment.Description);
        Assert.True(attachment.TitleLinkDownload);

        GetMessageHistoryResponse history = await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token);
        Message stored = Assert.Single(history.Messages, m => m.Id == sent.Id);
        Assert.Equal(file.Id, stored.File?.Id);
        Assert.Equal("image/png", Assert.Single(stored.Attachments!).ImageType);
        LivechatRoom updated = (await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token)).Room;
        Assert.Equal(sent.Id, updated.LastMessage?.Id);
    }

    [Fact]
    public async Task A_file_that_is_not_a_picture_carries_its_format_and_size_and_an_empty_text()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        UploadFileResponse sent = await server.Anonymous.Messages.UploadFileAsync(room.Id, visitor.Token, File("Invoice 2024.PDF", "application/pdf", "%PDF"));

        Assert.Equal(string.Empty, sent.Text);
        MessageAttachment attachment = Assert.Single(sent.Attachments!);
        Assert.Equal("pdf", attachment.Format);
        Assert.Equal(4L, attachment.Size);
        Assert.Null(attachment.ImageUrl);
        Assert.Equal($"/file-upload/{sent.File!.Id}/Invoice%202024.PDF", attachment.TitleLink);
    }

    [Fact]
    public async Task A_wrong_token_or_a_room_of_another_visitor_is_forbidden_before_the_file_is_looked_at()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        (Visitor other, _) = await server.StartChatAsync();

        var unknown = await Assert.ThrowsAsync<RocketChatForbiddenException>(
            () => server.Anonymous.Messages.UploadFileAsync(room.Id, "no-such-token", File("a.svg", "image/svg+xml")));
        var foreign = await Assert.ThrowsAsync<RocketChatForbiddenException>(
            () => server.Anonymous.Messages.UploadFileAsync(room.Id, other.Token, File("a.png", "image/png")));

        Assert.Equal("unauthorized", unknown.Error);
        Assert.Equal("unauthorized", foreign.Error);
        Assert.DoesNotContain((await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token)).Messages, m => m.File is not null);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_error_file_too_large()
    {
        await using var server = await EmulatorHarness.StartAsync(o => o.MaxFileSize = 8);
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        var error = await Assert.ThrowsAsync<RocketChatApiException>(
            () => server.Anonymous.Messages.UploadFileAsync(room.Id, visitor.Token, File("big.txt", "text/plain", "123456789")));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("error-file-too-large", error.ErrorCode);
    }

    [Fact]
    public async Task A_refused_media_type_answers_with_a_reason()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        ApiResponse response = await server.SendAsync(HttpMethod.Post, $"/api/v1/livechat/upload/{room.Id}", configure: request =>
        {
            request.Headers.Add("x-visitor-token", visitor.Token);
            var form = new MultipartFormDataContent();
            var svg = new ByteArrayContent("<svg/>"u8.ToArray());
            svg.Headers.ContentType = new("image/svg+xml");
            form.Add(svg, "file", "logo.svg");
            request.Content = form;
        });

        response.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "reason": "error-type-not-allowed" }""");
    }

    [Theory]
    [InlineData("other", "[invalid-field]")]
    [InlineData(null, "[No file uploaded]")]
    public async Task The_file_must_come_in_the_file_field(string? field, string error)
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        ApiResponse response = await server.SendAsync(HttpMethod.Post, $"/api/v1/livechat/upload/{room.Id}", configure: request =>
        {
            request.Headers.Add("x-visitor-token", visitor.Token);
            var form = new MultipartFormDataContent { { new StringContent("hello"), "msg" } };
            if (field is not null)
            {
                form.Add(new ByteArrayContent([1, 2, 3]), field, "a.bin");
            }

            request.Content = form;
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(error, response.Text("error"));
    }

    [Fact]
    public async Task A_json_body_is_not_a_form()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();

        ApiResponse response = await server.SendAsync(HttpMethod.Post, $"/api/v1/livechat/upload/{room.Id}", "{}", configure: r => r.Headers.Add("x-visitor-token", visitor.Token));

        response.ShouldBe(HttpStatusCode.BadRequest, """{ "success": false, "error": "Unsupported content type: application/json" }""");
    }
}
