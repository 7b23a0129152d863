using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>
/// What a telemetry backend receives from a connection: the instruments' units, the tags of the activity and of each
/// measurement, and measurements for whichever instrument alone is listened to. Each test reports under its own
/// telemetry name, so listeners of other tests never see its calls.
/// </summary>
public sealed class TelemetryInstrumentTests
{
    private readonly string _name = "RocketChat.Tests." + Guid.NewGuid().ToString("N");

    [Fact]
    public void The_instruments_declare_unit_and_description()
    {
        var published = new List<Instrument>();
        using var listener = new MeterListener { InstrumentPublished = (instrument, _) => { if (instrument.Meter.Name == _name) published.Add(instrument); } };
        listener.Start();

        RocketChatTelemetry.For(_name);

        Instrument requests = Assert.Single(published, i => i.Name == RocketChatTelemetry.RequestsInstrument);
        Assert.Equal("{request}", requests.Unit);
        Assert.Equal("Rocket.Chat API calls made by the client.", requests.Description);
        Instrument duration = Assert.Single(published, i => i.Name == RocketChatTelemetry.DurationInstrument);
        Assert.Equal("s", duration.Unit);
        Assert.Equal("Duration of Rocket.Chat API calls, response body included.", duration.Description);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_name_is_rejected(string name)
    {
        Assert.Throws<ArgumentException>(() => RocketChatTelemetry.For(name));
    }

    [Fact]
    public async Task The_activity_and_the_measurements_name_the_method_and_the_server_host()
    {
        using var recorder = new Recorder(_name, RocketChatTelemetry.RequestsInstrument, RocketChatTelemetry.DurationInstrument);

        await Connect(new CapturingHandler()).SendAsync(Probe(HttpMethod.Post), CancellationToken.None);

        Activity activity = Assert.Single(recorder.Activities);
        Assert.Equal("chat.example.com", activity.GetTagItem("server.address"));
        Assert.Equal(8443, activity.GetTagItem("server.port"));
        Assert.Equal(2, recorder.Measurements.Count);
        Assert.All(recorder.Measurements, m =>
        {
            Assert.Equal("POST", m.Tags["http.request.method"]);
            Assert.Equal("chat.example.com", m.Tags["server.address"]);
            Assert.Equal(8443, m.Tags["server.port"]);
            Assert.Equal(200, m.Tags["http.response.status_code"]);
            Assert.False(m.Tags.ContainsKey("error.type"), "a successful call has no error.type");
            Assert.False(m.Tags.ContainsKey(RocketChatTelemetry.ErrorCodeTag), "a successful call has no error code");
        });
    }

    [Fact]
    public async Task A_failure_without_a_Rocket_Chat_code_reports_its_type_as_status_and_in_the_measurements()
    {
        using var recorder = new Recorder(_name, RocketChatTelemetry.RequestsInstrument);

        await Assert.ThrowsAsync<RocketChatApiException>(() => Connect(new CapturingHandler(HttpStatusCode.InternalServerError, "oops")).SendAsync(Probe(HttpMethod.Get), CancellationToken.None));

        Activity activity = Assert.Single(recorder.Activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(nameof(RocketChatApiException), activity.StatusDescription);
        var count = Assert.Single(recorder.Measurements);
        Assert.Equal(nameof(RocketChatApiException), count.Tags["error.type"]);
        Assert.Equal(500, count.Tags["http.response.status_code"]);
    }

    [Fact]
    public async Task A_failure_with_a_Rocket_Chat_code_reports_the_code_as_status()
    {
        using var recorder = new Recorder(_name, RocketChatTelemetry.RequestsInstrument);

        await Assert.ThrowsAsync<RocketChatApiException>(() => Connect(new CapturingHandler(HttpStatusCode.BadRequest, """{"success":false,"error":"room-closed"}""")).SendAsync(Probe(HttpMethod.Get), CancellationToken.None));

        Assert.Equal("room-closed", Assert.Single(recorder.Activities).StatusDescription);
    }

    [Fact]
    public async Task A_cancelled_call_is_reported_as_cancelled()
    {
        using var recorder = new Recorder(_name, RocketChatTelemetry.RequestsInstrument);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Connect(new CapturingHandler()).SendAsync(Probe(HttpMethod.Get), cancelled.Token));

        Activity activity = Assert.Single(recorder.Activities);
        Assert.Equal("cancelled", activity.GetTagItem("error.type"));
        Assert.Equal("cancelled", activity.StatusDescription);
        Assert.Equal("cancelled", Assert.Single(recorder.Measurements).Tags["error.type"]);
    }

    [Theory]
    [MemberData(nameof(ConnectionBehaviourTests.Kinds), MemberType = typeof(ConnectionBehaviourTests))]
    public async Task Every_kind_of_call_ends_its_activity_on_success_and_on_failure(string kind)
    {
        using var recorder = new Recorder(_name, RocketChatTelemetry.RequestsInstrument);

        await ConnectionBehaviourTests.Call(Connect(new CapturingHandler()), kind);
        await Assert.ThrowsAsync<RocketChatApiException>(() => ConnectionBehaviourTests.Call(Connect(new CapturingHandler(HttpStatusCode.BadGateway, "down")), kind));

        Assert.Equal(2, recorder.Activities.Count);
        Assert.Equal(200, recorder.Activities[0].GetTagItem("http.response.status_code"));
        Assert.Null(recorder.Activities[0].GetTagItem("error.type"));
        Assert.Equal(nameof(RocketChatApiException), recorder.Activities[1].GetTagItem("error.type"));
        Assert.Equal(2, recorder.Measurements.Count);
    }

    [Theory]
    [InlineData(RocketChatTelemetry.RequestsInstrument)]
    [InlineData(RocketChatTelemetry.DurationInstrument)]
    public async Task Listening_to_one_instrument_alone_still_gets_its_measurement(string instrument)
    {
        using var recorder = new Recorder(_name, instrument);

        await Connect(new CapturingHandler()).SendAsync(Probe(HttpMethod.Get), CancellationToken.None);

        Assert.Equal(instrument, Assert.Single(recorder.Measurements).Instrument);
    }

    private RocketChatConnection Connect(CapturingHandler handler) =>
        new(new HttpClient(handler), new Uri("https://chat.example.com:8443/"), options: new RocketChatConnectionOptions { TelemetryName = _name });

    private static ApiRequest Probe(HttpMethod method) => new ApiRequest(method, "Probe", requiresAuthentication: false).AppendPath("api/v1/probe");

    /// <summary>Records the activities of one telemetry name and the measurements of the instruments asked for.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly ActivityListener _activities;
        private readonly MeterListener _meters;

        public Recorder(string name, params string[] instruments)
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = Activities.Add,
            };
            ActivitySource.AddActivityListener(_activities);
            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == name && instruments.Contains(instrument.Name))
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
            _meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
            _meters.Start();
        }

        public List<Activity> Activities { get; } = [];

        public List<(string Instrument, Dictionary<string, object?> Tags)> Measurements { get; } = [];

        public void Dispose()
        {
            _activities.Dispose();
            _meters.Dispose();
        }

        private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var map = new Dictionary<string, object?>();
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                map[tag.Key] = tag.Value;
            }

            Measurements.Add((instrument.Name, map));
        }
    }
}
