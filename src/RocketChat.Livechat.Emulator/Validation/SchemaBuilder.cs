namespace RocketChat.Livechat.Emulator.Validation;

/// <summary>Short constructors so schemas read like their rest-typings originals.</summary>
internal static class SchemaBuilder
{
    public static StringSchema StringType { get; } = new();

    public static StringSchema NullableString { get; } = new() { Nullable = true };

    public static NumberSchema NullableNumber { get; } = new() { Nullable = true };

    public static BooleanSchema NullableBoolean { get; } = new() { Nullable = true };

    public static ArraySchema NullableStringArray { get; } = new(StringType) { Nullable = true };

    public static AnyOfSchema StringOrBoolean { get; } = new([NullableString, NullableBoolean]);

    public static StringSchema OneOf(params string[] values) => new() { AllowedValues = values };

    public static KeyValuePair<string, Schema> Property(string name, Schema schema) => new(name, schema);

    public static ObjectSchema Object(params KeyValuePair<string, Schema>[] properties) => new(properties);

    /// <summary>The <c>count</c>, <c>offset</c> and <c>sort</c> of rest-typings' PaginatedRequest.</summary>
    public static KeyValuePair<string, Schema>[] Paging() =>
    [
        Property("count", NullableNumber),
        Property("offset", NullableNumber),
        Property("sort", NullableString),
    ];
}
