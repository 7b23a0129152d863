namespace RocketChat.Contracts.Runtime;

/// <summary>The HTTP handler a connection should run on.</summary>
public static class RocketChatHttpHandler
{
    /// <summary>
    /// A <see cref="SocketsHttpHandler"/> that follows no redirect (a redirect reaches the caller as
    /// <see cref="RocketChatRedirectException"/>, so X-Auth-Token and login bodies never go to another host), keeps no
    /// cookies, and renews pooled connections so DNS changes are seen.
    /// </summary>
    public static SocketsHttpHandler Create() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
