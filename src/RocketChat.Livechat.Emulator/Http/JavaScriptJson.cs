using System.Text.Json;
using System.Text.Json.Nodes;

namespace RocketChat.Livechat.Emulator.Http;

/// <summary><c>JSON.parse</c> for JSON-valued query parameters, failing with a V8-style SyntaxError text.</summary>
internal static class JavaScriptJson
{
    public static JsonNode? Parse(string text)
    {
        try
        {
            return JavaScriptJsonParser.Parse(text);
        }
        catch (JsonException)
        {
            throw ApiErrors.Plain(text.Trim().Length == 0
                ? "Unexpected end of JSON input"
                : $"Unexpected token '{text.TrimStart()[0]}', \"{text}\" is not valid JSON");
        }
    }

    /// <summary>JavaScript's <c>Date.parse</c> for the ISO forms clients send; null when it would be NaN.</summary>
    public static DateTimeOffset? ParseDate(string? text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out DateTimeOffset date)
            ? date
            : null;
}
