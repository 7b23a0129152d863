using System.Globalization;
using System.Text.Json;

namespace RocketChat.Livechat.Emulator.Realtime;

/// <summary>A Meteor.Error as DDP sends it: <c>{isClientSafe, error, reason, message, errorType, details?}</c>; the code is a string or a number.</summary>
internal sealed record MeteorError(string Code, string Reason, bool CodeIsNumber = false, Action<Utf8JsonWriter>? WriteDetails = null)
{
    public static MeteorError NotAllowed() => new("not-allowed", "Not allowed");

    public static MeteorError NotFound(string what) => new("404", what, CodeIsNumber: true);

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("isClientSafe", true);
        if (CodeIsNumber)
        {
            writer.WriteNumber("error", int.Parse(Code, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteString("error", Code);
        }

        writer.WriteString("reason", Reason);
        writer.WriteString("message", $"{Reason} [{Code}]");
        writer.WriteString("errorType", "Meteor.Error");
        if (WriteDetails is not null)
        {
            writer.WritePropertyName("details");
            WriteDetails(writer);
        }

        writer.WriteEndObject();
    }
}
