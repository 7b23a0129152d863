using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat;

/// <summary>
/// How to reach and authenticate with a Rocket.Chat server. Give either <see cref="UserId"/> with
/// <see cref="AuthToken"/> (a login token or personal access token), or <see cref="Username"/> with
/// <see cref="Password"/> to log in on first use. Visitor-only use needs neither.
/// </summary>
public sealed class RocketChatLivechatOptions
{
    /// <summary>The configuration section <c>AddRocketChatLivechat</c> binds by default.</summary>
    public const string SectionName = "RocketChat";

    /// <summary>The server's base URL, e.g. https://chat.example.com/ (a sub-path install keeps its path).</summary>
    public Uri? ServerUrl { get; set; }

    /// <summary>The user id sent as X-User-Id.</summary>
    public string? UserId { get; set; }

    /// <summary>The auth token or personal access token sent as X-Auth-Token.</summary>
    public string? AuthToken { get; set; }

    /// <summary>A username or email to log in with, when no token is given.</summary>
    public string? Username { get; set; }

    /// <summary>The password for <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>A two-factor (TOTP or emailed) code for the login, when the account needs one.</summary>
    public string? TwoFactorCode { get; set; }

    /// <summary>
    /// How long one call may take in all, response body included; <c>null</c> keeps the HttpClient's own timeout
    /// (100 s by default). A call that runs out ends in <c>RocketChatConnectionException</c>.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The largest response body the client reads, in bytes (32 MiB by default); a longer one fails the call.</summary>
    public long MaxResponseBodySize { get; set; } = RocketChatConnectionOptions.DefaultMaxResponseBodySize;

    /// <summary>The connection settings these options describe, reported under the "RocketChat.Livechat" telemetry name.</summary>
    public RocketChatConnectionOptions ToConnectionOptions() => new()
    {
        Timeout = Timeout,
        MaxResponseBodySize = MaxResponseBodySize,
        TelemetryName = LivechatClient.TelemetryName,
    };

    /// <summary>Checks the options and says what is wrong, without printing secrets.</summary>
    public void Validate()
    {
        if (ServerUrl is null)
        {
            throw new ArgumentException("RocketChat options: ServerUrl is required.");
        }

        if (!ServerUrl.IsAbsoluteUri || (ServerUrl.Scheme != Uri.UriSchemeHttp && ServerUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException(ServerUrl.IsAbsoluteUri && ServerUrl.UserInfo.Length > 0
                ? "RocketChat options: ServerUrl must be an absolute http(s) URL."
                : $"RocketChat options: ServerUrl must be an absolute http(s) URL, not '{ServerUrl.OriginalString}'.");
        }

        // Never echoed: the user info is a secret, and a URL is printed in logs and errors.
        if (ServerUrl.UserInfo.Length > 0)
        {
            throw new ArgumentException("RocketChat options: ServerUrl must not contain a user name or password (user:password@host); give UserId and AuthToken, or Username and Password.");
        }

        if (Timeout is { } timeout && timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("RocketChat options: Timeout must be positive.");
        }

        if (MaxResponseBodySize <= 0)
        {
            throw new ArgumentException("RocketChat options: MaxResponseBodySize must be positive.");
        }

        if (string.IsNullOrEmpty(UserId) != string.IsNullOrEmpty(AuthToken))
        {
            throw new ArgumentException("RocketChat options: give UserId and AuthToken together.");
        }

        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
        {
            throw new ArgumentException("RocketChat options: give Username and Password together.");
        }
    }
}
