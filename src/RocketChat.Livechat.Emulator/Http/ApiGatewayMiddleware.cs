using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Security;
using RocketChat.Livechat.Emulator.Services;
using RocketChat.Livechat.Emulator.TwoFactor;
using RocketChat.Livechat.Emulator.Validation;

namespace RocketChat.Livechat.Emulator.Http;

/// <summary>
/// Runs the checks of Rocket.Chat's ApiClass route wrapper for every endpoint carrying <see cref="ApiRoute"/>, in
/// the server's order: the body parsers (413, 400), authentication (401), rate limiting (429), parameter validation
/// (400), route permissions (403), the second factor of <c>twoFactorRequired</c> routes (400); then the handler. Any
/// <see cref="ApiException"/> becomes the matching error body.
/// </summary>
internal sealed class ApiGatewayMiddleware(RequestDelegate next, AccountService accounts, RateLimiter rateLimiter, EmulatorOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        Endpoint? endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<ApiRoute>() is not { } route)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        try
        {
            // The body parsers sit in front of the API's router, so an oversized or malformed body fails first,
            // whoever calls and however often.
            JsonNode? body = HttpMethods.IsGet(context.Request.Method)
                ? null
                : await RequestInput.ReadBodyAsync(context.Request, options.MaxRequestBodySize, context.RequestAborted).ConfigureAwait(false);

            // Like the 8.x route wrapper, the caller is identified only on routes that require authentication: staff
            // headers on a public route neither identify anyone nor exempt the call from the rate limiter.
            UserRecord? caller = route.RequiresAuthentication
                ? accounts.Authenticate(context.Request.Headers["X-User-Id"].ToString(), context.Request.Headers["X-Auth-Token"].ToString())
                : null;
            if (route.RequiresAuthentication && caller is null)
            {
                throw ApiErrors.NotLoggedIn();
            }

            EnforceRateLimit(context, endpoint, route, caller);

            JsonObject query = RequestInput.ReadQuery(context.Request.Query);
            if (route.Query is { } querySchema)
            {
                JsonNode? queryNode = query;
                Validate(ref queryNode, querySchema, coerceArrays: true);
            }

            if (route.Body is { } bodySchema)
            {
                Validate(ref body, bodySchema, coerceArrays: false);
            }

            if (route.Permissions.Count > 0
                && (caller is null || !(route.AnyPermission ? Permissions.HasAny(caller, [.. route.Permissions]) : Permissions.HasAll(caller, route.Permissions))))
            {
                throw ApiErrors.MissingPermission();
            }

            if (route.TwoFactorRequired && caller is not null)
            {
                CheckSecondFactor(context, caller);
            }

            context.Features.Set(new ApiCall { Caller = caller, Query = query, Body = body });
            await next(context).ConfigureAwait(false);
        }
        catch (ApiException ex) when (!context.Response.HasStarted)
        {
            await JsonResponses.ErrorAsync(context, ex.Error).ConfigureAwait(false);
        }
        catch (FinalHandlerException ex) when (!context.Response.HasStarted)
        {
            await ex.WriteAsync(context).ConfigureAwait(false);
        }
    }

    private void EnforceRateLimit(HttpContext context, Endpoint endpoint, ApiRoute route, UserRecord? caller)
    {
        if (!options.RateLimiterEnabled || route.RateLimit == RateLimitPolicy.None
            || (caller is not null && Permissions.Has(caller, Permissions.BypassRateLimit)))
        {
            return;
        }

        // Rocket.Chat keys the rule by route pattern plus method ("/api/v1/livechat/roomget") and counts per client IP.
        string pattern = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? string.Empty;
        string rule = pattern + context.Request.Method.ToLowerInvariant();
        int limit = route.RateLimit == RateLimitPolicy.Visitor ? options.VisitorRateLimit : options.DefaultRateLimit;
        RateLimitDecision decision = rateLimiter.Hit(rule, ClientAddress(context), limit);

        IHeaderDictionary headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = decision.ResetAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        if (!decision.IsAllowed)
        {
            throw ApiErrors.TooManyRequests((long)Math.Ceiling(decision.TimeToReset.TotalMilliseconds / 1000));
        }
    }

    /// <summary>
    /// processTwoFactor: the code and method come only from the <c>x-2fa-code</c> / <c>x-2fa-method</c> headers; the
    /// check is remembered for the login token and the client (User-Agent and address).
    /// </summary>
    private void CheckSecondFactor(HttpContext context, UserRecord caller)
    {
        IHeaderDictionary headers = context.Request.Headers;
        string code = headers["x-2fa-code"].ToString();
        string method = headers["x-2fa-method"].ToString();
        var connection = new TwoFactorConnection(
            headers["X-Auth-Token"].ToString(),
            $"{headers.UserAgent}\n{ClientAddress(context)}");
        try
        {
            accounts.TwoFactor.Check(caller.Id, code.Length > 0 ? code : null, method.Length > 0 ? method : null, disablePasswordFallback: false, connection);
        }
        catch (TwoFactorException failure)
        {
            throw ApiErrors.SecondFactorFailed(failure);
        }
    }

    /// <summary>Rocket.Chat's getRequestIP with HTTP_FORWARDED_COUNT unset: X-Real-IP if sent, else the socket address.</summary>
    private static string ClientAddress(HttpContext context)
    {
        string realIp = context.Request.Headers["X-Real-IP"].ToString();
        return realIp.Length > 0 ? realIp : context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    private static void Validate(ref JsonNode? node, ObjectSchema schema, bool coerceArrays)
    {
        if (AjvValidator.Validate(ref node, schema, coerceArrays) is { } message)
        {
            throw ApiErrors.InvalidParams(message);
        }
    }
}
