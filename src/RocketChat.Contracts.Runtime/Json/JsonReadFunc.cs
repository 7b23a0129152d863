using System.Text.Json;

namespace RocketChat.Contracts.Runtime.Json;

/// <summary>Reads one value at the reader's current token; generated converters pass these for list and map items.</summary>
public delegate T JsonReadFunc<out T>(ref Utf8JsonReader reader);
