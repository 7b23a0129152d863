namespace RocketChat.Contracts.Runtime;

/// <summary>
/// Supplies the credential for each security scheme an operation asks for, by the scheme's name in the contract.
/// May log in lazily; is asked again after a 401, once <see cref="Invalidate"/> was called.
/// </summary>
public interface ISecurityCredentialProvider
{
    /// <summary>The credential to send for <paramref name="scheme"/>, or null when there is none.</summary>
    ValueTask<SecurityCredential?> GetCredentialAsync(SecurityScheme scheme, CancellationToken cancellationToken);

    /// <summary>Called after the server answered 401 to <paramref name="rejected"/>, so a provider that logs in can log in again.</summary>
    void Invalidate(SecurityScheme scheme, SecurityCredential rejected);
}
