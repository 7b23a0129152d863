using System.Text.Json;

namespace RocketChat.Contracts.Runtime.Json;

/// <summary>
/// The per-member steps every generated converter repeats, kept here so that each member of a record costs one line
/// of generated code (the generated volume is what every consumer build compiles).
/// </summary>
public static class JsonMembers
{
    /// <summary>Moves from a property name to its value; false when the value is JSON <c>null</c>.</summary>
    public static bool MoveToValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType != JsonTokenType.Null;
    }

    /// <summary>Moves from a property name past its whole value, unread.</summary>
    /// <remarks>Skip on a property name skips the property's value: no Read first.</remarks>
    public static void SkipValue(ref Utf8JsonReader reader) => reader.Skip();
}
