using System.Net;

namespace RocketChat.Contracts.Runtime;

/// <summary>403: the user lacks a permission the route needs (e.g. view-livechat-manager).</summary>
public sealed class RocketChatForbiddenException : RocketChatApiException
{
    /// <summary>Creates the exception.</summary>
    public RocketChatForbiddenException(string operation, RocketChatError error, RateLimitInfo? rateLimit)
        : base(operation, HttpStatusCode.Forbidden, error, rateLimit)
    {
    }
}
