using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;

namespace RocketChat.Contracts.Runtime;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> a client reports its calls to, both named after the client
/// (e.g. "RocketChat.Livechat"). Tags carry the operation name, method, status code, Rocket.Chat error code and the
/// server's host and port; never a path, query, header or token, since visitor tokens travel in paths.
/// </summary>
public sealed class RocketChatTelemetry
{
    /// <summary>The name used when a connection is not given one.</summary>
    public const string DefaultName = "RocketChat.Contracts";

    /// <summary>Counter of calls, one per operation call whatever its outcome.</summary>
    public const string RequestsInstrument = "rocketchat.client.requests";

    /// <summary>Histogram of call durations in seconds, body reading included.</summary>
    public const string DurationInstrument = "rocketchat.client.request.duration";

    /// <summary>Tag: the contract's operation name, e.g. "RegisterVisitor".</summary>
    public const string OperationTag = "rocketchat.operation";

    /// <summary>Tag: Rocket.Chat's machine-readable error code, e.g. "invalid-token", when the server sent one.</summary>
    public const string ErrorCodeTag = "rocketchat.error_code";

    private static readonly ConcurrentDictionary<string, RocketChatTelemetry> s_byName = new(StringComparer.Ordinal);

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    private RocketChatTelemetry(string name)
    {
        Name = name;
        string? version = typeof(RocketChatTelemetry).Assembly.GetName().Version?.ToString(3);
        ActivitySource = new ActivitySource(name, version);
        Meter = new Meter(name, version);
        _requests = Meter.CreateCounter<long>(RequestsInstrument, "{request}", "Rocket.Chat API calls made by the client.");
        _duration = Meter.CreateHistogram<double>(DurationInstrument, "s", "Duration of Rocket.Chat API calls, response body included.");
    }

    /// <summary>The ActivitySource and Meter name.</summary>
    public string Name { get; }

    /// <summary>Starts one activity per call, named after the operation.</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary>Holds <see cref="RequestsInstrument"/> and <see cref="DurationInstrument"/>.</summary>
    public Meter Meter { get; }

    /// <summary>The shared instance for <paramref name="name"/> (one ActivitySource and Meter per name per process).</summary>
    public static RocketChatTelemetry For(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return s_byName.GetOrAdd(name, static n => new RocketChatTelemetry(n));
    }

    internal Activity? StartCall(ApiRequest request, Uri server)
    {
        Activity? activity = ActivitySource.StartActivity(request.Operation, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag(OperationTag, request.Operation);
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("server.address", server.Host);
            activity.SetTag("server.port", server.Port);
        }

        return activity;
    }

    internal void EndCall(Activity? activity, ApiRequest request, Uri server, long startedTimestamp, HttpStatusCode? status, Exception? failure)
    {
        string? errorCode = (failure as RocketChatApiException)?.ErrorCode;
        string? errorType = failure switch
        {
            null => null,
            OperationCanceledException => "cancelled",
            _ => failure.GetType().Name,
        };
        int? statusCode = status is { } s ? (int)s : (failure as RocketChatApiException)?.StatusCode is { } fs ? (int)fs : null;
        if (activity is not null)
        {
            if (statusCode is { } code)
            {
                activity.SetTag("http.response.status_code", code);
            }

            if (errorCode is not null)
            {
                activity.SetTag(ErrorCodeTag, errorCode);
            }

            if (errorType is not null)
            {
                activity.SetTag("error.type", errorType);
                activity.SetStatus(ActivityStatusCode.Error, errorCode ?? errorType);
            }

            activity.Dispose();
        }

        if (!_requests.Enabled && !_duration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { OperationTag, request.Operation },
            { "http.request.method", request.Method.Method },
            { "server.address", server.Host },
            { "server.port", server.Port },
        };
        if (statusCode is { } tagged)
        {
            tags.Add("http.response.status_code", tagged);
        }

        if (errorCode is not null)
        {
            tags.Add(ErrorCodeTag, errorCode);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        _requests.Add(1, tags);
        _duration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, tags);
    }
}
