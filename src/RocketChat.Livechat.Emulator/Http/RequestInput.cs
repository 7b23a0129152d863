using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RocketChat.Livechat.Emulator.Http;

/// <summary>
/// Reads the query string and body into JSON the way Rocket.Chat's Node stack sees them: <c>qs</c> turns
/// <c>a[]=x</c> and repeated keys into arrays and <c>a[b]=x</c> into objects, and the body parsers accept JSON and
/// URL-encoded forms (a missing body is an empty object).
/// </summary>
internal static class RequestInput
{
    public static JsonObject ReadQuery(IQueryCollection query)
    {
        var result = new JsonObject();
        foreach ((string rawKey, Microsoft.Extensions.Primitives.StringValues values) in query)
        {
            int bracket = rawKey.IndexOf('[', StringComparison.Ordinal);
            if (bracket > 0 && rawKey.EndsWith(']'))
            {
                string name = rawKey[..bracket];
                string inner = rawKey[(bracket + 1)..^1];
                if (inner.Length == 0 || int.TryParse(inner, out _))
                {
                    JsonArray array = result[name] as JsonArray ?? [];
                    foreach (string? value in values)
                    {
                        array.Add((JsonNode?)JsonValue.Create(value));
                    }

                    result[name] = array;
                }
                else
                {
                    JsonObject nested = result[name] as JsonObject ?? [];
                    nested[inner] = values.Count == 1 ? JsonValue.Create(values[0]) : ToArray(values);
                    result[name] = nested;
                }
            }
            else
            {
                result[rawKey] = values.Count == 1 ? JsonValue.Create(values[0]) : ToArray(values);
            }
        }

        return result;
    }

    public static async Task<JsonNode?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            IFormCollection form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            var fields = new JsonObject();
            foreach ((string key, Microsoft.Extensions.Primitives.StringValues values) in form)
            {
                fields[key] = values.Count == 1 ? JsonValue.Create(values[0]) : ToArray(values);
            }

            return fields;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        ReadOnlySpan<byte> body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length).Trim(" \t\r\n"u8);
        if (body.IsEmpty)
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            throw ApiErrors.MalformedBody(ex.Message);
        }
    }

    private static JsonArray ToArray(Microsoft.Extensions.Primitives.StringValues values)
    {
        var array = new JsonArray();
        foreach (string? value in values)
        {
            array.Add((JsonNode?)JsonValue.Create(value));
        }

        return array;
    }
}
