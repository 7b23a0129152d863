namespace RocketChat.Contracts.Runtime;

/// <summary>How a security scheme's credential goes over the wire.</summary>
public enum SecuritySchemeKind
{
    /// <summary><c>type: apiKey, in: header</c>: the key as the value of a named header.</summary>
    ApiKeyHeader,

    /// <summary><c>type: apiKey, in: query</c>: the key as a named query parameter.</summary>
    ApiKeyQuery,

    /// <summary><c>type: http, scheme: bearer</c> (and OAuth2/OpenID Connect access tokens): <c>Authorization: Bearer token</c>.</summary>
    HttpBearer,

    /// <summary><c>type: http, scheme: basic</c>: <c>Authorization: Basic base64(user:password)</c>.</summary>
    HttpBasic,
}
