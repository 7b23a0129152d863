namespace RocketChat.Contracts.Runtime;

/// <summary>Limits and naming for a <see cref="RocketChatConnection"/>.</summary>
public sealed class RocketChatConnectionOptions
{
    /// <summary>The default <see cref="MaxResponseBodySize"/>: 32 MiB.</summary>
    public const long DefaultMaxResponseBodySize = 32L * 1024 * 1024;

    /// <summary>
    /// How long one call may take in all: sending, the headers and the whole body. Null uses the HttpClient's
    /// <see cref="HttpClient.Timeout"/> (100 s by default), which alone would not cover the body.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// The largest response body read, in bytes. A longer one (by Content-Length, or found while reading) fails the
    /// call with <see cref="RocketChatResponseException"/> instead of filling memory.
    /// </summary>
    public long MaxResponseBodySize { get; init; } = DefaultMaxResponseBodySize;

    /// <summary>The ActivitySource and Meter name the calls are reported under (see <see cref="RocketChatTelemetry"/>).</summary>
    public string TelemetryName { get; init; } = RocketChatTelemetry.DefaultName;
}
