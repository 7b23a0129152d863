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
    // Path then query in one builder: generated clients append every path piece before the first query value.
    private readonly StringBuilder _target = new(128);
    private bool _hasQuery;
    private List<KeyValuePair<string, string>>? _headers;

    /// <summary>Starts a request for <paramref name="operation"/> (the contract's name, used in errors and logs).</summary>
    public ApiRequest(HttpMethod method, string operation, bool requiresAuthentication)
    {
        Method = method;
        Operation = operation;
        RequiresAuthentication = requiresAuthentication;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The operation name from the contract.</summary>
    public string Operation { get; }

    /// <summary>Whether X-User-Id/X-Auth-Token must be sent.</summary>
    public bool RequiresAuthentication { get; }

    /// <summary>The JSON body, already serialized, or null.</summary>
    public byte[]? Body { get; private set; }

    /// <summary>The relative path and query, e.g. "api/v1/livechat/visitor/abc?x=1".</summary>
    public string RelativeUri => _target.ToString();

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

    /// <summary>Serializes the body with the generated, reflection-free metadata.</summary>
    public ApiRequest SetJsonBody<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        Body = JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);
        return this;
    }

    /// <summary>The extra headers to send.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? [];

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
