using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RocketChat.Livechat.Emulator.Validation;

/// <summary>
/// Validates like the ajv instance of Rocket.Chat's rest-typings (<c>coerceTypes: true</c>, first error only):
/// values are coerced in place ("50" becomes 50, "true" becomes true) and a failure yields ajv's message,
/// e.g. "must have required property 'token'". For query strings, the coerceArrays flag also turns a
/// single value into a one-element array, so <c>agents=x</c> works like <c>agents[]=x</c> (the wrapping half of
/// ajvQuery's <c>coerceTypes: "array"</c>); an array is never unwrapped into a scalar, so <c>roomName[]=x</c> still
/// fails as the server's end-to-end tests expect.
/// </summary>
internal static class AjvValidator
{
    /// <summary>Returns null when valid (after coercing <paramref name="node"/>), otherwise the error message.</summary>
    public static string? Validate(ref JsonNode? node, Schema schema, bool coerceArrays)
    {
        List<string> errors = [];
        return Validate(ref node, schema, coerceArrays, errors) ? null : string.Join("\n ", errors);
    }

    private static bool Validate(ref JsonNode? node, Schema schema, bool coerceArrays, List<string> errors)
    {
        if (node is null && schema.Nullable)
        {
            return true;
        }

        switch (schema)
        {
            case StringSchema stringSchema:
                return ValidateString(ref node, stringSchema, errors);
            case NumberSchema:
                return Coerce(ref node, TryCoerceNumber, "must be number", errors);
            case BooleanSchema:
                return Coerce(ref node, TryCoerceBoolean, "must be boolean", errors);
            case ArraySchema arraySchema:
                return ValidateArray(ref node, arraySchema, coerceArrays, errors);
            case ObjectSchema objectSchema:
                return ValidateObject(node, objectSchema, coerceArrays, errors);
            case AnyOfSchema anyOf:
                return ValidateAnyOf(ref node, anyOf, coerceArrays, errors);
            default:
                throw new InvalidOperationException($"Unsupported schema {schema.GetType().Name}.");
        }
    }

    private static bool ValidateString(ref JsonNode? node, StringSchema schema, List<string> errors)
    {
        if (!Coerce(ref node, TryCoerceString, "must be string", errors))
        {
            return false;
        }

        if (schema.AllowedValues is { } allowed && !allowed.Contains(node!.GetValue<string>(), StringComparer.Ordinal))
        {
            errors.Add("must be equal to one of the allowed values");
            return false;
        }

        return true;
    }

    private delegate bool Coercion(JsonNode? value, out JsonNode? coerced);

    private static bool Coerce(ref JsonNode? node, Coercion coerce, string message, List<string> errors)
    {
        if (coerce(node, out JsonNode? coerced))
        {
            node = coerced;
            return true;
        }

        errors.Add(message);
        return false;
    }

    private static bool TryCoerceString(JsonNode? value, out JsonNode? coerced)
    {
        coerced = value;
        switch (value?.GetValueKind())
        {
            case JsonValueKind.String:
                return true;
            case JsonValueKind.Number:
                coerced = JsonValue.Create(value!.ToJsonString());
                return true;
            case JsonValueKind.True or JsonValueKind.False:
                coerced = JsonValue.Create(value!.GetValue<bool>() ? "true" : "false");
                return true;
            case null:
                coerced = JsonValue.Create(string.Empty);
                return true;
            default:
                return false;
        }
    }

    private static bool TryCoerceNumber(JsonNode? value, out JsonNode? coerced)
    {
        coerced = value;
        switch (value?.GetValueKind())
        {
            case JsonValueKind.Number:
                return true;
            case JsonValueKind.String:
                string text = value!.GetValue<string>();
                // ajv's `data == +data`: NaN is not a number even though .NET parses the word.
                if (text.Trim().Length > 0
                    && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
                    && !double.IsNaN(number))
                {
                    coerced = JsonValue.Create(number);
                    return true;
                }

                return false;
            case JsonValueKind.True or JsonValueKind.False:
                coerced = JsonValue.Create(value!.GetValue<bool>() ? 1d : 0d);
                return true;
            case null:
                coerced = JsonValue.Create(0d);
                return true;
            default:
                return false;
        }
    }

    private static bool TryCoerceBoolean(JsonNode? value, out JsonNode? coerced)
    {
        coerced = value;
        switch (value?.GetValueKind())
        {
            case JsonValueKind.True or JsonValueKind.False:
                return true;
            case JsonValueKind.String when value!.GetValue<string>() is "true" or "false":
                coerced = JsonValue.Create(value.GetValue<string>() == "true");
                return true;
            case JsonValueKind.Number when value!.ToJsonString() is "1" or "0":
                coerced = JsonValue.Create(value.ToJsonString() == "1");
                return true;
            case null:
                coerced = JsonValue.Create(false);
                return true;
            default:
                return false;
        }
    }

    private static bool ValidateArray(ref JsonNode? node, ArraySchema schema, bool coerceArrays, List<string> errors)
    {
        if (node is not JsonArray array)
        {
            if (!coerceArrays || node is JsonObject)
            {
                errors.Add("must be array");
                return false;
            }

            array = [Detach(node)];
            node = array;
        }

        if (array.Count < schema.MinItems)
        {
            errors.Add($"must NOT have fewer than {schema.MinItems} items");
            return false;
        }

        for (int i = 0; i < array.Count; i++)
        {
            JsonNode? item = array[i];
            if (!Validate(ref item, schema.Items, coerceArrays, errors))
            {
                return false;
            }

            if (!ReferenceEquals(item, array[i]))
            {
                array[i] = Detach(item);
            }
        }

        return true;
    }

    private static bool ValidateObject(JsonNode? node, ObjectSchema schema, bool coerceArrays, List<string> errors)
    {
        if (node is not JsonObject obj)
        {
            errors.Add("must be object");
            return false;
        }

        // ajv checks the object keywords in this order: required, additionalProperties, properties.
        foreach (string required in schema.Required)
        {
            if (!obj.ContainsKey(required))
            {
                errors.Add($"must have required property '{required}'");
                return false;
            }
        }

        if (!schema.AdditionalProperties && obj.Any(property => !schema.Declares(property.Key)))
        {
            errors.Add("must NOT have additional properties");
            return false;
        }

        foreach ((string name, Schema propertySchema) in schema.Properties)
        {
            if (!obj.TryGetPropertyValue(name, out JsonNode? value))
            {
                continue;
            }

            JsonNode? validated = value;
            if (!Validate(ref validated, propertySchema, coerceArrays, errors))
            {
                return false;
            }

            if (!ReferenceEquals(validated, value))
            {
                obj[name] = Detach(validated);
            }
        }

        return true;
    }

    private static bool ValidateAnyOf(ref JsonNode? node, AnyOfSchema schema, bool coerceArrays, List<string> errors)
    {
        List<string> branchErrors = [];
        foreach (Schema option in schema.Options)
        {
            JsonNode? candidate = node?.DeepClone();
            if (Validate(ref candidate, option, coerceArrays, branchErrors))
            {
                node = candidate;
                return true;
            }
        }

        errors.AddRange(branchErrors);
        errors.Add("must match a schema in anyOf");
        return false;
    }

    /// <summary>A node can have one parent; values moved into a new place are cloned off their old one.</summary>
    private static JsonNode? Detach(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();
}
