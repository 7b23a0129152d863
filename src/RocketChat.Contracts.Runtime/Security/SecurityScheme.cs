namespace RocketChat.Contracts.Runtime;

/// <summary>
/// One entry of the contract's <c>components.securitySchemes</c>. Generated clients expose each as a static field
/// (<c>XxxSecuritySchemes</c>); a credential provider receives it and answers by <see cref="Name"/>.
/// </summary>
public sealed class SecurityScheme
{
    private SecurityScheme(string name, SecuritySchemeKind kind, string? parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Kind = kind;
        ParameterName = parameterName;
    }

    /// <summary>The scheme's key in <c>components.securitySchemes</c>, e.g. <c>api_key</c>.</summary>
    public string Name { get; }

    /// <summary>How the credential is sent.</summary>
    public SecuritySchemeKind Kind { get; }

    /// <summary>The header or query parameter name of an API key; null for HTTP schemes.</summary>
    public string? ParameterName { get; }

    /// <summary>An API key sent as the header <paramref name="headerName"/>.</summary>
    public static SecurityScheme ApiKeyHeader(string name, string headerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(headerName);
        return new(name, SecuritySchemeKind.ApiKeyHeader, headerName);
    }

    /// <summary>An API key sent as the query parameter <paramref name="parameterName"/>.</summary>
    public static SecurityScheme ApiKeyQuery(string name, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameterName);
        return new(name, SecuritySchemeKind.ApiKeyQuery, parameterName);
    }

    /// <summary>A bearer token in the Authorization header.</summary>
    public static SecurityScheme HttpBearer(string name) => new(name, SecuritySchemeKind.HttpBearer, null);

    /// <summary>A user name and password in the Authorization header.</summary>
    public static SecurityScheme HttpBasic(string name) => new(name, SecuritySchemeKind.HttpBasic, null);

    /// <inheritdoc />
    public override string ToString() => ParameterName is null ? $"{Name} ({Kind})" : $"{Name} ({Kind} '{ParameterName}')";
}
