using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>Which end of a type's range a sample takes.</summary>
public enum Limit
{
    Max,
    Min,
}

/// <summary>One JSON member of a generated record, as the generated code declares it.</summary>
public sealed record ModelMember(PropertyInfo Property, string JsonName, bool IsRequired, bool AcceptsNull)
{
    private static readonly NullabilityInfoContext s_nullability = new();

    public static IReadOnlyList<ModelMember> Of(Type record) => record
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() != null)
        .Select(p => new ModelMember(
            p,
            p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name,
            p.GetCustomAttribute<RequiredMemberAttribute>() != null,
            s_nullability.Create(p).WriteState == NullabilityState.Nullable))
        .ToList();

    public override string ToString() => Property.DeclaringType!.Name + "." + Property.Name + " (\"" + JsonName + "\")";
}

/// <summary>
/// Builds JSON for generated types at the limits of each member's type (long.MaxValue, DateTimeOffset.MinValue,
/// empty strings and lists, unknown enum values...), and compares JSON documents by meaning.
/// </summary>
public static class JsonSamples
{
    /// <summary>Past this depth an object holds only its required members, so self-referencing types end.</summary>
    private const int FullDepth = 2;

    public static bool IsRecord(Type type) => type.IsClass && type.GetCustomAttribute<JsonConverterAttribute>() != null;

    public static bool IsGeneratedEnum(Type type) => type.IsValueType && type.GetCustomAttribute<JsonConverterAttribute>() != null;

    /// <summary>Discriminators of the contract being sampled, so a derived record's sample names its own kind.</summary>
    public static AsyncLocal<ContractFacts?> Facts { get; } = new();

    public static JsonObject Object(Type record, Limit limit, int depth = 0)
    {
        if (depth > 8)
        {
            throw new InvalidOperationException($"{record.Name} needs itself through required members without end.");
        }

        if (record.IsAbstract)
        {
            // A discriminated union: sample its first derived record.
            string derived = Facts.Value!.Derived.First(d => d.Value.Base == record.Name).Key;
            return Object(record.Assembly.GetTypes().Single(t => t.Name == derived && t.Namespace == record.Namespace), limit, depth);
        }

        var json = new JsonObject();
        foreach (ModelMember member in ModelMember.Of(record))
        {
            if (member.IsRequired || depth <= FullDepth)
            {
                json[member.JsonName] = Value(member.Property.PropertyType, limit, depth + 1);
            }
        }

        if (Facts.Value?.Derived.TryGetValue(record.Name, out var kind) == true)
        {
            json[kind.Member] = kind.Value;
        }

        if (record.GetProperty("AdditionalProperties") != null)
        {
            json["x-not-in-the-contract"] = limit == Limit.Max ? new JsonArray(1, "kept") : "kept";
        }

        return json;
    }

    public static JsonNode Value(Type type, Limit limit, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        bool max = limit == Limit.Max;
        if (type == typeof(string))
        {
            return max ? JsonValue.Create("\u00fcn\u00efc\u00f8d\u00e9 \"quoted\" \\ \u2028 \U0001F600")! : JsonValue.Create(string.Empty)!;
        }

        if (type == typeof(long))
        {
            return JsonValue.Create(max ? long.MaxValue : long.MinValue);
        }

        if (type == typeof(int))
        {
            return JsonValue.Create(max ? int.MaxValue : int.MinValue);
        }

        if (type == typeof(double))
        {
            return JsonValue.Create(max ? double.MaxValue : double.MinValue);
        }

        if (type == typeof(bool))
        {
            // false is the default of bool: it must come back as false, not vanish.
            return JsonValue.Create(max);
        }

        if (type == typeof(DateTimeOffset))
        {
            // The limits in the server's form (UTC, milliseconds, Z), which is how converters write dates back.
            return JsonValue.Create(max ? "9999-12-31T23:59:59.999Z" : "0001-01-01T00:00:00.000Z");
        }

        if (type == typeof(JsonElement))
        {
            return max ? new JsonObject { ["nested"] = new JsonArray(1, "two", null, false) } : new JsonArray();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return max ? new JsonArray(Value(type.GetGenericArguments()[0], Limit.Max, depth), Value(type.GetGenericArguments()[0], Limit.Min, depth)) : new JsonArray();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return max ? new JsonObject { ["a key"] = Value(type.GetGenericArguments()[1], limit, depth) } : new JsonObject();
        }

        if (IsGeneratedEnum(type))
        {
            // An unknown value must be kept; the first known value must read as itself.
            return max ? JsonValue.Create("a-value-the-contract-does-not-list")! : JsonValue.Create(KnownValues(type).First())!;
        }

        if (IsRecord(type))
        {
            return Object(type, limit, depth);
        }

        throw new NotSupportedException($"No sample for {type}.");
    }

    /// <summary>The wire values an extensible enum lists, from its static members.</summary>
    public static IEnumerable<string> KnownValues(Type generatedEnum) => generatedEnum
        .GetProperties(BindingFlags.Public | BindingFlags.Static)
        .Where(p => p.PropertyType == generatedEnum)
        .Select(p => (string)generatedEnum.GetProperty("Value")!.GetValue(p.GetValue(null))!);

    /// <summary>Same members (in any order), same values; numbers compared exactly as integers when they are ones.</summary>
    public static bool Equivalent(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            differences.Add($"{path}: expected {expected.ValueKind} {expected.GetRawText()}, got {actual.ValueKind} {actual.GetRawText()}");
            return false;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).ToHashSet();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).ToHashSet();
                bool same = expectedNames.SetEquals(actualNames);
                if (!same)
                {
                    differences.Add($"{path}: members [{string.Join(", ", expectedNames.Order())}] became [{string.Join(", ", actualNames.Order())}]");
                }

                foreach (JsonProperty property in expected.EnumerateObject())
                {
                    if (actual.TryGetProperty(property.Name, out JsonElement value))
                    {
                        same &= Equivalent(property.Value, value, path + "." + property.Name, differences);
                    }
                }

                return same;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    differences.Add($"{path}: {expected.GetArrayLength()} items became {actual.GetArrayLength()}");
                    return false;
                }

                bool all = true;
                int index = 0;
                foreach ((JsonElement e, JsonElement a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    all &= Equivalent(e, a, $"{path}[{index++}]", differences);
                }

                return all;
            case JsonValueKind.Number:
                bool equal = expected.TryGetInt64(out long l1) && actual.TryGetInt64(out long l2)
                    ? l1 == l2
                    : expected.GetDouble().Equals(actual.GetDouble());
                if (!equal)
                {
                    differences.Add($"{path}: {expected.GetRawText()} became {actual.GetRawText()}");
                }

                return equal;
            case JsonValueKind.String:
                if (expected.GetString() != actual.GetString())
                {
                    differences.Add($"{path}: {expected.GetRawText()} became {actual.GetRawText()}");
                    return false;
                }

                return true;
            default:
                return true;
        }
    }
}
