namespace RocketChat.Contracts.Runtime;

/// <summary>What a <see cref="SecurityCredential"/> holds.</summary>
public enum SecurityCredentialKind
{
    /// <summary>An API key, for apiKey schemes (header or query).</summary>
    ApiKey,

    /// <summary>A bearer token, for http bearer, OAuth2 and OpenID Connect schemes.</summary>
    Bearer,

    /// <summary>A user name and password, for http basic schemes.</summary>
    Basic,
}
