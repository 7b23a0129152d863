using System.Buffers;
using System.Text;
using System.Text.Json;
using RocketChat.Contracts.Runtime.Json;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>
/// Generated converters write dates as Rocket.Chat does (JavaScript's <c>Date.toISOString()</c>: UTC, milliseconds,
/// <c>Z</c>), not in .NET's round-trip form (<c>+00:00</c>, seven fraction digits).
/// </summary>
public sealed class DateWritingTests
{
    [Fact]
    public void A_date_read_from_the_server_is_written_back_unchanged()
    {
        const string json = """{"_id":"m1","rid":"r1","msg":"hi","ts":"2026-11-25T10:00:00.000Z","u":{"_id":"u1","username":"agent"}}""";

        Message message = JsonSerializer.Deserialize(json, LivechatJsonContext.Default.Message)!;
        using JsonDocument back = JsonDocument.Parse(JsonSerializer.Serialize(message, LivechatJsonContext.Default.Message));

        Assert.Equal("2026-11-25T10:00:00.000Z", back.RootElement.GetProperty("ts").GetString());
    }

    [Fact]
    public void A_date_with_another_offset_is_written_in_utc()
    {
        var twoHoursEast = new DateTimeOffset(2026, 11, 25, 12, 30, 0, 250, TimeSpan.FromHours(2));

        Assert.Equal("2026-11-25T10:30:00.250Z", WriteMember(twoHoursEast));
        Assert.Equal("\"2026-11-25T10:30:00.250Z\"", WriteItem(twoHoursEast));
    }

    [Fact]
    public void Precision_below_the_millisecond_is_truncated_as_a_javascript_date_has_none()
    {
        DateTimeOffset almostNextMillisecond = new DateTimeOffset(2026, 11, 25, 10, 0, 0, 123, TimeSpan.Zero).AddTicks(9_999);

        Assert.Equal("2026-11-25T10:00:00.123Z", WriteMember(almostNextMillisecond));
    }

    [Fact]
    public void The_limits_of_DateTimeOffset_are_written_with_four_digit_years()
    {
        Assert.Equal("9999-12-31T23:59:59.999Z", WriteMember(DateTimeOffset.MaxValue));
        Assert.Equal("0001-01-01T00:00:00.000Z", WriteMember(DateTimeOffset.MinValue));
    }

    [Fact]
    public void A_date_member_of_a_generated_model_is_written_in_utc()
    {
        var room = new LivechatRoom { Id = "r1", Timestamp = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5)) };

        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(room, LivechatJsonContext.Default.LivechatRoom));

        Assert.Equal("2026-01-02T08:04:05.000Z", json.RootElement.GetProperty("ts").GetString());
    }

    private static string WriteMember(DateTimeOffset value)
    {
        string json = Write(writer =>
        {
            writer.WriteStartObject();
            JsonMembers.WriteDateTimeOffset(writer, JsonEncodedText.Encode("d"), value);
            writer.WriteEndObject();
        });
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("d").GetString()!;
    }

    private static string WriteItem(DateTimeOffset value) => Write(writer => JsonScalars.WriteDateTimeOffset(writer, value));

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
