namespace RocketChat.Contracts.Runtime;

/// <summary>
/// The secret for one security scheme: an API key, a bearer token, or a user name and password. Compared by value, so
/// a provider that hands out the same secret after a 401 is not asked to retry. ToString never shows the secret.
/// </summary>
public sealed class SecurityCredential : IEquatable<SecurityCredential>
{
    private SecurityCredential(SecurityCredentialKind kind, string secret, string? userName, object? origin)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Kind = kind;
        Secret = secret;
        UserName = userName;
        Origin = origin;
    }

    /// <summary>What the credential holds.</summary>
    public SecurityCredentialKind Kind { get; }

    /// <summary>The API key, the bearer token or the password.</summary>
    public string Secret { get; }

    /// <summary>The user name of a basic credential; null otherwise.</summary>
    public string? UserName { get; }

    /// <summary>What the credential was made from (the Rocket.Chat login pair), so invalidation reaches its provider.</summary>
    internal object? Origin { get; }

    /// <summary>An API key, for an apiKey scheme in a header or in the query.</summary>
    public static SecurityCredential ApiKey(string key) => new(SecurityCredentialKind.ApiKey, key, null, null);

    /// <summary>A bearer token, for http bearer, OAuth2 and OpenID Connect schemes.</summary>
    public static SecurityCredential Bearer(string token) => new(SecurityCredentialKind.Bearer, token, null, null);

    /// <summary>A user name and password, for an http basic scheme.</summary>
    public static SecurityCredential Basic(string userName, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        if (userName.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A basic-auth user name cannot contain ':'.", nameof(userName));
        }

        return new(SecurityCredentialKind.Basic, password, userName, null);
    }

    internal static SecurityCredential ApiKeyFrom(string key, object origin) => new(SecurityCredentialKind.ApiKey, key, null, origin);

    /// <summary>Whether this credential can be sent for <paramref name="scheme"/>.</summary>
    public bool Fits(SecurityScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return scheme.Kind switch
        {
            SecuritySchemeKind.ApiKeyHeader or SecuritySchemeKind.ApiKeyQuery => Kind == SecurityCredentialKind.ApiKey,
            SecuritySchemeKind.HttpBearer => Kind == SecurityCredentialKind.Bearer,
            _ => Kind == SecurityCredentialKind.Basic,
        };
    }

    /// <inheritdoc />
    public bool Equals(SecurityCredential? other) =>
        other is not null && Kind == other.Kind && Secret == other.Secret && UserName == other.UserName;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SecurityCredential);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Secret, UserName);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        SecurityCredentialKind.Basic => $"SecurityCredential(Basic, UserName={UserName}, Password=***)",
        SecurityCredentialKind.Bearer => "SecurityCredential(Bearer, ***)",
        _ => "SecurityCredential(ApiKey, ***)",
    };
}
