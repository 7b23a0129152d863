using System.Security.Cryptography;
using System.Text;

namespace RocketChat.Livechat.Webhooks;

/// <summary>
/// Checks X-RocketChat-Livechat-Token without leaking the secret through timing: both sides are hashed to 32 bytes
/// first, so neither the content nor the length of the secret changes how long the comparison takes.
/// </summary>
internal sealed class WebhookTokenVerifier
{
    private readonly byte[]? _secretHash;

    public WebhookTokenVerifier(string? secret)
    {
        _secretHash = string.IsNullOrEmpty(secret) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>True when no secret is configured (every request is accepted).</summary>
    public bool IsOpen => _secretHash is null;

    public WebhookTokenCheck Check(string? presented)
    {
        if (_secretHash is null)
        {
            return WebhookTokenCheck.Accepted;
        }

        if (presented is null)
        {
            return WebhookTokenCheck.Missing;
        }

        Span<byte> presentedHash = stackalloc byte[SHA256.HashSizeInBytes];
        int maxBytes = Encoding.UTF8.GetMaxByteCount(presented.Length);
        byte[] utf8 = new byte[maxBytes];
        int length = Encoding.UTF8.GetBytes(presented, utf8);
        SHA256.HashData(utf8.AsSpan(0, length), presentedHash);
        return CryptographicOperations.FixedTimeEquals(presentedHash, _secretHash) ? WebhookTokenCheck.Accepted : WebhookTokenCheck.Wrong;
    }
}

/// <summary>The outcome of a token check; the token itself is never logged.</summary>
internal enum WebhookTokenCheck
{
    Accepted,
    Missing,
    Wrong,
}
