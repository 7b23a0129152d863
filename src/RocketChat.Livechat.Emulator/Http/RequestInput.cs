using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

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

    /// <summary>
    /// The body as JSON. A body longer than <paramref name="maxBytes"/> is refused with body-parser's 413 as soon as
    /// that is known (from Content-Length, or while reading), so a huge body is never held in memory; a body of
    /// exactly <paramref name="maxBytes"/> is read. Multipart uploads are limited by the upload settings instead, as
    /// the server's file upload handler does.
    /// </summary>
    public static async Task<JsonNode?> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        bool isMultipart = request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
        if (request.ContentLength > maxBytes && !isMultipart)
        {
            throw FinalHandlerException.PayloadTooLarge();
        }

        if (request.HasFormContentType)
        {
            IFormCollection form = await ReadFormAsync(request, maxBytes, cancellationToken).ConfigureAwait(false);
            var fields = new JsonObject();
            foreach ((string key, Microsoft.Extensions.Primitives.StringValues values) in form)
            {
                fields[key] = values.Count == 1 ? JsonValue.Create(values[0]) : ToArray(values);
            }

            return fields;
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw FinalHandlerException.PayloadTooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        ReadOnlySpan<byte> body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length).Trim(" \t\r\n"u8);
        if (body.IsEmpty)
        {
            return new JsonObject();
        }

        try
        {
            return JavaScriptJsonParser.Parse(body);
        }
        catch (JsonException ex)
        {
            throw ApiErrors.MalformedBody(ex.Message);
        }
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(new FormOptions { ValueLengthLimit = (int)Math.Min(maxBytes, int.MaxValue) }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            throw FinalHandlerException.PayloadTooLarge();
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
