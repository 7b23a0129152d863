using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RocketChat.Livechat.Emulator.Http;

namespace RocketChat.Livechat.Emulator.Validation;

/// <summary>
/// Meteor's <c>check(value, pattern)</c>, following the Match library's walk (keys in the value's order, then the
/// first missing required key) so that the "Match error: ..." texts come out as the server writes them.
/// </summary>
internal static partial class MeteorCheck
{
    private static readonly HashSet<string> s_jsKeywords = new(StringComparer.Ordinal)
    {
        "do", "if", "in", "for", "let", "new", "try", "var", "case", "else", "enum", "eval", "false", "null", "this",
        "true", "void", "with", "break", "catch", "class", "const", "super", "throw", "while", "yield", "delete",
        "export", "import", "public", "return", "static", "switch", "typeof", "default", "extends", "finally",
        "package", "private", "continue", "debugger", "function", "arguments", "interface", "protected",
        "implements", "instanceof",
    };

    /// <summary>Throws the 400 Rocket.Chat sends for a Match.Error when <paramref name="value"/> does not match.</summary>
    public static void Check(JsonNode? value, MatchPattern pattern)
    {
        if (Test(value, isPresent: true, pattern) is { } failure)
        {
            string where = failure.Path.Length > 0 ? $" in field {failure.Path}" : string.Empty;
            throw ApiErrors.MatchFailed(failure.Message + where);
        }
    }

    private sealed record Failure(string Message, string Path)
    {
        public Failure Under(string key) => this with { Path = PrependPath(key, Path) };
    }

    private static Failure? Test(JsonNode? value, bool isPresent, MatchPattern pattern)
    {
        switch (pattern)
        {
            case TypePattern type:
                string actual = JsTypeOf(value, isPresent);
                return actual == type.JsType ? null : new Failure($"Expected {type.JsType}, got {actual}", string.Empty);

            case MaybePattern maybe:
                // Match.Maybe is OneOf(undefined, null, pattern), whose failure text says nothing about the type.
                return !isPresent || value is null || Test(value, isPresent, maybe.Inner) is null
                    ? null
                    : new Failure("Failed Match.OneOf, Match.Maybe or Match.Optional validation", string.Empty);

            case ArrayPattern array:
                if (value is not JsonArray items)
                {
                    return new Failure($"Expected array, got {Describe(value, isPresent)}", string.Empty);
                }

                for (int i = 0; i < items.Count; i++)
                {
                    if (Test(items[i], isPresent: true, array.Item) is { } failure)
                    {
                        return failure.Under(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                }

                return null;

            case ObjectPattern obj:
                return TestObject(value, isPresent, obj);

            default:
                throw new InvalidOperationException($"Unsupported pattern {pattern.GetType().Name}.");
        }
    }

    private static Failure? TestObject(JsonNode? value, bool isPresent, ObjectPattern pattern)
    {
        if (value is null)
        {
            return new Failure(isPresent ? "Expected object, got null" : "Expected object, got undefined", string.Empty);
        }

        if (value is not JsonObject obj)
        {
            return value is JsonArray
                ? new Failure("Expected plain object", string.Empty)
                : new Failure($"Expected object, got {JsTypeOf(value, isPresent)}", string.Empty);
        }

        var required = pattern.Fields.Where(field => field.Value is not MaybePattern).Select(field => field.Key).ToList();
        foreach ((string key, JsonNode? subValue) in obj)
        {
            MatchPattern? subPattern = pattern.Fields.FirstOrDefault(field => field.Key == key).Value;
            if (subPattern is null)
            {
                if (!pattern.AllowsUnknownKeys)
                {
                    return new Failure("Unknown key", PrependPath(key, string.Empty));
                }

                continue;
            }

            if (Test(subValue, isPresent: true, subPattern) is { } failure)
            {
                return failure.Under(key);
            }

            required.Remove(key);
        }

        return required.Count > 0 ? new Failure($"Missing key '{required[0]}'", string.Empty) : null;
    }

    private static string JsTypeOf(JsonNode? value, bool isPresent) => value?.GetValueKind() switch
    {
        null => isPresent ? "null" : "undefined",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "object",
    };

    /// <summary>Meteor's stringForErrorMessage: the value as JSON.</summary>
    private static string Describe(JsonNode? value, bool isPresent) =>
        value is null ? (isPresent ? "null" : "undefined") : value.ToJsonString();

    /// <summary>Match's _prependPath: numeric keys become [i], odd keys become ["key"], others join with dots.</summary>
    private static string PrependPath(string key, string basePath)
    {
        if (NumericKey().IsMatch(key))
        {
            key = $"[{key}]";
        }
        else if (!IdentifierKey().IsMatch(key) || s_jsKeywords.Contains(key))
        {
            key = $"[\"{JsonEncodedText.Encode(key, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\"]";
        }

        return basePath.Length > 0 && basePath[0] != '[' ? $"{key}.{basePath}" : key + basePath;
    }

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex NumericKey();

    [GeneratedRegex("^[a-z_$][0-9a-z_$]*$", RegexOptions.IgnoreCase)]
    private static partial Regex IdentifierKey();
}
