using System.Buffers;
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
        int length = Encoding.UTF8.GetByteCount(presented);
        byte[]? rented = length > 256 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> utf8 = rented is null ? stackalloc byte[256] : rented;
        try
        {
            int written = Encoding.UTF8.GetBytes(presented, utf8);
            SHA256.HashData(utf8[..written], presentedHash);
            return CryptographicOperations.FixedTimeEquals(presentedHash, _secretHash) ? WebhookTokenCheck.Accepted : WebhookTokenCheck.Wrong;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}

/// <summary>The outcome of a token check; the token itself is never logged.</summary>
internal enum WebhookTokenCheck
{
    Accepted,
    Missing,
    Wrong,
}
