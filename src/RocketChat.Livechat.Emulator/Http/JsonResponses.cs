using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace RocketChat.Livechat.Emulator.Http;

/// <summary>Writes JSON bodies with Rocket.Chat's success envelope (<c>{...fields, success: true}</c>).</summary>
internal static class JsonResponses
{
    // Like JSON.stringify: non-ASCII and '+' go out as written, not as \u escapes.
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <c>{ ...fields, success: true }</c> with status 200.</summary>
    public static Task SuccessAsync(HttpContext context, Action<Utf8JsonWriter>? writeFields = null) =>
        WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writeFields?.Invoke(writer);
            writer.WriteBoolean("success", true);
            writer.WriteEndObject();
        });

    /// <summary>Writes a generated response model with status 200, through its generated converter.</summary>
    public static Task ModelAsync<T>(HttpContext context, T model, JsonTypeInfo<T> typeInfo) =>
        WriteAsync(context, StatusCodes.Status200OK, writer => JsonSerializer.Serialize(writer, model, typeInfo));

    public static Task ErrorAsync(HttpContext context, ApiError error) => WriteAsync(context, error.StatusCode, error.WriteTo);

    /// <summary>Serializes into a buffer first, so a failure while writing cannot leave half a body on the wire.</summary>
    public static async Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> writeBody)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writeBody(writer);
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
