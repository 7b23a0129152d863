using System.Text.Json;

namespace RocketChat.Contracts.Runtime;

/// <summary>
/// Finds Rocket.Chat's <c>"success": false</c> in a 2xx body: some routes report a failure that way with status 200.
/// </summary>
internal static class SuccessFlag
{
    /// <summary>True when the body is a JSON object whose top-level <c>success</c> member is <c>false</c>.</summary>
    public static bool IsFalse(ReadOnlySpan<byte> body)
    {
        // A vectorized search first: most bodies are large pages with "success":true, and a full scan would cost as much
        // as parsing them. Inside a JSON string a quote is escaped, so "success" followed by a quote is a member name.
        if (!MayBeFalse(body))
        {
            return false;
        }

        var reader = new Utf8JsonReader(body);
        try
        {
            // Stryker disable once Logical : with && a body that is not an object reaches the loop, which ends at its first token, not a property name.
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isSuccess = reader.ValueTextEquals("success"u8);
                reader.Read();
                if (isSuccess && reader.TokenType == JsonTokenType.False)
                {
                    return true;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the deserializer reports it, with the contract's reason.
        }

        return false;
    }

    private static bool MayBeFalse(ReadOnlySpan<byte> body)
    {
        ReadOnlySpan<byte> name = "\"success\""u8;
        while (true)
        {
            int at = body.IndexOf(name);

            // Stryker disable once Boolean : true only sends the body to the full parse in IsFalse, which gives the same answer more slowly.
            if (at < 0)
            {
                return false;
            }

            body = body[(at + name.Length)..];
            ReadOnlySpan<byte> rest = body.TrimStart(" \t\r\n"u8);
            if (rest.Length > 0 && rest[0] == (byte)':' && rest[1..].TrimStart(" \t\r\n"u8).StartsWith("false"u8))
            {
                return true;
            }
        }
    }
}
