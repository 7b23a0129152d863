using System.Text;
using System.Text.Json;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>How a request is built before anything is sent: the target text, the body, and the mistakes refused.</summary>
public sealed class ApiRequestTests
{
    private static ApiRequest Get() => new(HttpMethod.Get, "Probe", requiresAuthentication: false);

    [Fact]
    public void Scalars_are_written_in_invariant_wire_form()
    {
        ApiRequest request = Get().AppendPath("/api/v1/probe")
            .AddQuery("yes", true)
            .AddQuery("no", false)
            .AddQuery("big", 9_007_199_254_740_993L)
            .AddQuery("ratio", 0.1)
            .AddQuery("at", new DateTimeOffset(2024, 3, 5, 12, 20, 30, 45, TimeSpan.FromHours(2)))
            .AddQuery("none", (bool?)null)
            .AddQuery("nothing", (double?)null)
            .AddQuery("never", (DateTimeOffset?)null)
            .AddQuery("empty", (long?)null);

        Assert.Equal("api/v1/probe?yes=true&no=false&big=9007199254740993&ratio=0.1&at=2024-03-05T10%3A20%3A30.045Z", request.RelativeUri);
    }

    [Fact]
    public void A_path_parameter_of_dots_cannot_climb_and_separators_stay_inside_it()
    {
        Assert.Equal("%2E", ApiRequest.EscapeSegment("."));
        Assert.Equal("%2E%2E", ApiRequest.EscapeSegment(".."));
        Assert.Equal("...", ApiRequest.EscapeSegment("..."));
        Assert.Equal("a%2Fb%3Fc%23d%25", ApiRequest.EscapeSegment("a/b?c#d%"));
        Assert.Equal("rooms/%2E%2E/x,y%2Cz", Get().AppendPath("rooms/").AppendPathParameter("..").AppendPath("/").AppendPathArray(["x", "y,z"]).RelativeUri);
    }

    [Fact]
    public void Path_pieces_after_the_query_are_refused()
    {
        ApiRequest request = Get().AppendPath("a").AddQuery("q", "1");

        Assert.Equal("Path segments must be appended before query parameters.", Assert.Throws<InvalidOperationException>(() => request.AppendPath("b")).Message);
        Assert.Throws<InvalidOperationException>(() => request.AppendPathParameter("b"));
        Assert.Throws<InvalidOperationException>(() => request.AppendPathArray(["b"]));
        Assert.Throws<ArgumentNullException>(() => Get().AppendPathParameter(null!));
        Assert.Throws<ArgumentNullException>(() => Get().AppendPathArray(null!));
    }

    [Fact]
    public void Only_the_first_path_piece_loses_its_leading_slash()
    {
        Assert.Equal("api/v1/rooms/x", Get().AppendPath("/api/v1").AppendPath("/rooms/").AppendPathParameter("x").RelativeUri);
    }

    [Fact]
    public void An_array_or_object_style_that_does_not_fit_is_refused()
    {
        Assert.StartsWith(
            "Arrays are sent in form, spaceDelimited or pipeDelimited style.",
            Assert.Throws<ArgumentOutOfRangeException>(() => Get().AddQueryArray("a", ["x"], QueryStyle.DeepObject)).Message,
            StringComparison.Ordinal);
        Assert.StartsWith(
            "Objects are sent in form or deepObject style.",
            Assert.Throws<ArgumentOutOfRangeException>(() => Get().AddQueryObject("o", [new("k", "v")], QueryStyle.PipeDelimited)).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_needs_its_security()
    {
        Assert.Throws<ArgumentNullException>(() => new ApiRequest(HttpMethod.Get, "Probe", (OperationSecurity)null!));
    }

    [Fact]
    public async Task Choosing_the_form_encoding_again_keeps_the_fields_already_added()
    {
        HttpContent urlEncoded = Get().UseMultipartForm().AddFormField("a", "1").UseUrlEncodedForm().AddFormField("b", "2").CreateContent()!;
        Assert.Equal("a=1&b=2", await urlEncoded.ReadAsStringAsync());

        var multipart = Assert.IsType<MultipartFormDataContent>(Get().UseUrlEncodedForm().AddFormField("a", "1").UseMultipartForm().AddFormField("b", "2").CreateContent());
        Assert.Equal(2, multipart.Count());
    }

    [Fact]
    public async Task A_forward_only_body_is_sent_without_a_length_and_without_seeking()
    {
        using var stream = new ForwardOnlyStream();
        HttpContent content = Get().SetStreamBody(stream, "application/octet-stream").CreateContent()!;

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal([1, 2], await content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void Arrays_and_objects_after_another_parameter_join_with_an_ampersand()
    {
        ApiRequest request = Get().AddQuery("first", "1")
            .AddQueryArray("piped", ["a", "b c"], QueryStyle.PipeDelimited)
            .AddQueryObject("form", [new("k", "v"), new("skip", null), new("k2", "w")], QueryStyle.Form)
            .AddQueryObject("map", (IEnumerable<KeyValuePair<string, string?>>?)null, QueryStyle.Form)
            .AddQueryArray("none", null);

        Assert.Equal("?first=1&piped=a|b%20c&form=k,v,k2,w", request.RelativeUri);
    }

    [Fact]
    public void A_free_form_null_or_missing_value_is_left_out_and_a_string_is_sent_as_text()
    {
        using JsonDocument values = JsonDocument.Parse("""{"n":null,"s":"a b","o":{"x":1}}""");

        ApiRequest request = Get()
            .AddQueryValue("missing", null)
            .AddQueryValue("n", values.RootElement.GetProperty("n"))
            .AddQueryValue("undefined", default(JsonElement))
            .AddQueryValue("s", values.RootElement.GetProperty("s"))
            .AddQueryValue("o", values.RootElement.GetProperty("o"));

        Assert.Equal("?s=a%20b&o=%7B%22x%22%3A1%7D", request.RelativeUri);
    }

    [Fact]
    public void Headers_are_kept_in_order_and_null_ones_left_out()
    {
        ApiRequest request = Get().AddHeader("X-A", "1").AddHeader("X-Null", null).AddHeaderArray("X-List", ["a", "b"]).AddHeaderArray("X-None", null);

        Assert.Equal(new KeyValuePair<string, string>[] { new("X-A", "1"), new("X-List", "a,b") }, request.Headers);
        Assert.Empty(Get().Headers);
    }

    [Fact]
    public void Form_fields_need_a_form_and_files_need_multipart()
    {
        Assert.Equal(
            "Call UseMultipartForm or UseUrlEncodedForm before adding form fields.",
            Assert.Throws<InvalidOperationException>(() => Get().AddFormField("a", "b")).Message);
        using var file = new MemoryStream([1]);
        Assert.Equal(
            "Files are sent in multipart/form-data bodies only.",
            Assert.Throws<InvalidOperationException>(() => Get().UseUrlEncodedForm().AddFormFile("f", new FilePart(file, "f.bin"))).Message);
        Assert.Throws<InvalidOperationException>(() => Get().UseMultipartForm().UseUrlEncodedForm().AddFormFile("f", new FilePart(file, "f.bin")));
    }

    [Fact]
    public async Task A_url_encoded_form_sends_every_value_of_an_array_field()
    {
        HttpContent content = Get().UseUrlEncodedForm().AddFormField("a", "1").AddFormFields("tags", ["x", "y z"]).AddFormFields("none", null).AddFormField("skip", null).CreateContent()!;

        Assert.Equal("a=1&tags=x&tags=y+z", await content.ReadAsStringAsync());
        Assert.Equal("application/x-www-form-urlencoded", content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_text_body_is_utf8_with_its_media_type_and_a_null_text_sends_nothing()
    {
        HttpContent content = Get().SetTextBody("é", "text/csv").CreateContent()!;

        Assert.Equal("text/csv", content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", content.Headers.ContentType.CharSet);
        Assert.Equal(Encoding.UTF8.GetBytes("é"), await content.ReadAsByteArrayAsync());
        Assert.Null(Get().SetTextBody(null, "text/csv").CreateContent());
        Assert.Null(Get().SetStreamBody(null, "application/octet-stream").CreateContent());
        Assert.Throws<ArgumentException>(() => Get().SetTextBody("x", " "));
        Assert.Throws<ArgumentException>(() => Get().SetStreamBody(new MemoryStream(), ""));
    }

    [Fact]
    public async Task A_json_body_is_utf8_json_and_no_body_is_no_content()
    {
        HttpContent content = Get().SetJsonBody(7, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<int>)JsonSerializerOptions.Default.GetTypeInfo(typeof(int))).CreateContent()!;

        Assert.Equal("application/json", content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", content.Headers.ContentType.CharSet);
        Assert.Equal("7", await content.ReadAsStringAsync());
        Assert.Null(Get().CreateContent());
    }

    [Fact]
    public void Only_rewindable_bodies_can_be_sent_again()
    {
        using var seekable = new MemoryStream([1, 2]);
        using var forwardOnly = new ForwardOnlyStream();

        Assert.True(Get().CanResend);
        Assert.True(Get().UseMultipartForm().AddFormField("a", "b").AddFormFile("f", new FilePart(seekable, "f.bin")).CanResend);
        Assert.False(Get().UseMultipartForm().AddFormFile("f", new FilePart(forwardOnly, "f.bin")).CanResend);
        Assert.True(Get().SetStreamBody(seekable, "application/octet-stream").CanResend);
        Assert.False(Get().SetStreamBody(forwardOnly, "application/octet-stream").CanResend);
    }

    [Fact]
    public async Task A_stream_body_is_sent_from_where_it_started_each_time()
    {
        using var stream = new MemoryStream([1, 2, 3]);
        stream.Position = 1;
        ApiRequest request = Get().SetStreamBody(stream, "image/png");

        Assert.Equal([2, 3], await request.CreateContent()!.ReadAsByteArrayAsync());
        HttpContent again = request.CreateContent()!;
        Assert.Equal([2, 3], await again.ReadAsByteArrayAsync());
        Assert.Equal("image/png", again.Headers.ContentType!.MediaType);

        using var fromStart = new MemoryStream([4, 5]);
        ApiRequest whole = Get().SetStreamBody(fromStart, "image/png");
        Assert.Equal([4, 5], await whole.CreateContent()!.ReadAsByteArrayAsync());
        Assert.Equal([4, 5], await whole.CreateContent()!.ReadAsByteArrayAsync());
    }

    [Fact]
    public void A_file_part_needs_a_readable_stream_and_a_name_and_defaults_its_type()
    {
        using var stream = new MemoryStream([1]);
        Assert.Equal("application/octet-stream", new FilePart(stream, "a.bin").ContentType);
        Assert.Equal("application/octet-stream", new FilePart(stream, "a.bin", " ").ContentType);
        Assert.Equal("image/png", new FilePart(stream, "a.png", "image/png").ContentType);
        Assert.Throws<ArgumentNullException>(() => new FilePart(null!, "a.bin"));
        Assert.Throws<ArgumentException>(() => new FilePart(stream, " "));
        using var closed = new MemoryStream();
        closed.Dispose();
        Assert.Equal("content", Assert.Throws<ArgumentException>(() => new FilePart(closed, "a.bin")).ParamName);
    }

    private sealed class ForwardOnlyStream : MemoryStream
    {
        public ForwardOnlyStream()
            : base([1, 2])
        {
        }

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}
