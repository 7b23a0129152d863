using System.Text.Json;
using RocketChat.Contracts.Runtime.Json;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>
/// The base of generated converters: System.Text.Json's Read and Write reach the converter's static ReadValue and
/// WriteValue, at the root and inside other values, with the options' own converters for everything else.
/// </summary>
public sealed class GeneratedJsonConverterTests
{
    [Fact]
    public void Read_and_write_go_through_the_static_members()
    {
        var options = new JsonSerializerOptions { Converters = { new CelsiusJsonConverter() } };

        Assert.Equal("\"21.5C\"", JsonSerializer.Serialize(new Celsius(21.5), options));
        Assert.Equal(new Celsius(-3), JsonSerializer.Deserialize<Celsius>("\"-3C\"", options));
        Assert.Equal("[\"1C\",\"2C\"]", JsonSerializer.Serialize(new[] { new Celsius(1), new Celsius(2) }, options));
        Assert.Equal(new[] { new Celsius(4) }, JsonSerializer.Deserialize<Celsius[]>("[\"4C\"]", options)!);
    }

    [Fact]
    public void An_error_of_ReadValue_reaches_the_caller_as_it_is()
    {
        var options = new JsonSerializerOptions { Converters = { new CelsiusJsonConverter() } };
        JsonException error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Celsius>("\"21F\"", options));
        Assert.Contains("Not in Celsius: 21F", error.Message, StringComparison.Ordinal);
    }

    public sealed record Celsius(double Degrees);

    private sealed class CelsiusJsonConverter : GeneratedJsonConverter<Celsius, CelsiusJsonConverter>, IGeneratedJsonConverter<Celsius>
    {
        public static Celsius ReadValue(ref Utf8JsonReader reader)
        {
            string text = reader.GetString()!;
            return text.EndsWith('C')
                ? new Celsius(double.Parse(text[..^1], System.Globalization.CultureInfo.InvariantCulture))
                : throw new JsonException("Not in Celsius: " + text);
        }

        public static void WriteValue(Utf8JsonWriter writer, Celsius value) =>
            writer.WriteStringValue(value.Degrees.ToString(System.Globalization.CultureInfo.InvariantCulture) + "C");
    }
}
