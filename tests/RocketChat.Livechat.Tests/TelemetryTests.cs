using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests;

/// <summary>
/// Calls are reported to an ActivitySource and a Meter named "RocketChat.Livechat" with the operation, status and
/// Rocket.Chat error code, and never a token or a visitor path. Listeners are process-wide, so each test filters
/// by its own server's port.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private const string VisitorToken = "visitor-secret-token";
    private const string AuthToken = "auth-secret-token";

    private readonly FaultServer _server = new();
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<(string Instrument, object Value, Dictionary<string, object?> Tags)> _measurements = new();
    private ActivityListener _activityListener = null!;
    private MeterListener _meterListener = null!;

    public Task InitializeAsync()
    {
        int port = _server.BaseAddress.Port;
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LivechatClient.TelemetryName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("server.port") is int p && p == port)
                {
                    _activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == LivechatClient.TelemetryName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags, port));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags, port));
        _meterListener.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
        await _server.DisposeAsync();
    }

    private LivechatClient Client => LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = _server.BaseAddress, UserId = "u1", AuthToken = AuthToken });

    [Fact]
    public async Task A_successful_call_is_one_activity_one_count_and_one_duration_tagged_with_operation_and_status()
    {
        _server.Reply(Faults.Json("""{"visitor":{"_id":"v1","token":"visitor-secret-token"},"success":true}"""));

        await Client.Visitors.GetVisitorAsync(VisitorToken);

        Activity activity = Assert.Single(_activities);
        Assert.Equal("GetVisitor", activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal("GetVisitor", activity.GetTagItem(RocketChatTelemetry.OperationTag));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.NotEqual(ActivityStatusCode.Error, activity.Status);

        var count = Assert.Single(_measurements, m => m.Instrument == RocketChatTelemetry.RequestsInstrument);
        Assert.Equal(1L, count.Value);
        Assert.Equal("GetVisitor", count.Tags[RocketChatTelemetry.OperationTag]);
        Assert.Equal(200, count.Tags["http.response.status_code"]);
        var duration = Assert.Single(_measurements, m => m.Instrument == RocketChatTelemetry.DurationInstrument);
        Assert.InRange((double)duration.Value, 0, 30);
        AssertNoSecrets();
    }

    [Fact]
    public async Task A_server_error_carries_the_status_and_the_Rocket_Chat_error_code()
    {
        _server.Reply(Faults.Json("""{"success":false,"error":"invalid-token"}""", 400));

        await Assert.ThrowsAsync<RocketChatApiException>(() => Client.Visitors.GetVisitorAsync(VisitorToken));

        Activity activity = Assert.Single(_activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(400, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("invalid-token", activity.GetTagItem(RocketChatTelemetry.ErrorCodeTag));
        Assert.Equal(nameof(RocketChatApiException), activity.GetTagItem("error.type"));
        var count = Assert.Single(_measurements, m => m.Instrument == RocketChatTelemetry.RequestsInstrument);
        Assert.Equal("invalid-token", count.Tags[RocketChatTelemetry.ErrorCodeTag]);
        Assert.Equal(400, count.Tags["http.response.status_code"]);
        AssertNoSecrets();
    }

    [Fact]
    public async Task A_transport_failure_is_recorded_with_its_error_type()
    {
        _server.Reply(Faults.ResetMidBody());

        await Assert.ThrowsAsync<RocketChatConnectionException>(() => Client.Inquiries.ListInquiriesAsync());

        Activity activity = Assert.Single(_activities);
        Assert.Equal(nameof(RocketChatConnectionException), activity.GetTagItem("error.type"));
        Assert.Equal("ListInquiries", Assert.Single(_measurements, m => m.Instrument == RocketChatTelemetry.RequestsInstrument).Tags[RocketChatTelemetry.OperationTag]);
        AssertNoSecrets();
    }

    private void AssertNoSecrets()
    {
        IEnumerable<string?> texts = _activities.SelectMany(a => a.TagObjects.Select(t => t.Value?.ToString()).Append(a.DisplayName))
            .Concat(_measurements.SelectMany(m => m.Tags.Values.Select(v => v?.ToString())));
        foreach (string? text in texts)
        {
            Assert.DoesNotContain(VisitorToken, text ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(AuthToken, text ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain("/api/", text ?? string.Empty, StringComparison.Ordinal);
        }
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, int port)
        where T : notnull
    {
        var map = new Dictionary<string, object?>();
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            map[tag.Key] = tag.Value;
        }

        if (map.TryGetValue("server.port", out object? p) && p is int tagged && tagged == port)
        {
            _measurements.Enqueue((instrument.Name, value, map));
        }
    }
}
