using System.Text;
using System.Text.Json;
using RocketChat.Contracts.Runtime.Json;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>The scalar forms Rocket.Chat sends besides the documented one, and the error for anything else.</summary>
public sealed class JsonScalarsTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"false\"", false)]
    public void A_boolean_is_read_from_a_literal_or_its_string(string json, bool expected)
    {
        Assert.Equal(expected, Read(json, JsonScalars.ReadBoolean));
    }

    [Theory]
    [InlineData("1", "Number")]
    [InlineData("\"yes\"", "String")]
    [InlineData("null", "Null")]
    public void Anything_else_is_not_a_boolean(string json, string found)
    {
        JsonException error = Assert.Throws<JsonException>(() => Read(json, JsonScalars.ReadBoolean));
        Assert.Equal($"Expected a boolean but found {found}.", error.Message);
    }

    [Theory]
    [InlineData("\"2024-03-05T10:20:30Z\"", "2024-03-05T10:20:30+00:00")]
    [InlineData("\"2024-03-05T10:20:30+02:00\"", "2024-03-05T10:20:30+02:00")]
    [InlineData("\"2024-03-05 10:20:30\"", "2024-03-05T10:20:30+00:00")]
    [InlineData("\"Tue, 05 Mar 2024 10:20:30 GMT\"", "2024-03-05T10:20:30+00:00")]
    [InlineData("1709634030000", "2024-03-05T10:20:30+00:00")]
    [InlineData("""{"$date":1709634030000}""", "2024-03-05T10:20:30+00:00")]
    [InlineData("""{"$date":"2024-03-05T10:20:30Z"}""", "2024-03-05T10:20:30+00:00")]
    public void A_date_is_read_from_iso_text_other_invariant_text_epoch_milliseconds_or_ejson(string json, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Read(json, JsonScalars.ReadDateTimeOffset));
    }

    [Fact]
    public void Members_before_and_after_date_in_an_ejson_object_are_skipped_whatever_they_hold()
    {
        Assert.Equal(
            DateTimeOffset.FromUnixTimeMilliseconds(1709634030000),
            Read("""{"$meta":{"nested":{"$date":1},"list":[1,2]},"$date":1709634030000,"$after":[{"x":1}]}""", JsonScalars.ReadDateTimeOffset));
    }

    [Fact]
    public void The_first_and_last_representable_epoch_milliseconds_are_dates()
    {
        Assert.Equal(DateTimeOffset.MinValue, Read(DateTimeOffset.MinValue.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), JsonScalars.ReadDateTimeOffset));
        Assert.Equal(
            DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()),
            Read(DateTimeOffset.MaxValue.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), JsonScalars.ReadDateTimeOffset));
    }

    [Theory]
    [InlineData("\"soon\"", "Expected a date but found String.")]
    [InlineData("""{"ts":1}""", "Expected a date but found EndObject.")]
    [InlineData("true", "Expected a date but found True.")]
    public void Text_that_is_no_date_and_an_object_without_date_are_errors(string json, string message)
    {
        Assert.Equal(message, Assert.Throws<JsonException>(() => Read(json, JsonScalars.ReadDateTimeOffset)).Message);
    }

    private static T Read<T>(string json, JsonReadFunc<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader);
    }
}
