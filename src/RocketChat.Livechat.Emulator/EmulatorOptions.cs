using Microsoft.Extensions.Logging;

namespace RocketChat.Livechat.Emulator;

/// <summary>
/// How the emulated Rocket.Chat server is set up: where it listens, who can log in, how new chats are routed and
/// how the rate limiter behaves. The defaults match a fresh Rocket.Chat 8.x with livechat enabled.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Username of the seeded administrator (roles <c>admin</c> and <c>user</c>).</summary>
    public string AdminUsername { get; set; } = "admin";

    /// <summary>Password of the seeded administrator.</summary>
    public string AdminPassword { get; set; } = "admin-password";

    /// <summary>Extra users to seed, such as agents and managers.</summary>
    public IList<EmulatorUser> Users { get; } = new List<EmulatorUser>();

    /// <summary>The livechat custom fields that exist (none by default, as on a fresh server).</summary>
    public IList<EmulatorCustomField> CustomFields { get; } = new List<EmulatorCustomField>();

    /// <summary>The <c>Livechat_Routing_Method</c> setting.</summary>
    public RoutingMethod RoutingMethod { get; set; } = RoutingMethod.ManualSelection;

    /// <summary>The <c>Livechat_accept_chats_with_no_agents</c> setting: open rooms even when no agent is available.</summary>
    public bool AcceptChatsWithNoAgents { get; set; }

    /// <summary>The <c>API_Enable_Rate_Limiter</c> setting.</summary>
    public bool RateLimiterEnabled { get; set; } = true;

    /// <summary>Calls allowed per window on most routes (<c>API_Enable_Rate_Limiter_Limit_Calls_Default</c>).</summary>
    public int DefaultRateLimit { get; set; } = 10;

    /// <summary>Calls allowed per window on <c>POST livechat/visitor</c> and <c>GET livechat/room</c>.</summary>
    public int VisitorRateLimit { get; set; } = 5;

    /// <summary>The rate-limit window (<c>API_Enable_Rate_Limiter_Limit_Time_Default</c>).</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The <c>FileUpload_MaxFileSize</c> setting in bytes (Rocket.Chat's default is 100 MiB): a larger file is refused
    /// with <c>error-file-too-large</c>. Multipart bodies are not bounded by <see cref="MaxRequestBodySize"/>, as the
    /// server's JSON and URL-encoded parsers leave them alone.
    /// </summary>
    public long MaxFileSize { get; set; } = 104_857_600;

    /// <summary>The <c>FileUpload_MediaTypeWhiteList</c> setting: comma-separated media types (<c>image/*</c> allowed); empty allows all.</summary>
    public string MediaTypeWhiteList { get; set; } = string.Empty;

    /// <summary>The <c>FileUpload_MediaTypeBlackList</c> setting: comma-separated media types refused; SVG by default.</summary>
    public string MediaTypeBlackList { get; set; } = "image/svg+xml";

    /// <summary>
    /// DDP heartbeat (<c>/websocket</c>): after this much silence from a client the server pings it (Meteor: 15 s).
    /// </summary>
    public TimeSpan RealtimeHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>DDP heartbeat: a client silent this long after a ping is disconnected (Meteor: 15 s).</summary>
    public TimeSpan RealtimeHeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The waiting queue (<c>Livechat_waiting_queue</c>): how long after computing a visitor's place the server sends
    /// it as <c>queueData</c> (dispatchInquiryPosition: 1 s). The delay is why a visitor that subscribes right after
    /// opening its room still learns its first place.
    /// </summary>
    public TimeSpan QueuePositionDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The waiting queue: after an inquiry is taken, the queue's new places are computed this long after the last take (1.2 s debounce).</summary>
    public TimeSpan QueueDispatchDebounce { get; set; } = TimeSpan.FromMilliseconds(1200);

    /// <summary>
    /// The <c>Message_MaxAllowedSize</c> setting: a message longer than this many UTF-16 code units is refused with
    /// <c>error-message-size-exceeded</c>, as the server's sendMessage does.
    /// </summary>
    public int MessageMaxAllowedSize { get; set; } = 5000;

    /// <summary>
    /// The largest JSON or URL-encoded body accepted, in bytes; a longer one is refused with 413 before it is read
    /// whole. The default is the server's: <c>express.json({ limit: '50mb' })</c> and <c>express.urlencoded</c> with
    /// the same limit (<c>apps/meteor/app/api/server/api.ts</c> @ 03171a3d811a5bc1a384d676caa5ca9da9363694), and
    /// body-parser reads '50mb' as 50 × 1024 × 1024 bytes. Multipart uploads are bounded by <see cref="MaxFileSize"/>.
    /// </summary>
    public long MaxRequestBodySize { get; set; } = 50 * 1024 * 1024;

    /// <summary>
    /// The default of the <c>SSRF_Allowlist</c> setting. Like newer servers, the emulator refuses to send livechat
    /// webhooks (not the <c>webhook.test</c> sample) to private, loopback, link-local and reserved addresses unless
    /// the host is on this list. The server's default is empty; the emulator's lists the loopback names so that a
    /// receiver on the same machine works out of the box. Set it to <c>""</c> to see what a server with the default
    /// setting does, or change the setting at run time with <c>POST settings/SSRF_Allowlist</c>.
    /// </summary>
    public string SsrfAllowlist { get; set; } = "localhost,127.0.0.1,::1";

    /// <summary>
    /// The default of <c>Accounts_TwoFactorAuthentication_Enforce_Password_Fallback</c> (true, as on the server): a
    /// user without TOTP or email two-factor authentication confirms a <c>twoFactorRequired</c> call (such as
    /// <c>POST settings/:_id</c>) with the SHA-256 hex digest of the password as <c>x-2fa-code</c> and
    /// <c>x-2fa-method: password</c>. Rocket.Chat's own API test server turns it off.
    /// </summary>
    public bool EnforceTwoFactorPasswordFallback { get; set; } = true;

    /// <summary>
    /// The default of <c>Accounts_TwoFactorAuthentication_RememberFor</c> (30 minutes): how long a passed two-factor
    /// check is remembered for the login token and client, and how long after registration a user is not asked at
    /// all. Seeded users count as registered when the emulator starts. Zero remembers nothing.
    /// </summary>
    public TimeSpan TwoFactorRememberFor { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Where unexpected failures are logged (each one is also answered with a JSON 500); none by default.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock for timestamps and rate-limit windows; tests can pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
