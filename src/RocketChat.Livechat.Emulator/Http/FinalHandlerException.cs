using System.Text;
using Microsoft.AspNetCore.Http;

namespace RocketChat.Livechat.Emulator.Http;

/// <summary>
/// An error that never reaches the REST API's routes: body-parser fails it in the middleware chain in front of them
/// (<c>WebApp.connectHandlers</c>), Meteor's webapp passes it on with <c>next(err)</c>, and Express's default final
/// handler (the <c>finalhandler</c> package) answers with a small HTML page. On a production server
/// (<c>NODE_ENV=production</c>) the page shows only the status text.
/// </summary>
internal sealed class FinalHandlerException(int statusCode, string statusText) : Exception(statusText)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>body-parser's <c>PayloadTooLargeError</c> (limit exceeded, declared or while reading).</summary>
    public static FinalHandlerException PayloadTooLarge() => new(StatusCodes.Status413PayloadTooLarge, "Payload Too Large");

    /// <summary>Writes finalhandler's page and headers.</summary>
    public async Task WriteAsync(HttpContext context)
    {
        byte[] page = Encoding.UTF8.GetBytes(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n</head>\n<body>\n"
            + $"<pre>{Message}</pre>\n</body>\n</html>\n");
        HttpResponse response = context.Response;
        response.StatusCode = StatusCode;
        response.Headers.ContentSecurityPolicy = "default-src 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = page.Length;
        await response.Body.WriteAsync(page, context.RequestAborted).ConfigureAwait(false);
    }
}
