using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RocketChat.Contracts.Runtime;

/// <summary>
/// One call being built by a generated client: path segments escaped one by one, a query string with
/// lower-case booleans, arrays and objects in the contract's OpenAPI style, JSON-valued parameters, headers and a JSON body.
/// </summary>
public sealed class ApiRequest
{
    private static readonly System.Net.Http.Headers.MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };

    // Path then query in one builder: generated clients append every path piece before the first query value.
    private readonly StringBuilder _target = new(128);
    private bool _hasQuery;
    private List<KeyValuePair<string, string>>? _headers;
    private List<FormEntry>? _form;
    private bool _multipart;
    private string? _textBody;
    private FilePart? _streamBody;
    private string? _rawMediaType;

    /// <summary>Starts a request for <paramref name="operation"/> (the contract's name, used in errors and logs).</summary>
    public ApiRequest(HttpMethod method, string operation, OperationSecurity security)
    {
        ArgumentNullException.ThrowIfNull(security);
        Method = method;
        Operation = operation;
        Security = security;
    }

    /// <summary>Starts a request that needs Rocket.Chat's X-User-Id/X-Auth-Token pair, or no credentials at all.</summary>
    public ApiRequest(HttpMethod method, string operation, bool requiresAuthentication)
        : this(method, operation, requiresAuthentication ? RocketChatLoginSecurity.Required : OperationSecurity.Public)
    {
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The operation name from the contract.</summary>
    public string Operation { get; }

    /// <summary>The security schemes whose credentials are sent, from the contract's <c>security</c>.</summary>
    public OperationSecurity Security { get; }

    /// <summary>The Accept header: JSON unless the contract's response is text or binary.</summary>
    public string Accept { get; set; } = "application/json";

    /// <summary>Whether the call must not go out without credentials.</summary>
    public bool RequiresAuthentication => Security.IsRequired;

    /// <summary>The JSON body, already serialized, or null.</summary>
    public byte[]? Body { get; private set; }

    /// <summary>The relative path and query, e.g. "api/v1/livechat/visitor/abc?x=1".</summary>
    public string RelativeUri => _target.ToString();

    /// <summary><paramref name="serverUri"/> followed by the path and query, built as one string (no relative copy first).</summary>
    internal string AbsoluteUri(string serverUri) =>
        string.Create(serverUri.Length + _target.Length, (serverUri, _target), static (span, state) =>
        {
            state.serverUri.AsSpan().CopyTo(span);
            state._target.CopyTo(0, span[state.serverUri.Length..], state._target.Length);
        });

    /// <summary>Appends literal path text from the contract (trusted, already valid).</summary>
    public ApiRequest AppendPath(string literal)
    {
        EnsureNoQueryYet();

        // Paths are relative to the server URL, so only a leading '/' goes; separators between segments stay.
        _target.Append(_target.Length == 0 ? literal.TrimStart('/') : literal);
        return this;
    }

    /// <summary>Appends a path parameter as exactly one segment: '/', '?', '#', '%' are escaped and "." or ".." cannot climb.</summary>
    public ApiRequest AppendPathParameter(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        EnsureNoQueryYet();
        _target.Append(EscapeSegment(value));
        return this;
    }

    /// <summary>Adds a string query parameter; null is left out.</summary>
    public ApiRequest AddQuery(string name, string? value)
    {
        if (value is not null)
        {
            _target.Append(_hasQuery ? '&' : '?');
            _hasQuery = true;
            _target.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    /// <summary>Adds a boolean as "true"/"false".</summary>
    public ApiRequest AddQuery(string name, bool? value) => AddQuery(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds an integer in invariant culture.</summary>
    public ApiRequest AddQuery(string name, long? value) => AddQuery(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number in invariant, round-trippable form.</summary>
    // Stryker disable once String : since .NET Core 3.0 the default format is the shortest round-trippable text, as "R" is.
    public ApiRequest AddQuery(string name, double? value) => AddQuery(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds a date as ISO 8601 with milliseconds, the form Rocket.Chat parses.</summary>
    public ApiRequest AddQuery(string name, DateTimeOffset? value) =>
        AddQuery(name, value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    /// <summary>
    /// Adds an array parameter in the contract's <paramref name="style"/>. The name is sent as written: a contract
    /// that wants Rocket.Chat's <c>name[]=value</c> form names the parameter <c>name[]</c>.
    /// </summary>
    public ApiRequest AddQueryArray(string name, IEnumerable<string>? values, QueryStyle style = QueryStyle.FormExploded)
    {
        if (values is null)
        {
            return this;
        }

        if (style == QueryStyle.FormExploded)
        {
            foreach (string value in values)
            {
                AddQuery(name, value);
            }

            return this;
        }

        // Values are escaped one by one so that a separator inside a value cannot split it.
        string separator = style switch
        {
            QueryStyle.Form => ",",
            QueryStyle.SpaceDelimited => "%20",
            QueryStyle.PipeDelimited => "|",
            _ => throw new ArgumentOutOfRangeException(nameof(style), style, "Arrays are sent in form, spaceDelimited or pipeDelimited style."),
        };
        AppendQueryName(name);
        bool first = true;
        foreach (string value in values)
        {
            if (!first)
            {
                _target.Append(separator);
            }

            first = false;
            _target.Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    /// <summary>
    /// Adds an object parameter from its properties (JSON name, wire text; null is left out): exploded form sends
    /// each property as its own parameter, form sends <c>name=key,value,...</c>, deepObject <c>name[key]=value</c>.
    /// </summary>
    public ApiRequest AddQueryObject(string name, ReadOnlySpan<KeyValuePair<string, string?>> properties, QueryStyle style)
    {
        switch (style)
        {
            case QueryStyle.FormExploded:
                foreach (KeyValuePair<string, string?> property in properties)
                {
                    AddQuery(property.Key, property.Value);
                }

                break;
            case QueryStyle.DeepObject:
                foreach (KeyValuePair<string, string?> property in properties)
                {
                    AddQuery(string.Concat(name, "[", property.Key, "]"), property.Value);
                }

                break;
            case QueryStyle.Form:
                AppendQueryName(name);
                bool first = true;
                foreach (KeyValuePair<string, string?> property in properties)
                {
                    if (property.Value is null)
                    {
                        continue;
                    }

                    _target.Append(first ? string.Empty : ",").Append(Uri.EscapeDataString(property.Key)).Append(',').Append(Uri.EscapeDataString(property.Value));
                    first = false;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(style), style, "Objects are sent in form or deepObject style.");
        }

        return this;
    }

    /// <summary>Adds a map parameter (<c>additionalProperties</c>) like an object whose keys are the map's keys.</summary>
    public ApiRequest AddQueryObject(string name, IEnumerable<KeyValuePair<string, string?>>? properties, QueryStyle style) =>
        properties is null ? this : AddQueryObject(name, properties.ToArray().AsSpan(), style);

    /// <summary>
    /// Adds a free-form (untyped) value: a string, number or boolean as its text, an object or array as its JSON
    /// text (what Rocket.Chat reads for sort, fields and query); null or undefined is left out.
    /// </summary>
    public ApiRequest AddQueryValue(string name, JsonElement? value) => value?.ValueKind switch
    {
        null or JsonValueKind.Undefined or JsonValueKind.Null => this,
        JsonValueKind.String => AddQuery(name, value.Value.GetString()),
        _ => AddQuery(name, value.Value.GetRawText()),
    };

    /// <summary>Adds a JSON-valued parameter (sort, createdAt ranges, custom-field filters) as its JSON text.</summary>
    public ApiRequest AddQueryJson<T>(string name, T? value, JsonTypeInfo<T> typeInfo)
    {
        if (value is not null)
        {
            AddQuery(name, JsonSerializer.Serialize(value, typeInfo));
        }

        return this;
    }

    /// <summary>Adds an array header in OpenAPI's simple style: the values joined by commas; null is left out.</summary>
    public ApiRequest AddHeaderArray(string name, IEnumerable<string>? values) =>
        AddHeader(name, values is null ? null : string.Join(',', values));

    /// <summary>Appends an array path parameter in simple style: each value escaped, joined by commas.</summary>
    public ApiRequest AppendPathArray(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        EnsureNoQueryYet();
        _target.AppendJoin(',', values.Select(EscapeSegment));
        return this;
    }

    /// <summary>Adds a header; null is left out.</summary>
    public ApiRequest AddHeader(string name, string? value)
    {
        if (value is not null)
        {
            (_headers ??= new()).Add(new(name, value));
        }

        return this;
    }

    /// <summary>Sends the form fields that follow as multipart/form-data.</summary>
    public ApiRequest UseMultipartForm()
    {
        _form ??= [];
        _multipart = true;
        return this;
    }

    /// <summary>Sends the form fields that follow as application/x-www-form-urlencoded.</summary>
    public ApiRequest UseUrlEncodedForm()
    {
        _form ??= [];
        _multipart = false;
        return this;
    }

    /// <summary>Adds a text form field; null is left out.</summary>
    public ApiRequest AddFormField(string name, string? value)
    {
        if (value is not null)
        {
            Form.Add(new(name, value, null));
        }

        return this;
    }

    /// <summary>Adds a text form field once per value (an array field); null is left out.</summary>
    public ApiRequest AddFormFields(string name, IEnumerable<string>? values)
    {
        foreach (string value in values ?? [])
        {
            AddFormField(name, value);
        }

        return this;
    }

    /// <summary>Adds a file part; null is left out. The stream stays the caller's.</summary>
    public ApiRequest AddFormFile(string name, FilePart? file)
    {
        if (file is not null)
        {
            if (!_multipart)
            {
                throw new InvalidOperationException("Files are sent in multipart/form-data bodies only.");
            }

            Form.Add(new(name, null, file));
        }

        return this;
    }

    /// <summary>Adds one file part per file under the same name; null is left out.</summary>
    public ApiRequest AddFormFiles(string name, IEnumerable<FilePart>? files)
    {
        foreach (FilePart file in files ?? [])
        {
            AddFormFile(name, file);
        }

        return this;
    }

    /// <summary>Sends <paramref name="text"/> as the body, UTF-8, with <paramref name="mediaType"/>; null sends no body.</summary>
    public ApiRequest SetTextBody(string? text, string mediaType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        _textBody = text;
        _rawMediaType = mediaType;
        return this;
    }

    /// <summary>Sends <paramref name="content"/> as the body with <paramref name="mediaType"/>; null sends no body. The stream stays the caller's.</summary>
    public ApiRequest SetStreamBody(Stream? content, string mediaType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        _streamBody = content is null ? null : new FilePart(content, "body", mediaType);
        _rawMediaType = mediaType;
        return this;
    }

    /// <summary>Whether the body can be sent a second time (after a 401 renewal): every file or body stream can rewind.</summary>
    public bool CanResend =>
        (_form is null || _form.TrueForAll(f => f.File is null || f.File.StartPosition >= 0))
        && (_streamBody is null || _streamBody.StartPosition >= 0);

    /// <summary>The body to send: JSON, a form, or none. Files are rewound to where they started, so a retry resends them whole.</summary>
    public HttpContent? CreateContent()
    {
        if (_textBody is not null)
        {
            var text = new StringContent(_textBody, Encoding.UTF8);
            text.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(_rawMediaType!) { CharSet = "utf-8" };
            return text;
        }

        if (_streamBody is { } stream)
        {
            if (stream.StartPosition >= 0)
            {
                stream.Content.Position = stream.StartPosition;
            }

            var raw = new FilePartContent(stream);
            raw.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(_rawMediaType!);
            return raw;
        }

        if (_form is null)
        {
            if (Body is null)
            {
                return null;
            }

            var json = new ByteArrayContent(Body);
            json.Headers.ContentType = s_json;
            return json;
        }

        if (!_multipart)
        {
            return new FormUrlEncodedContent(_form.Select(f => new KeyValuePair<string, string>(f.Name, f.Text!)));
        }

        var multipart = new MultipartFormDataContent();
        foreach (FormEntry entry in _form)
        {
            if (entry.File is { } file)
            {
                if (file.StartPosition >= 0)
                {
                    file.Content.Position = file.StartPosition;
                }

                var part = new FilePartContent(file);
                part.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(file.ContentType);
                multipart.Add(part, entry.Name, file.FileName);
            }
            else
            {
                // No Content-Type on text parts: RFC 7578's default (text/plain), as browsers send them.
                multipart.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(entry.Text!)), entry.Name);
            }
        }

        return multipart;
    }

    /// <summary>Serializes the body with the generated, reflection-free metadata.</summary>
    public ApiRequest SetJsonBody<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        Body = JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);
        return this;
    }

    /// <summary>The extra headers to send.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? [];

    private List<FormEntry> Form => _form ?? throw new InvalidOperationException("Call UseMultipartForm or UseUrlEncodedForm before adding form fields.");

    private sealed record FormEntry(string Name, string? Text, FilePart? File);

        private void AppendQueryName(string name)
    {
        _target.Append(_hasQuery ? '&' : '?');
        _hasQuery = true;
        _target.Append(Uri.EscapeDataString(name)).Append('=');
    }

    private void EnsureNoQueryYet()
    {
        if (_hasQuery)
        {
            throw new InvalidOperationException("Path segments must be appended before query parameters.");
        }
    }

    /// <summary>Escapes one path segment so that it stays one segment whatever it contains.</summary>
    public static string EscapeSegment(string value)
    {
        string escaped = Uri.EscapeDataString(value);

        // "." and ".." are unreserved, so EscapeDataString keeps them, and URI normalisation would climb a level.
        return escaped is "." or ".." ? escaped.Replace(".", "%2E", StringComparison.Ordinal) : escaped;
    }
}
