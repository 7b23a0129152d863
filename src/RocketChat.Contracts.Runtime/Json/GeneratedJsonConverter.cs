using System.Text.Json;
using System.Text.Json.Serialization;

namespace RocketChat.Contracts.Runtime.Json;

/// <summary>
/// The base of every generated converter: System.Text.Json's <see cref="JsonConverter{T}.Read"/> and
/// <see cref="JsonConverter{T}.Write"/> hand over to the converter's own static <c>ReadValue</c> and <c>WriteValue</c>,
/// which other generated converters call directly.
/// </summary>
/// <typeparam name="T">The type converted.</typeparam>
/// <typeparam name="TSelf">The generated converter itself.</typeparam>
/// <remarks>
/// Written once here rather than as two overrides in each of the hundreds of converters of a large contract: those were
/// a measured part of every consumer's build time.
/// </remarks>
public abstract class GeneratedJsonConverter<T, TSelf> : JsonConverter<T>
    where TSelf : IGeneratedJsonConverter<T>
{
    /// <inheritdoc />
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TSelf.ReadValue(ref reader);

    /// <inheritdoc />
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => TSelf.WriteValue(writer, value);
}
