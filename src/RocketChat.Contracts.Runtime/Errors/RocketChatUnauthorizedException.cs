using System.Net;

namespace RocketChat.Contracts.Runtime;

/// <summary>401: not logged in, a wrong or expired token, bad login credentials, or a 2FA code required ("totp-required").</summary>
public sealed class RocketChatUnauthorizedException : RocketChatApiException
{
    /// <summary>Creates the exception.</summary>
    public RocketChatUnauthorizedException(string operation, RocketChatError error, RateLimitInfo? rateLimit)
        : base(operation, HttpStatusCode.Unauthorized, error, rateLimit)
    {
    }

    /// <summary>True when the server asks for a two-factor code (error "totp-required").</summary>
    public bool IsTwoFactorRequired => ErrorCode == "totp-required";
}
