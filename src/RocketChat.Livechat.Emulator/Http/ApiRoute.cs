using RocketChat.Livechat.Emulator.Validation;

namespace RocketChat.Livechat.Emulator.Http;

/// <summary>
/// Endpoint metadata mirroring the options of Rocket.Chat's <c>API.v1.addRoute</c>: <c>authRequired</c>,
/// <c>permissionsRequired</c>, <c>rateLimiterOptions</c>, <c>validateParams</c> and <c>twoFactorRequired</c>. The gateway applies them in
/// the server's order before the handler runs.
/// </summary>
internal sealed record ApiRoute
{
    public static ApiRoute Public { get; } = new();

    public static ApiRoute Authenticated { get; } = new() { RequiresAuthentication = true };

    public bool RequiresAuthentication { get; init; }

    public IReadOnlyList<string> Permissions { get; init; } = [];

    /// <summary>The <c>operation: 'hasAny'</c> form: one of <see cref="Permissions"/> is enough.</summary>
    public bool AnyPermission { get; init; }

    public RateLimitPolicy RateLimit { get; init; } = RateLimitPolicy.Default;

    /// <summary>
    /// <c>twoFactorRequired</c>: after the permission check, the caller confirms the call with a second factor in
    /// the <c>x-2fa-code</c> and <c>x-2fa-method</c> headers (processTwoFactor).
    /// </summary>
    public bool TwoFactorRequired { get; init; }

    /// <summary>The ajv schema of the JSON body.</summary>
    public ObjectSchema? Body { get; init; }

    /// <summary>The ajv schema of the query string.</summary>
    public ObjectSchema? Query { get; init; }
}

/// <summary>Which rate-limit rule a route uses.</summary>
internal enum RateLimitPolicy
{
    /// <summary>The API default (10 calls per minute).</summary>
    Default,

    /// <summary>The visitor routes' own <c>rateLimiterOptions</c> (5 calls per minute).</summary>
    Visitor,

    /// <summary>Not rate limited.</summary>
    None,
}
