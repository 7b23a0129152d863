using System.Text.Json;

namespace RocketChat.Contracts.Runtime.Json;

/// <summary>Reflection-free list and map reading and writing for generated converters.</summary>
public static class JsonCollections
{
    /// <summary>Reads a JSON array, calling <paramref name="readItem"/> on each element.</summary>
    public static IReadOnlyList<T> ReadList<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readItem)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected a JSON array but found {reader.TokenType}.");
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(readItem(ref reader));
        }

        return items;
    }

    /// <summary>Reads a JSON object as a dictionary, calling <paramref name="readValue"/> on each value.</summary>
    public static IReadOnlyDictionary<string, T> ReadMap<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readValue)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object but found {reader.TokenType}.");
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string key = reader.GetString()!;
            reader.Read();
            map[key] = readValue(ref reader);
        }

        return map;
    }

    /// <summary>Writes a JSON array, calling <paramref name="writeItem"/> on each element.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        writer.WriteStartArray();
        foreach (T item in items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a JSON object from a dictionary, calling <paramref name="writeValue"/> on each value.</summary>
    public static void WriteMap<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>> map, Action<Utf8JsonWriter, T> writeValue)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, T> pair in map)
        {
            writer.WritePropertyName(pair.Key);
            writeValue(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Keeps a property the contract does not know, so nothing the server sends is lost.</summary>
    public static void ReadUnknownProperty(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? additional)
    {
        string name = reader.GetString()!;

        // ParseValue moves from the property name to its value itself.
        (additional ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>Writes the properties kept by <see cref="ReadUnknownProperty"/> back out.</summary>
    public static void WriteAdditionalProperties(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? additional)
    {
        if (additional is null)
        {
            return;
        }

        foreach (KeyValuePair<string, JsonElement> pair in additional)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }
    }

    /// <summary>
    /// The unknown members a composed record's part kept, without <paramref name="ownMembers"/>: the composed record
    /// reads those itself from the same JSON object, so they are not unknown.
    /// </summary>
    public static IReadOnlyDictionary<string, JsonElement>? WithoutMembers(IReadOnlyDictionary<string, JsonElement>? additional, string[] ownMembers)
    {
        ArgumentNullException.ThrowIfNull(ownMembers);
        if (additional is null || !Array.Exists(ownMembers, additional.ContainsKey))
        {
            return additional;
        }

        var rest = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, JsonElement> pair in additional)
        {
            if (Array.IndexOf(ownMembers, pair.Key) < 0)
            {
                rest.Add(pair.Key, pair.Value);
            }
        }

        return rest.Count == 0 ? null : rest;
    }

    /// <summary>A clear error for a required property the server did not send.</summary>
    public static JsonException MissingRequired(string typeName, string jsonName) =>
        new($"The JSON for {typeName} lacks the required property '{jsonName}'.");
}
