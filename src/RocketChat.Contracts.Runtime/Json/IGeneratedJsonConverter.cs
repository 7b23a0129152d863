using System.Text.Json;

namespace RocketChat.Contracts.Runtime.Json;

/// <summary>The static reader and writer a generated converter has for its type; see <see cref="GeneratedJsonConverter{T, TSelf}"/>.</summary>
/// <typeparam name="T">The type converted.</typeparam>
public interface IGeneratedJsonConverter<T>
{
    /// <summary>Reads one value at the reader's current token.</summary>
    static abstract T ReadValue(ref Utf8JsonReader reader);

    /// <summary>Writes one value.</summary>
    static abstract void WriteValue(Utf8JsonWriter writer, T value);
}
