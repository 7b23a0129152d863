using System.Text.Json;

namespace RocketChat.Livechat.Webhooks;

/// <summary>Typed readers for the visitor fields whose shape depends on who sent them.</summary>
public sealed partial record LivechatWebhookVisitor
{
    /// <summary>
    /// The visitor's e-mail addresses. Real events send an array of <c>{"address": ...}</c>; the webhook.test sample
    /// sends one string. Empty when the field is absent or null.
    /// </summary>
    /// <exception cref="LivechatWebhookFormatException">The field has another shape.</exception>
    public IReadOnlyList<string> EmailAddresses => ReadContacts(Email, "email", "address");

    /// <summary>
    /// The visitor's phone numbers. Real events send an array of <c>{"phoneNumber": ...}</c>; the webhook.test sample
    /// sends one string. Empty when the field is absent or null.
    /// </summary>
    /// <exception cref="LivechatWebhookFormatException">The field has another shape.</exception>
    public IReadOnlyList<string> PhoneNumbers => ReadContacts(Phone, "phone", "phoneNumber");

    private static IReadOnlyList<string> ReadContacts(JsonElement? field, string fieldName, string itemProperty)
    {
        if (field is not JsonElement value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new LivechatWebhookFormatException(
                $"The visitor's '{fieldName}' is a JSON {value.ValueKind}; expected an array of objects with '{itemProperty}' or a string.");
        }

        var items = new List<string>(value.GetArrayLength());
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty(itemProperty, out JsonElement text)
                || text.ValueKind != JsonValueKind.String)
            {
                throw new LivechatWebhookFormatException(
                    $"An item of the visitor's '{fieldName}' has no string '{itemProperty}'.");
            }

            items.Add(text.GetString()!);
        }

        return items;
    }
}
