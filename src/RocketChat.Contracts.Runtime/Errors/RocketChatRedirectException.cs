using System.Net;

namespace RocketChat.Contracts.Runtime;

/// <summary>
/// The server answered with a redirect (3xx), which is not followed: credentials and request bodies go only to the
/// configured server (scheme, host and port). Configure the URL the server redirects to instead.
/// </summary>
public sealed class RocketChatRedirectException : RocketChatException
{
    /// <summary>Creates the exception; <paramref name="location"/> is reduced to its scheme, host and port.</summary>
    public RocketChatRedirectException(string operation, HttpStatusCode statusCode, Uri? location)
        : base(operation, BuildMessage(operation, statusCode, location))
    {
        StatusCode = statusCode;
        LocationOrigin = location is { IsAbsoluteUri: true } ? new Uri(RocketChatConnection.Origin(location)) : null;
    }

    /// <summary>The redirect status (301, 302, 303, 307, 308...).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The scheme, host and port the server pointed to, when it sent an absolute Location; never its path or query.</summary>
    public Uri? LocationOrigin { get; }

    private static string BuildMessage(string operation, HttpStatusCode statusCode, Uri? location)
    {
        string target = location is { IsAbsoluteUri: true } ? " to " + RocketChatConnection.Origin(location) : string.Empty;
        return $"Rocket.Chat {operation}: the server redirected ({(int)statusCode} {statusCode}){target}; redirects are not followed, so credentials and bodies only go to the configured server. Configure the final server URL.";
    }
}
