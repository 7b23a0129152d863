using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>Writes users: the livechat agent/manager projections and the logged-in user (<c>me</c>).</summary>
internal static class UserJson
{
    /// <summary>
    /// The projection of the users/:type routes: <c>_id, username, name, status, statusLivechat, emails, livechat</c>,
    /// plus <c>departments</c> in list results. Never <c>roles</c>.
    /// </summary>
    public static void WriteLivechatUser(Utf8JsonWriter writer, UserRecord user, IReadOnlyList<string>? departments)
    {
        writer.WriteStartObject();
        writer.WriteString("_id", user.Id);
        writer.WriteString("username", user.Username);
        writer.WriteString("name", user.Name);
        writer.WriteString("status", user.Status.Value);
        if (user.LivechatStatus is { } livechatStatus)
        {
            writer.WriteString("statusLivechat", livechatStatus.Value);
        }

        WriteEmails(writer, user);
        if (departments is not null)
        {
            writer.WriteStringArray("departments", departments);
        }

        writer.WriteEndObject();
    }

    /// <summary>The <c>_id</c> and <c>username</c> that adding a livechat role returns.</summary>
    public static void WriteReference(Utf8JsonWriter writer, UserRecord user)
    {
        writer.WriteStartObject();
        writer.WriteString("_id", user.Id);
        writer.WriteString("username", user.Username);
        writer.WriteEndObject();
    }

    /// <summary>getUserInfo(user), the <c>me</c> of a login response.</summary>
    public static void WriteMe(Utf8JsonWriter writer, UserRecord user, Uri serverUrl)
    {
        writer.WriteStartObject();
        WriteMeFields(writer, user, serverUrl);
        writer.WriteEndObject();
    }

    /// <summary>The fields of getUserInfo(user), which <c>GET me</c> spreads into its top-level object.</summary>
    public static void WriteMeFields(Utf8JsonWriter writer, UserRecord user, Uri serverUrl)
    {
        writer.WriteString("_id", user.Id);
        writer.WriteString("name", user.Name);
        WriteEmails(writer, user);
        writer.WriteString("status", user.Status.Value);
        writer.WriteString("statusConnection", user.Status.Value);
        writer.WriteString("username", user.Username);
        writer.WriteNumber("utcOffset", 0);
        writer.WriteBoolean("active", true);
        writer.WriteStringArray("roles", user.Roles);
        if (user.LivechatStatus is { } livechatStatus)
        {
            writer.WriteString("statusLivechat", livechatStatus.Value);
        }

        writer.WriteStartObject("settings");
        writer.WriteStartObject("preferences");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("avatarUrl", new Uri(serverUrl, $"avatar/{Uri.EscapeDataString(user.Username)}").AbsoluteUri);
    }

    private static void WriteEmails(Utf8JsonWriter writer, UserRecord user)
    {
        writer.WriteStartArray("emails");
        writer.WriteStartObject();
        writer.WriteString("address", user.Email);
        writer.WriteBoolean("verified", true);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }
}
