using System.Text.Json;
using System.Text.Json.Nodes;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Services;

namespace RocketChat.Livechat.Emulator.Http;

/// <summary>The shared query helpers of Rocket.Chat's API: getPaginationItems and parseJsonQuery.</summary>
internal static class QueryParsing
{
    private static readonly KeyValuePair<string, string> s_helper = ApiErrors.Detail("helperMethod", "parseJsonQuery");

    /// <summary>offset (default 0), count (default 50, at most 100, 0 for no limit) and the JSON <c>sort</c>.</summary>
    public static Paging Paging(ApiCall call)
    {
        int offset = Math.Max(0, Integer(call, "offset") ?? 0);
        int count = Integer(call, "count") is { } requested ? Math.Abs(requested) : Services.Paging.DefaultCount;
        return new Paging(offset, Math.Min(count, Services.Paging.MaxCount), Sort(call));
    }

    /// <summary>
    /// A numeric query parameter as the integer parseInt makes of it; null when absent. A value no 32-bit integer
    /// holds (±Infinity, -1e20, -2147483648 whose absolute value MongoDB would take) is refused with a 400 where the
    /// server would fail in the database, instead of wrapping around.
    /// </summary>
    public static int? Integer(ApiCall call, string name)
    {
        if (call.QueryNumber(name) is not { } number)
        {
            return null;
        }

        double truncated = Math.Truncate(number);
        return double.IsFinite(truncated) && Math.Abs(truncated) <= int.MaxValue
            ? (int)truncated
            : throw ApiErrors.InvalidParams($"{name} must be an integer between -{int.MaxValue} and {int.MaxValue}");
    }

    /// <summary>The <c>sort</c> parameter as a MongoDB sort document; null when not given.</summary>
    public static IReadOnlyList<SortField>? Sort(ApiCall call)
    {
        if (call.QueryString("sort") is not { Length: > 0 } text)
        {
            return null;
        }

        return ParseObject(text, "error-invalid-sort", $"Invalid sort parameter provided \"{text}\"") is { } sort
            ? sort.Select(field => new SortField(field.Key, ToDirection(field.Value))).ToList()
            : null;
    }

    /// <summary>The <c>fields</c> parameter as a projection.</summary>
    public static FieldProjection Fields(ApiCall call)
    {
        if (call.QueryString("fields") is not { Length: > 0 } text)
        {
            return FieldProjection.All;
        }

        JsonObject? fields = ParseObject(text, "error-invalid-fields", $"Invalid fields parameter provided \"{text}\"");
        return fields is null
            ? FieldProjection.All
            : FieldProjection.From(fields.ToDictionary(field => field.Key, field => ToDirection(field.Value), StringComparer.Ordinal));
    }

    /// <summary>Checks that the <c>query</c> parameter is JSON; the emulator does not apply it.</summary>
    public static void CheckQuery(ApiCall call)
    {
        if (call.QueryString("query") is { Length: > 0 } text)
        {
            ParseObject(text, "error-invalid-query", $"Invalid query parameter provided \"{text}\"");
        }
    }

    private static JsonObject? ParseObject(string text, string code, string reason)
    {
        try
        {
            return JavaScriptJsonParser.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            throw ApiErrors.Meteor(code, reason, s_helper);
        }
    }

    private static int ToDirection(JsonNode? value) =>
        value is JsonValue number && number.TryGetValue(out double direction) && direction < 0 ? -1 : (value is null || value.ToJsonString() is "0" or "false" ? 0 : 1);
}
