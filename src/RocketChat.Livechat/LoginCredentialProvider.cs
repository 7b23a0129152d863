using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat;

/// <summary>
/// Logs in with a username and password the first time credentials are needed, and again after the server
/// rejects the token (401). Concurrent callers share one login.
/// </summary>
public sealed class LoginCredentialProvider : IRocketChatCredentialProvider, IDisposable
{
    private readonly Func<CancellationToken, Task<RocketChatCredentials>> _login;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile RocketChatCredentials? _current;

    /// <summary>Creates a provider that calls <paramref name="login"/> when it needs a token.</summary>
    public LoginCredentialProvider(Func<CancellationToken, Task<RocketChatCredentials>> login)
    {
        _login = login ?? throw new ArgumentNullException(nameof(login));
    }

    /// <inheritdoc />
    public async ValueTask<RocketChatCredentials?> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _current ??= await _login(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Invalidate(RocketChatCredentials rejected)
    {
        // Only forget the token that was rejected, not one a concurrent caller already renewed.
        Interlocked.CompareExchange(ref _current, null, rejected);
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
