using System.CommandLine;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Cli;

/// <summary>Options every command takes: where the server is, how to authenticate, and the output format.</summary>
public sealed class GlobalOptions
{
    /// <summary>How long one call may take when neither --timeout nor ROCKETCHAT_TIMEOUT says.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public Option<string?> Server { get; } = new("--server") { Description = "Server URL (env ROCKETCHAT_URL)", Recursive = true };

    public Option<string?> UserId { get; } = new("--user-id") { Description = "User id for X-User-Id (env ROCKETCHAT_USER_ID)", Recursive = true };

    public Option<string?> AuthToken { get; } = new("--auth-token") { Description = "Auth or personal access token (env ROCKETCHAT_AUTH_TOKEN)", Recursive = true };

    public Option<string?> Username { get; } = new("--username") { Description = "Log in with this user instead of a token (env ROCKETCHAT_USERNAME)", Recursive = true };

    public Option<string?> Password { get; } = new("--password") { Description = "Password for --username (env ROCKETCHAT_PASSWORD)", Recursive = true };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON instead of tables, for scripts", Recursive = true };

    public Option<double?> Timeout { get; } = new("--timeout") { Description = "Seconds one call may take, response included (env ROCKETCHAT_TIMEOUT, default 30)", Recursive = true };

    public IEnumerable<Option> All => new Option[] { Server, UserId, AuthToken, Username, Password, Timeout, Json };

    /// <summary>Builds the client from options, falling back to the environment.</summary>
    public LivechatClient CreateClient(ParseResult parse, Func<string, string?> environment, bool requireServer = true) =>
        LivechatClient.Create(CreateOptions(parse, environment));

    /// <summary>The server, credentials and timeout the options and environment give, checked.</summary>
    public RocketChatLivechatOptions CreateOptions(ParseResult parse, Func<string, string?> environment)
    {
        string? server = parse.GetValue(Server) ?? environment("ROCKETCHAT_URL");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new UsageException("no server given: pass --server URL or set ROCKETCHAT_URL.");
        }

        // The URL is echoed only when it holds no user info: "user:password@" is a secret.
        bool hasUserInfo = server.Contains('@', StringComparison.Ordinal);
        if (!Uri.TryCreate(server, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException(hasUserInfo
                ? "the server is not an http(s) URL (example: https://chat.example.com)."
                : $"'{server}' is not an http(s) URL (example: https://chat.example.com).");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw new UsageException("the server URL must not contain a user name or password (user:password@host): pass --username and --password, or --user-id and --auth-token.");
        }

        TimeSpan timeout = DefaultTimeout;
        string? timeoutText = environment("ROCKETCHAT_TIMEOUT");
        double? seconds = parse.GetValue(Timeout)
            ?? (timeoutText is null ? null : double.TryParse(timeoutText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double parsed) ? parsed : double.NaN);
        if (seconds is { } value)
        {
            if (!double.IsFinite(value) || value <= 0 || value > int.MaxValue / 1000)
            {
                throw new UsageException("--timeout (ROCKETCHAT_TIMEOUT) must be a positive number of seconds.");
            }

            timeout = TimeSpan.FromSeconds(value);
        }

        var options = new RocketChatLivechatOptions
        {
            ServerUrl = uri,
            UserId = parse.GetValue(UserId) ?? environment("ROCKETCHAT_USER_ID"),
            AuthToken = parse.GetValue(AuthToken) ?? environment("ROCKETCHAT_AUTH_TOKEN"),
            Username = parse.GetValue(Username) ?? environment("ROCKETCHAT_USERNAME"),
            Password = parse.GetValue(Password) ?? environment("ROCKETCHAT_PASSWORD"),
            Timeout = timeout,
        };
        if (string.IsNullOrEmpty(options.UserId) != string.IsNullOrEmpty(options.AuthToken))
        {
            throw new UsageException("give --user-id and --auth-token together (or ROCKETCHAT_USER_ID and ROCKETCHAT_AUTH_TOKEN).");
        }

        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            throw new UsageException("give --username and --password together.");
        }

        return options;
    }
}
