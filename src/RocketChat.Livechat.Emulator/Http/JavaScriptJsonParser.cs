using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RocketChat.Livechat.Emulator.Http;

/// <summary>
/// Parses JSON with the semantics of JavaScript's <c>JSON.parse</c>, which is what Rocket.Chat's body parser and its
/// JSON query parameters use: a key given twice keeps its last value, and a lone surrogate escape (<c>"\ud800"</c>)
/// is accepted. A lone surrogate cannot live in a .NET string that is written back as UTF-8, so it becomes U+FFFD,
/// as Node's UTF-8 encoder turns it into when the server stores or sends the value.
/// </summary>
internal static class JavaScriptJsonParser
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 64 };

    /// <summary>Parses <paramref name="utf8"/>; throws <see cref="JsonException"/> for text that is not JSON.</summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8)
    {
        using JsonDocument document = JsonDocument.Parse(utf8.ToArray(), s_options);
        return ToNode(document.RootElement);
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="JsonException"/> for text that is not JSON.</summary>
    public static JsonNode? Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    private static JsonNode? ToNode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    // Assignment, not Add: a repeated key replaces the earlier value as JSON.parse does.
                    obj[ReadName(property)] = ToNode(property.Value);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (JsonElement item in element.EnumerateArray())
                {
                    array.Add(ToNode(item));
                }

                return array;
            case JsonValueKind.String:
                return JsonValue.Create(ReadString(element));
            case JsonValueKind.Number:
                return JsonValue.Create(element.Clone());
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }

    private static string ReadName(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return Unescape(Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8PropertyName(property)));
        }
    }

    /// <summary>
    /// The string's value; when it holds a lone surrogate escape or invalid UTF-8 (which .NET refuses to transcode),
    /// the raw bytes are decoded leniently, invalid sequences becoming U+FFFD as Node's decoder makes them.
    /// </summary>
    private static string ReadString(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(element);
            return Unescape(Encoding.UTF8.GetString(raw[1..^1]));
        }
    }

    /// <summary>Decodes the escapes of a JSON string body (already validated by the reader), replacing lone surrogates.</summary>
    private static string Unescape(string escaped)
    {
        var builder = new StringBuilder(escaped.Length);
        for (int i = 0; i < escaped.Length; i++)
        {
            char c = escaped[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            char kind = escaped[++i];
            builder.Append(kind switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => (char)int.Parse(escaped.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                _ => kind,
            });
            if (kind == 'u')
            {
                i += 4;
            }
        }

        return ReplaceLoneSurrogates(builder);
    }

    private static string ReplaceLoneSurrogates(StringBuilder text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                text[i] = '\uFFFD';
            }
        }

        return text.ToString();
    }
}
