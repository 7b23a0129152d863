namespace RocketChat.Livechat.Emulator.Validation;

/// <summary>
/// The subset of JSON Schema that Rocket.Chat's rest-typings use for <c>validateParams</c>, enough to reproduce
/// ajv's verdicts and messages for the livechat routes.
/// </summary>
internal abstract record Schema
{
    public bool Nullable { get; init; }
}

internal sealed record StringSchema : Schema
{
    public IReadOnlyList<string>? AllowedValues { get; init; }
}

internal sealed record NumberSchema : Schema;

internal sealed record BooleanSchema : Schema;

internal sealed record ArraySchema(Schema Items) : Schema
{
    /// <summary>ajv's <c>minItems</c>; 0 when the schema has none.</summary>
    public int MinItems { get; init; }
}

internal sealed record AnyOfSchema(IReadOnlyList<Schema> Options) : Schema;

/// <summary>An object schema. Rocket.Chat's are nearly all <c>additionalProperties: false</c>.</summary>
internal sealed record ObjectSchema(IReadOnlyList<KeyValuePair<string, Schema>> Properties) : Schema
{
    public IReadOnlyList<string> Required { get; init; } = [];

    public bool AdditionalProperties { get; init; }

    public bool Declares(string name) => Properties.Any(property => property.Key == name);
}
