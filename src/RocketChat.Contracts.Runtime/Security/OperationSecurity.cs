namespace RocketChat.Contracts.Runtime;

/// <summary>
/// An operation's effective <c>security</c>: alternatives, the first one whose credentials are all available is
/// sent. No alternatives (<c>security: []</c>) is public; an empty alternative (<c>- {}</c>) makes credentials optional.
/// </summary>
public sealed class OperationSecurity
{
    /// <summary>A public operation: no credentials are sent.</summary>
    public static OperationSecurity Public { get; } = new();

    /// <summary>Creates the security of an operation from its alternatives.</summary>
    public OperationSecurity(params SecurityRequirement[] alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        Alternatives = alternatives;
        IsRequired = alternatives.Length > 0 && Array.TrueForAll(alternatives, a => a.Schemes.Count > 0);
    }

    /// <summary>The requirements, any one of which satisfies the operation.</summary>
    public IReadOnlyList<SecurityRequirement> Alternatives { get; }

    /// <summary>Whether a call without credentials must not be sent.</summary>
    public bool IsRequired { get; }
}
