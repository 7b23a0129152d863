using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat;

/// <summary>The hand-written side of the generated <see cref="LivechatClient"/>: construction from options and login helpers.</summary>
public sealed partial class LivechatClient
{
    /// <summary>The ActivitySource and Meter name the client reports its calls under.</summary>
    public const string TelemetryName = "RocketChat.Livechat";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Creates a client from options. Pass the <paramref name="httpClient"/> to share (from IHttpClientFactory, say);
    /// otherwise one is created on <see cref="RocketChatHttpHandler.Create"/> (no redirects followed) and owned by the
    /// caller through <see cref="LivechatClient.Connection"/>. A shared HttpClient must not follow redirects either.
    /// </summary>
    public static LivechatClient Create(RocketChatLivechatOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        RocketChatConnectionOptions connectionOptions = options.ToConnectionOptions();
        if (httpClient is null)
        {
            // The connection's own timeout covers the whole call; the HttpClient's would stop at the headers.
            httpClient = new HttpClient(RocketChatHttpHandler.Create()) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            connectionOptions = new RocketChatConnectionOptions
            {
                Timeout = options.Timeout ?? DefaultTimeout,
                MaxResponseBodySize = connectionOptions.MaxResponseBodySize,
                TelemetryName = connectionOptions.TelemetryName,
            };
        }

        LivechatClient? client = null;
        IRocketChatCredentialProvider credentials = CreateCredentialProvider(options, () => client!);
        client = new LivechatClient(new RocketChatConnection(httpClient, options.ServerUrl, credentials, connectionOptions));
        return client;
    }

    /// <summary>
    /// The credentials the options describe: fixed (UserId + AuthToken), a lazy login through
    /// <paramref name="loginClient"/> (Username + Password), or none (visitor-only use).
    /// </summary>
    public static IRocketChatCredentialProvider CreateCredentialProvider(RocketChatLivechatOptions options, Func<LivechatClient> loginClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loginClient);
        if (!string.IsNullOrEmpty(options.UserId))
        {
            return new StaticCredentialProvider(new RocketChatCredentials(options.UserId, options.AuthToken!));
        }

        if (!string.IsNullOrEmpty(options.Username))
        {
            string username = options.Username, password = options.Password!;
            string? code = options.TwoFactorCode;
            return new LoginCredentialProvider(ct => loginClient().LoginCoreAsync(username, password, code, ct));
        }

        return new StaticCredentialProvider();
    }

    /// <summary>
    /// Logs in with a username (or email) and password, optionally with a 2FA code, and uses the returned token for
    /// later calls when the client holds fixed credentials. Throws <see cref="RocketChatUnauthorizedException"/> on
    /// bad credentials; its <see cref="RocketChatUnauthorizedException.IsTwoFactorRequired"/> tells when a code is needed.
    /// </summary>
    public async Task<RocketChatCredentials> LoginAsync(string user, string password, string? twoFactorCode = null, CancellationToken cancellationToken = default)
    {
        RocketChatCredentials credentials = await LoginCoreAsync(user, password, twoFactorCode, cancellationToken).ConfigureAwait(false);
        if (Connection.Credentials is StaticCredentialProvider fixedCredentials)
        {
            fixedCredentials.Credentials = credentials;
        }

        return credentials;
    }

    /// <summary>Exchanges an existing auth token for a fresh login (Rocket.Chat's "resume") and uses it.</summary>
    public async Task<RocketChatCredentials> ResumeAsync(string authToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        LoginResponse response = await Authentication.LoginAsync(new LoginRequest { Resume = authToken }, cancellationToken: cancellationToken).ConfigureAwait(false);
        RocketChatCredentials credentials = ToCredentials(response);
        if (Connection.Credentials is StaticCredentialProvider fixedCredentials)
        {
            fixedCredentials.Credentials = credentials;
        }

        return credentials;
    }

    private async Task<RocketChatCredentials> LoginCoreAsync(string user, string password, string? twoFactorCode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var request = new LoginRequest { User = user, Password = password, Code = twoFactorCode };
        LoginResponse response = await Authentication.LoginAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ToCredentials(response);
    }

    private static RocketChatCredentials ToCredentials(LoginResponse response) =>
        new(response.Data.UserId, response.Data.AuthToken);
}
