using System.Globalization;
using System.Text.Json;

namespace RocketChat.Livechat.Tests;

/// <summary>
/// Compares what a server sent with what the client wrote back after reading it: the same members with the same
/// values. Only re-encodings of one value count as equal: a number sent as a string ("42"), a boolean sent as a string,
/// a date as ISO text, epoch milliseconds or EJSON <c>{"$date": ms}</c>, and a member sent as null and written as absent.
/// </summary>
internal static class JsonEquivalence
{
    public static List<string> Differences(JsonElement sent, JsonElement written)
    {
        var differences = new List<string>();
        Compare(sent, written, "$", differences);
        return differences;
    }

    private static void Compare(JsonElement sent, JsonElement written, string path, List<string> differences)
    {
        if (AsDate(sent) is { } sentDate && AsDate(written) is { } writtenDate && (sent.ValueKind != written.ValueKind || sent.ValueKind == JsonValueKind.String))
        {
            if (sentDate != writtenDate)
            {
                differences.Add($"{path}: date {sent.GetRawText()} became {written.GetRawText()}");
            }

            return;
        }

        if (sent.ValueKind == JsonValueKind.Object && written.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty member in sent.EnumerateObject())
            {
                if (!written.TryGetProperty(member.Name, out JsonElement value))
                {
                    if (member.Value.ValueKind != JsonValueKind.Null)
                    {
                        differences.Add($"{path}.{member.Name}: {member.Value.GetRawText()} was dropped");
                    }

                    continue;
                }

                Compare(member.Value, value, path + "." + member.Name, differences);
            }

            foreach (JsonProperty member in written.EnumerateObject())
            {
                if (!sent.TryGetProperty(member.Name, out _))
                {
                    differences.Add($"{path}.{member.Name}: {member.Value.GetRawText()} appeared");
                }
            }

            return;
        }

        if (sent.ValueKind == JsonValueKind.Array && written.ValueKind == JsonValueKind.Array)
        {
            if (sent.GetArrayLength() != written.GetArrayLength())
            {
                differences.Add($"{path}: {sent.GetArrayLength()} items became {written.GetArrayLength()}");
                return;
            }

            int index = 0;
            foreach ((JsonElement s, JsonElement w) in sent.EnumerateArray().Zip(written.EnumerateArray()))
            {
                Compare(s, w, $"{path}[{index++}]", differences);
            }

            return;
        }

        if (Scalar(sent) != Scalar(written))
        {
            differences.Add($"{path}: {sent.GetRawText()} became {written.GetRawText()}");
        }
    }

    /// <summary>A scalar's value as text, with "42" and 42, "true" and true the same.</summary>
    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number) => number.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDecimal().ToString(CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };

    private static DateTimeOffset? AsDate(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when value.GetString()!.Length >= 10 && value.GetString()![4] == '-'
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date) => date,
        JsonValueKind.Object when value.TryGetProperty("$date", out JsonElement inner) && inner.ValueKind == JsonValueKind.Number => DateTimeOffset.FromUnixTimeMilliseconds(inner.GetInt64()),
        JsonValueKind.Number when value.TryGetInt64(out long ms) && ms > 100_000_000_000 => DateTimeOffset.FromUnixTimeMilliseconds(ms),
        _ => null,
    };
}
