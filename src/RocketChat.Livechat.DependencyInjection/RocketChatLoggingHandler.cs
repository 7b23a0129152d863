using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat;

/// <summary>
/// Logs each call by its contract operation name, status and duration. Paths are not logged: they can hold visitor
/// tokens, which are credentials.
/// </summary>
public sealed partial class RocketChatLoggingHandler : DelegatingHandler
{
    private readonly ILogger<RocketChatLoggingHandler> _logger;

    /// <summary>Creates the handler.</summary>
    public RocketChatLoggingHandler(ILogger<RocketChatLoggingHandler> logger)
    {
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string operation = (request as RocketChatRequestMessage)?.Operation ?? request.Method.Method;
        long started = Stopwatch.GetTimestamp();
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            double elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                LogCompleted(_logger, operation, (int)response.StatusCode, elapsed);
            }
            else
            {
                LogFailed(_logger, operation, (int)response.StatusCode, elapsed);
            }

            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnreachable(_logger, operation, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Rocket.Chat {Operation} returned {StatusCode} in {ElapsedMs:F1} ms")]
    private static partial void LogCompleted(ILogger logger, string operation, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Rocket.Chat {Operation} failed with {StatusCode} in {ElapsedMs:F1} ms")]
    private static partial void LogFailed(ILogger logger, string operation, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Rocket.Chat {Operation} could not reach the server ({Error}) after {ElapsedMs:F1} ms")]
    private static partial void LogUnreachable(ILogger logger, string operation, string error, double elapsedMs);
}
