using System.Text.Json;

namespace RocketChat.Livechat.Emulator.TwoFactor;

/// <summary>
/// The <c>details</c> of a two-factor error: <c>{method, ...processInvalidCode data, availableMethods}</c>, with the
/// data of each method in the server's member order (email: <c>{codeGenerated: true, emailOrUsername}</c> for a new
/// code, <c>{emailOrUsername, codeGenerated: false, codeExpires}</c> for the one already sent; otherwise
/// <c>{codeGenerated: false}</c>).
/// </summary>
internal sealed record TwoFactorDetails(string Method, bool CodeGenerated, string? EmailOrUsername, DateTimeOffset? CodeExpires, IReadOnlyList<string> AvailableMethods)
{
    /// <summary>Writes the object; <paramref name="writeDate"/> writes <c>codeExpires</c> (an ISO string over REST, EJSON over DDP).</summary>
    public void Write(Utf8JsonWriter writer, Action<Utf8JsonWriter, DateTimeOffset> writeDate)
    {
        writer.WriteStartObject();
        writer.WriteString("method", Method);
        if (EmailOrUsername is not null && CodeGenerated)
        {
            writer.WriteBoolean("codeGenerated", true);
            writer.WriteString("emailOrUsername", EmailOrUsername);
        }
        else if (EmailOrUsername is not null)
        {
            writer.WriteString("emailOrUsername", EmailOrUsername);
            writer.WriteBoolean("codeGenerated", false);
            if (CodeExpires is { } expires)
            {
                writer.WritePropertyName("codeExpires");
                writeDate(writer, expires);
            }
        }
        else
        {
            writer.WriteBoolean("codeGenerated", CodeGenerated);
        }

        writer.WriteStartArray("availableMethods");
        foreach (string method in AvailableMethods)
        {
            writer.WriteStringValue(method);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
