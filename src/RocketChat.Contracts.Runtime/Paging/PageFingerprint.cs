using System.Security.Cryptography;
using System.Text.Json;

namespace RocketChat.Contracts.Runtime;

/// <summary>
/// Lets <see cref="OffsetPaging"/> tell a page it has already seen: while a page is fetched, the connection hashes the
/// top-level arrays of the response (the items, not the echoed offset or count) into the slot opened for that fetch.
/// </summary>
internal sealed class PageFingerprint
{
    private static readonly AsyncLocal<PageFingerprint?> s_current = new();

    /// <summary>The hash of the page's arrays, or null when the response was not captured.</summary>
    public UInt128? Value { get; private set; }

    /// <summary>Opens a slot that the connection fills for calls made from the current async flow until <see cref="End"/>.</summary>
    public static PageFingerprint Begin()
    {
        var slot = new PageFingerprint();
        s_current.Value = slot;
        return slot;
    }

    public static void End() => s_current.Value = null;

    /// <summary>Called by the connection with each 2xx body; does nothing outside a paging fetch.</summary>
    public static void Capture(ReadOnlySpan<byte> body)
    {
        if (s_current.Value is { } slot)
        {
            slot.Value = Hash(body);
        }
    }

    private static UInt128? Hash(ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            // Stryker disable once Logical : with || the loop would also enter at the closing brace, where Read finds the end of the body and Skip does nothing.
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    int start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    hash.AppendData(body[start..(int)reader.BytesConsumed]);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        // Stryker disable once Block : unreachable from the connection, which captures only bodies the deserializer has read with the same reader defaults.
        catch (JsonException)
        {
            return null;
        }

        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }
}
