using System.Text;
using System.Text.Json;

namespace RocketChat.Contracts.Runtime;

/// <summary>Rocket.Chat's error envelope, read tolerantly: every field may be missing.</summary>
public sealed record RocketChatError(string? Error, string? ErrorType, string? Message, JsonElement? Details)
{
    private const int MaxRawText = 300;

    /// <summary>The code: errorType, else a trailing "[code]" in error, else error itself when it looks like a bare code.</summary>
    public string? Code => ErrorType ?? CodeFromText(Error) ?? CodeFromText(Message);

    /// <summary>Parses an error body; a body that is not a JSON object becomes an error whose text is the (shortened) body.</summary>
    public static RocketChatError Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return new RocketChatError(null, null, null, null);
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                JsonElement root = document.RootElement;
                return new RocketChatError(
                    ReadString(root, "error"),
                    ReadString(root, "errorType"),
                    ReadString(root, "message"),
                    root.TryGetProperty("details", out JsonElement details) && details.ValueKind != JsonValueKind.Null
                        ? details.Clone()
                        : null);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): keep the text below.
        }
        catch (InvalidOperationException)
        {
            // JSON whose strings are not valid UTF-8: keep the text below, invalid bytes replaced.
        }

        // Stryker disable once Equality : a body of exactly MaxRawText bytes cut to MaxRawText bytes is the same body.
        string text = Encoding.UTF8.GetString(body.Length > MaxRawText ? body[..MaxRawText] : body);
        return new RocketChatError(text.Trim(), null, null, null);
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? CodeFromText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        string trimmed = text.TrimEnd();
        if (trimmed.EndsWith(']'))
        {
            int open = trimmed.LastIndexOf('[');
            if (open >= 0 && open < trimmed.Length - 2)
            {
                return trimmed[(open + 1)..^1];
            }
        }

        // Plain Error routes send the bare code: "invalid-token", "room-closed", "error-invalid-user".
        bool looksLikeCode = trimmed.Length <= 64 && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
        return looksLikeCode && trimmed.Contains('-') ? trimmed : null;
    }
}
