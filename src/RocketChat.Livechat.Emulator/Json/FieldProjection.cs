using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>
/// A MongoDB-style projection from a <c>fields</c> query parameter: <c>{"a":1}</c> keeps only <c>a</c> (and
/// <c>_id</c>), <c>{"a":0}</c> drops <c>a</c>. Applied to top-level fields.
/// </summary>
internal sealed class FieldProjection
{
    private readonly HashSet<string> _fields;
    private readonly bool _inclusive;

    private FieldProjection(HashSet<string> fields, bool inclusive)
    {
        _fields = fields;
        _inclusive = inclusive;
    }

    public static FieldProjection All { get; } = new([], inclusive: false);

    public static FieldProjection From(IReadOnlyDictionary<string, int> fields)
    {
        bool inclusive = fields.Any(field => field.Value != 0 && field.Key != "_id");
        var names = fields.Where(field => (field.Value != 0) == inclusive).Select(field => field.Key).ToHashSet(StringComparer.Ordinal);
        return new FieldProjection(names, inclusive);
    }

    public bool Includes(string field) =>
        _inclusive ? field == "_id" || _fields.Contains(field) : !_fields.Contains(field);

    /// <summary>
    /// Writes <paramref name="model"/> through its generated converter, keeping only the top-level members this
    /// projection includes (and always <c>_id</c>): the projection applies to the document, not to a second writer.
    /// </summary>
    public void Write<T>(Utf8JsonWriter writer, T model, JsonTypeInfo<T> typeInfo)
    {
        if (ReferenceEquals(this, All))
        {
            JsonSerializer.Serialize(writer, model, typeInfo);
            return;
        }

        JsonElement document = JsonSerializer.SerializeToElement(model, typeInfo);
        writer.WriteStartObject();
        foreach (JsonProperty member in document.EnumerateObject())
        {
            if (member.NameEquals("_id") || Includes(member.Name))
            {
                member.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }
}
