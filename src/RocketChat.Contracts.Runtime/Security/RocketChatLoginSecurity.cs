namespace RocketChat.Contracts.Runtime;

/// <summary>
/// Rocket.Chat's login pair as security schemes: X-User-Id and X-Auth-Token are two header API keys, answered from
/// an <see cref="IRocketChatCredentialProvider"/> whatever the schemes are called in the contract.
/// </summary>
public sealed class RocketChatLoginSecurity : ISecurityCredentialProvider
{
    /// <summary>The header that carries the user id.</summary>
    public const string UserIdHeader = "X-User-Id";

    /// <summary>The header that carries the auth token.</summary>
    public const string AuthTokenHeader = "X-Auth-Token";

    /// <summary>The pair as Rocket.Chat's official files imply it (header parameters, no schemes).</summary>
    public static OperationSecurity Required { get; } = new(new SecurityRequirement(
        SecurityScheme.ApiKeyHeader(UserIdHeader, UserIdHeader), SecurityScheme.ApiKeyHeader(AuthTokenHeader, AuthTokenHeader)));

    private volatile IssuedPair? _issued;

    /// <summary>Answers the two Rocket.Chat headers from <paramref name="login"/>; other schemes get no credential.</summary>
    public RocketChatLoginSecurity(IRocketChatCredentialProvider login)
    {
        Login = login ?? throw new ArgumentNullException(nameof(login));
    }

    /// <summary>Where the user id and token come from.</summary>
    public IRocketChatCredentialProvider Login { get; }

    /// <inheritdoc />
    public async ValueTask<SecurityCredential?> GetCredentialAsync(SecurityScheme scheme, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        if (scheme.Kind != SecuritySchemeKind.ApiKeyHeader
            || !(IsHeader(scheme, UserIdHeader) || IsHeader(scheme, AuthTokenHeader)))
        {
            return null;
        }

        RocketChatCredentials? credentials = await Login.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        if (credentials is null)
        {
            return null;
        }

        // One pair of credentials per login, not per call: calls with the same login allocate nothing here.
        IssuedPair pair = _issued is { } issued && ReferenceEquals(issued.Source, credentials)
            ? issued
            : _issued = new IssuedPair(credentials, SecurityCredential.ApiKeyFrom(credentials.UserId, credentials), SecurityCredential.ApiKeyFrom(credentials.AuthToken, credentials));
        return IsHeader(scheme, UserIdHeader) ? pair.UserId : pair.AuthToken;
    }

    /// <inheritdoc />
    public void Invalidate(SecurityScheme scheme, SecurityCredential rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        if (rejected.Origin is RocketChatCredentials credentials)
        {
            Login.Invalidate(credentials);
        }
    }

    private static bool IsHeader(SecurityScheme scheme, string header) =>
        string.Equals(scheme.ParameterName, header, StringComparison.OrdinalIgnoreCase);

    private sealed record IssuedPair(RocketChatCredentials Source, SecurityCredential UserId, SecurityCredential AuthToken);
}
