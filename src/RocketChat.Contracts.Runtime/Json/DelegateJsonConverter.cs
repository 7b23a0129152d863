using System.Text.Json;
using System.Text.Json.Serialization;

namespace RocketChat.Contracts.Runtime.Json;

/// <summary>A converter made of two generated functions; used for root lists, maps and primitives.</summary>
public sealed class DelegateJsonConverter<T> : JsonConverter<T>
{
    private readonly JsonReadFunc<T> _read;
    private readonly Action<Utf8JsonWriter, T> _write;

    /// <summary>Creates the converter.</summary>
    public DelegateJsonConverter(JsonReadFunc<T> read, Action<Utf8JsonWriter, T> write)
    {
        _read = read;
        _write = write;
    }

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _read(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value);
}
