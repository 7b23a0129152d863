using System.Collections.Concurrent;

namespace RocketChat.Contracts.Runtime;

/// <summary>
/// Fixed credentials keyed by security scheme name, e.g.
/// <c>new SecurityCredentials().Set("api_key", SecurityCredential.ApiKey("...")).Set("basicAuth", SecurityCredential.Basic("u", "p"))</c>.
/// Thread-safe; a credential can be replaced while calls run.
/// </summary>
public sealed class SecurityCredentials : ISecurityCredentialProvider
{
    private readonly ConcurrentDictionary<string, SecurityCredential> _byScheme = new(StringComparer.Ordinal);

    /// <summary>Uses <paramref name="credential"/> for the scheme named <paramref name="schemeName"/>; returns this instance.</summary>
    public SecurityCredentials Set(string schemeName, SecurityCredential credential)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemeName);
        ArgumentNullException.ThrowIfNull(credential);
        _byScheme[schemeName] = credential;
        return this;
    }

    /// <summary>Stops sending a credential for the scheme; returns whether one was set.</summary>
    public bool Remove(string schemeName) => _byScheme.TryRemove(schemeName, out _);

    /// <inheritdoc />
    public ValueTask<SecurityCredential?> GetCredentialAsync(SecurityScheme scheme, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return new(_byScheme.TryGetValue(scheme.Name, out SecurityCredential? credential) ? credential : null);
    }

    /// <inheritdoc />
    public void Invalidate(SecurityScheme scheme, SecurityCredential rejected)
    {
        // Fixed credentials cannot renew themselves; the 401 reaches the caller as RocketChatUnauthorizedException.
    }
}
