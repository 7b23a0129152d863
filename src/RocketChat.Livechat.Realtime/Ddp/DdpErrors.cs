using System.Globalization;
using System.Text.Json;

namespace RocketChat.Livechat.Realtime.Ddp;

/// <summary>Turns a Meteor.Error object (<c>result.error</c>, <c>nosub.error</c>) into the matching typed exception.</summary>
internal static class DdpErrors
{
    public static RealtimeServerException ToException(string operation, JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            return new RealtimeServerException(operation, error.ToString(), reason: null, details: null);
        }

        string code = error.TryGetProperty("error", out JsonElement codeElement)
            ? codeElement.ValueKind == JsonValueKind.Number ? codeElement.GetRawText() : codeElement.GetString() ?? "unknown"
            : "unknown";
        string? reason = error.TryGetProperty("reason", out JsonElement reasonElement) && reasonElement.ValueKind == JsonValueKind.String
            ? reasonElement.GetString()
            : null;
        JsonElement? details = error.TryGetProperty("details", out JsonElement detailsElement) && detailsElement.ValueKind == JsonValueKind.Object
            ? detailsElement.Clone()
            : null;

        return code switch
        {
            "too-many-requests" => new RealtimeRateLimitException(operation, reason, details, TimeToReset(details)),
            "totp-required" or "totp-invalid" => new RealtimeTwoFactorException(operation, code, reason, details, StringDetail(details, "method"), StringArrayDetail(details, "availableMethods")),
            _ => new RealtimeServerException(operation, code, reason, details),
        };
    }

    /// <summary>The wait the server asks for, kept within what a TimeSpan holds (a negative one is no wait).</summary>
    private static TimeSpan TimeToReset(JsonElement? details) =>
        details is { } d && d.TryGetProperty("timeToReset", out JsonElement ms) && ms.ValueKind == JsonValueKind.Number
            ? ms.GetDouble() switch
            {
                <= 0 => TimeSpan.Zero,
                >= MaxMilliseconds => TimeSpan.MaxValue,
                double value => TimeSpan.FromMilliseconds(value),
            }
            : TimeSpan.Zero;

    /// <summary>A little under <see cref="TimeSpan.MaxValue"/> in milliseconds, so rounding cannot overflow.</summary>
    private const double MaxMilliseconds = 922_337_203_685_000d;

    private static string? StringDetail(JsonElement? details, string name) =>
        details is { } d && d.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] StringArrayDetail(JsonElement? details, string name) =>
        details is { } d && d.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText()).ToArray()
            : [];

    /// <summary>A readable form of a top-level <c>error</c> message, for the protocol exception.</summary>
    public static string Describe(JsonElement root) =>
        root.TryGetProperty("reason", out JsonElement reason)
            ? string.Format(CultureInfo.InvariantCulture, "the server reported a protocol error: {0}", reason.ToString())
            : "the server reported a protocol error.";
}
