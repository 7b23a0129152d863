using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RocketChat.Livechat.Emulator.Http;

/// <summary>
/// The outermost middleware: whatever escapes the routes still gets a JSON body in the API's error shape. An
/// <see cref="ApiException"/> thrown outside the gateway (the unknown-route fallback) is written as is, a bad
/// request that Kestrel refuses keeps its status, and anything else is logged and answered with a 500.
/// </summary>
internal sealed class SafetyNetMiddleware(RequestDelegate next, ILogger logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: there is nobody left to answer.
        }
        catch (ApiException ex) when (!context.Response.HasStarted)
        {
            await JsonResponses.ErrorAsync(context, ex.Error).ConfigureAwait(false);
        }
        catch (FinalHandlerException ex) when (!context.Response.HasStarted)
        {
            await ex.WriteAsync(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await JsonResponses.ErrorAsync(context, new ApiError(ex.StatusCode) { Error = ex.Message }).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            logger.LogError(ex, "Unexpected failure on {Method} {Path}", context.Request.Method, context.Request.Path.Value);
            context.Response.Clear();
            await JsonResponses.ErrorAsync(context, ApiErrors.Internal().Error).ConfigureAwait(false);
        }
    }
}
