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
        IReadOnlyList<SecurityRequirement> alternatives = security.Alternatives;
        for (int a = 0; a < alternatives.Count; a++)
        {
            SecurityRequirement alternative = alternatives[a];
            IReadOnlyList<SecurityScheme> schemes = alternative.Schemes;
            if (schemes.Count == 0)
            {
                continue;
            }

            // Providers hand out the same credential objects call after call, so the set sent last time for this
            // requirement is reused while every credential matches it by reference: no array per call.
            AppliedCredentials? previous = alternative.LastApplied;
            KeyValuePair<SecurityScheme, SecurityCredential>[]? items = null;
            bool complete = true;
            for (int i = 0; i < schemes.Count; i++)
            {
                SecurityScheme scheme = schemes[i];
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

                if (items is null && previous is not null && ReferenceEquals(previous._items[i].Key, scheme) && ReferenceEquals(previous._items[i].Value, credential))
                {
                    continue;
                }

                if (items is null)
                {
                    items = new KeyValuePair<SecurityScheme, SecurityCredential>[schemes.Count];
                    previous?._items.AsSpan(0, i).CopyTo(items);
                }

                items[i] = new(scheme, credential);
            }

            if (complete)
            {
                if (items is null)
                {
                    return previous!;
                }

                var applied = new AppliedCredentials(items);
                alternative.LastApplied = applied;
                return applied;
            }
        }

        // An empty alternative ("- {}") makes credentials optional: the call goes out without them.
        return security.IsRequired ? null : None;
    }

    /// <summary>The absolute request URI: <paramref name="serverUri"/>, the request's path and query, then query API keys.</summary>
    public string AbsoluteTarget(string serverUri, ApiRequest request)
    {
        foreach ((SecurityScheme scheme, _) in _items)
        {
            if (scheme.Kind == SecuritySchemeKind.ApiKeyQuery)
            {
                return serverUri + ApplyToQuery(request.RelativeUri);
            }
        }

        return request.AbsoluteUri(serverUri);
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
