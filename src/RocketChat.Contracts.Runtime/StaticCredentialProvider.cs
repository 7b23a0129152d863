namespace RocketChat.Contracts.Runtime;

/// <summary>Fixed credentials: a user id with a login token or personal access token; can be replaced after a login.</summary>
public sealed class StaticCredentialProvider : IRocketChatCredentialProvider
{
    private volatile RocketChatCredentials? _credentials;

    /// <summary>Starts with <paramref name="credentials"/>, or with none.</summary>
    public StaticCredentialProvider(RocketChatCredentials? credentials = null)
    {
        _credentials = credentials;
    }

    /// <summary>The credentials now in use.</summary>
    public RocketChatCredentials? Credentials
    {
        get => _credentials;
        set => _credentials = value;
    }

    /// <inheritdoc />
    public ValueTask<RocketChatCredentials?> GetCredentialsAsync(CancellationToken cancellationToken) => new(_credentials);

    /// <inheritdoc />
    public void Invalidate(RocketChatCredentials rejected)
    {
        // Fixed credentials cannot renew themselves; the 401 reaches the caller as RocketChatUnauthorizedException.
    }
}
