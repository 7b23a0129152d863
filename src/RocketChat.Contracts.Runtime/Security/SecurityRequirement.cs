namespace RocketChat.Contracts.Runtime;

/// <summary>One item of an OpenAPI <c>security</c> list: schemes that must all be sent together. Empty means "none needed".</summary>
public sealed class SecurityRequirement
{
    private AppliedCredentials? _lastApplied;

    /// <summary>Creates a requirement for all of <paramref name="schemes"/>.</summary>
    public SecurityRequirement(params SecurityScheme[] schemes)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        Schemes = schemes;
    }

    /// <summary>The schemes to send together.</summary>
    public IReadOnlyList<SecurityScheme> Schemes { get; }

    /// <summary>The credentials last sent for this requirement, reused while the provider returns the same ones.</summary>
    internal AppliedCredentials? LastApplied
    {
        get => Volatile.Read(ref _lastApplied);
        set => Volatile.Write(ref _lastApplied, value);
    }
}
