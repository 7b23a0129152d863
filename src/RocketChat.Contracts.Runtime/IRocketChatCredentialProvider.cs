namespace RocketChat.Contracts.Runtime;

/// <summary>Supplies the credentials for authenticated calls; may log in lazily.</summary>
public interface IRocketChatCredentialProvider
{
    /// <summary>Returns the credentials to send, or null when none are configured.</summary>
    ValueTask<RocketChatCredentials?> GetCredentialsAsync(CancellationToken cancellationToken);

    /// <summary>Called after the server answered 401 to these credentials, so a provider that logs in can log in again.</summary>
    void Invalidate(RocketChatCredentials rejected);
}
