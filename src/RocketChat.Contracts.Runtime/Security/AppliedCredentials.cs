using System.Text;

namespace RocketChat.Contracts.Runtime;

/// <summary>The credentials chosen for one call: the first security alternative whose schemes all have one.</summary>
internal sealed class AppliedCredentials
{
    public static readonly AppliedCredentials None = new([]);

    private readonly KeyValuePair<SecurityScheme, SecurityCredential>[] _items;

    private AppliedCredentials(KeyValuePair<SecurityScheme, SecurityCredential>[] items)
    {
        _items = items;
    }

    public bool IsEmpty => _items.Length == 0;

    /// <summary>
    /// The credentials to send, <see cref="None"/> for a public call (or an optional one without credentials), or
    /// null when the operation needs credentials and no alternative can be satisfied.
    /// </summary>
    public static async ValueTask<AppliedCredentials?> ResolveAsync(
        string operation, OperationSecurity security, ISecurityCredentialProvider provider, CancellationToken cancellationToken)
    {
        foreach (SecurityRequirement alternative in security.Alternatives)
        {
            if (alternative.Schemes.Count == 0)
            {
                continue;
            }

            var items = new KeyValuePair<SecurityScheme, SecurityCredential>[alternative.Schemes.Count];
            bool complete = true;
            for (int i = 0; i < items.Length && complete; i++)
            {
                SecurityScheme scheme = alternative.Schemes[i];
                SecurityCredential? credential = await provider.GetCredentialAsync(scheme, cancellationToken).ConfigureAwait(false);
                if (credential is null)
                {
                    complete = false;
                    break;
                }

                if (!credential.Fits(scheme))
                {
                    throw new InvalidOperationException(
                        $"{operation}: the credential for the security scheme '{scheme.Name}' is {credential.Kind}, which a {scheme.Kind} scheme cannot send.");
                }

                items[i] = new(scheme, credential);
            }

            if (complete)
            {
                return new AppliedCredentials(items);
            }
        }

        // An empty alternative ("- {}") makes credentials optional: the call goes out without them.
        return security.IsRequired ? null : None;
    }

    /// <summary>Header API keys and the Authorization header.</summary>
    public void ApplyTo(HttpRequestMessage message)
    {
        foreach ((SecurityScheme scheme, SecurityCredential credential) in _items)
        {
            switch (scheme.Kind)
            {
                case SecuritySchemeKind.ApiKeyHeader:
                    message.Headers.TryAddWithoutValidation(scheme.ParameterName!, credential.Secret);
                    break;
                case SecuritySchemeKind.HttpBearer:
                    message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + credential.Secret);
                    break;
                case SecuritySchemeKind.HttpBasic:
                    string pair = Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.UserName + ":" + credential.Secret));
                    message.Headers.TryAddWithoutValidation("Authorization", "Basic " + pair);
                    break;
            }
        }
    }

    /// <summary>The relative URI with query API keys appended.</summary>
    public string ApplyToQuery(string relativeUri)
    {
        StringBuilder? target = null;
        bool hasQuery = relativeUri.Contains('?', StringComparison.Ordinal);
        foreach ((SecurityScheme scheme, SecurityCredential credential) in _items)
        {
            if (scheme.Kind == SecuritySchemeKind.ApiKeyQuery)
            {
                target ??= new StringBuilder(relativeUri);
                target.Append(hasQuery ? '&' : '?');
                hasQuery = true;
                target.Append(Uri.EscapeDataString(scheme.ParameterName!)).Append('=').Append(Uri.EscapeDataString(credential.Secret));
            }
        }

        return target?.ToString() ?? relativeUri;
    }

    /// <summary>Tells the provider that the server rejected these credentials.</summary>
    public void Invalidate(ISecurityCredentialProvider provider)
    {
        foreach ((SecurityScheme scheme, SecurityCredential credential) in _items)
        {
            provider.Invalidate(scheme, credential);
        }
    }

    /// <summary>Whether a renewal produced anything new worth retrying with.</summary>
    public bool SameAs(AppliedCredentials other) =>
        _items.Length == other._items.Length
        && _items.Zip(other._items).All(pair => pair.First.Key == pair.Second.Key && pair.First.Value.Equals(pair.Second.Value));
}
