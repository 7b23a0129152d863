using System.Text.Json;

namespace RocketChat.Livechat.Emulator.Http;

/// <summary>
/// An error response in one of Rocket.Chat's shapes. The API's shapes have <c>success: false</c>; the other fields are
/// written only when set, because clients tell the shapes apart by which fields exist.
/// </summary>
internal sealed record ApiError(int StatusCode)
{
    /// <summary>The <c>error</c> text; left out for a bare <c>API.v1.failure()</c>.</summary>
    public string? Error { get; init; }

    /// <summary>The <c>errorType</c>; only Meteor and validation errors carry one.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The Meteor error's <c>details</c> object.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Details { get; init; }

    /// <summary>A <c>details</c> value that is not flat text (two-factor details); written instead of <see cref="Details"/>.</summary>
    public Action<Utf8JsonWriter>? WriteDetails { get; init; }

    /// <summary>The legacy <c>status</c> field of 401 bodies before Rocket.Chat 9.0.</summary>
    public string? Status { get; init; }

    /// <summary>The legacy <c>message</c> field of 401 bodies before Rocket.Chat 9.0.</summary>
    public string? Message { get; init; }

    /// <summary>The <c>reason</c> of <c>API.v1.failure({ reason })</c> (upload's refused media type).</summary>
    public string? Reason { get; init; }

    /// <summary>Whether the body has <c>success: false</c>; the REST layer's 404 catch-all body does not.</summary>
    public bool IncludeSuccess { get; init; } = true;

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (Reason is not null)
        {
            writer.WriteString("reason", Reason);
        }

        if (IncludeSuccess)
        {
            writer.WriteBoolean("success", false);
        }

        if (Status is not null)
        {
            writer.WriteString("status", Status);
        }

        if (Error is not null)
        {
            writer.WriteString("error", Error);
        }

        if (ErrorType is not null)
        {
            writer.WriteString("errorType", ErrorType);
        }

        if (Message is not null)
        {
            writer.WriteString("message", Message);
        }

        if (WriteDetails is not null)
        {
            writer.WritePropertyName("details");
            WriteDetails(writer);
        }
        else if (Details is not null)
        {
            writer.WriteStartObject("details");
            foreach (KeyValuePair<string, string> detail in Details)
            {
                writer.WriteString(detail.Key, detail.Value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
