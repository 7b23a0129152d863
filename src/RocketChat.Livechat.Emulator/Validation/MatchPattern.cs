namespace RocketChat.Livechat.Emulator.Validation;

/// <summary>A Meteor <c>check()</c> pattern, for the routes that still validate with <c>check</c> instead of ajv.</summary>
internal abstract record MatchPattern
{
    /// <summary><c>String</c>.</summary>
    public static MatchPattern StringType { get; } = new TypePattern("string");

    /// <summary><c>Boolean</c>.</summary>
    public static MatchPattern BooleanType { get; } = new TypePattern("boolean");

    /// <summary><c>Match.Maybe(pattern)</c>: also accepts a missing key or null.</summary>
    public static MatchPattern Maybe(MatchPattern pattern) => new MaybePattern(pattern);

    /// <summary><c>[pattern]</c>.</summary>
    public static MatchPattern ArrayOf(MatchPattern item) => new ArrayPattern(item);

    /// <summary><c>{ key: pattern }</c>: exactly these keys.</summary>
    public static MatchPattern Object(params KeyValuePair<string, MatchPattern>[] fields) => new ObjectPattern(fields, AllowsUnknownKeys: false);

    /// <summary><c>Match.ObjectIncluding({ key: pattern })</c>: these keys and any others.</summary>
    public static MatchPattern ObjectIncluding(params KeyValuePair<string, MatchPattern>[] fields) => new ObjectPattern(fields, AllowsUnknownKeys: true);

    public static KeyValuePair<string, MatchPattern> Key(string name, MatchPattern pattern) => new(name, pattern);
}

/// <summary>A <c>typeof</c> check.</summary>
internal sealed record TypePattern(string JsType) : MatchPattern;

internal sealed record MaybePattern(MatchPattern Inner) : MatchPattern;

internal sealed record ArrayPattern(MatchPattern Item) : MatchPattern;

internal sealed record ObjectPattern(IReadOnlyList<KeyValuePair<string, MatchPattern>> Fields, bool AllowsUnknownKeys) : MatchPattern;
