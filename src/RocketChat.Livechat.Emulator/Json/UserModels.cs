using System.Text.Json;
using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Json;

/// <summary>
/// Users as the contract describes them: the livechat agent/manager projections (<see cref="LivechatUser"/>) and
/// the logged-in user of getUserInfo (<see cref="LoginUser"/>, spread into <see cref="GetMeResponse"/>).
/// </summary>
internal static class UserModels
{
    /// <summary>getUserInfo's <c>settings</c>: the emulator keeps no preferences.</summary>
    private static readonly JsonElement s_emptyPreferences = JsonElement.Parse("""{"preferences":{}}""");

    /// <summary>
    /// The projection of the users/:type routes: <c>_id, username, name, status, statusLivechat, emails</c>, plus
    /// <c>departments</c> in list results. Never <c>roles</c>.
    /// </summary>
    public static LivechatUser LivechatUser(UserRecord user, IReadOnlyList<string>? departments) => new()
    {
        Id = user.Id,
        Username = user.Username,
        Name = user.Name,
        Status = user.Status,
        LivechatStatus = user.LivechatStatus,
        Emails = Emails(user),
        Departments = departments,
    };

    /// <summary>The <c>_id</c> and <c>username</c> that adding a livechat role returns.</summary>
    public static LivechatUser Reference(UserRecord user) => new() { Id = user.Id, Username = user.Username };

    /// <summary>
    /// The agent as a visitor sees it (Users.getAgentInfo): <c>_id, name, username, status</c>. Phone, custom fields
    /// and emails are left out: the emulator has none to show (emails only with <c>Livechat_show_agent_email</c>, off
    /// by default).
    /// </summary>
    public static LivechatUser AgentInfo(UserRecord agent) => new()
    {
        Id = agent.Id,
        Name = agent.Name,
        Username = agent.Username,
        Status = agent.Status,
    };

    /// <summary>getUserInfo(user), the <c>me</c> of a login response.</summary>
    public static LoginUser Me(UserRecord user, Uri serverUrl) => new()
    {
        Id = user.Id,
        Username = user.Username,
        Name = user.Name,
        Emails = Emails(user),
        Status = user.Status,
        StatusConnection = user.Status,
        LivechatStatus = user.LivechatStatus,
        UtcOffset = 0,
        IsActive = true,
        Roles = user.Roles,
        AvatarUrl = AvatarUrl(user, serverUrl),
        Settings = s_emptyPreferences,
    };

    /// <summary><c>GET me</c>: getUserInfo's fields spread into the top-level object.</summary>
    public static GetMeResponse MeResponse(UserRecord user, Uri serverUrl) => new()
    {
        Id = user.Id,
        Username = user.Username,
        Name = user.Name,
        Emails = Emails(user),
        Status = user.Status,
        StatusConnection = user.Status,
        LivechatStatus = user.LivechatStatus,
        UtcOffset = 0,
        IsActive = true,
        Roles = user.Roles,
        AvatarUrl = AvatarUrl(user, serverUrl),
        Settings = s_emptyPreferences,
        Success = true,
    };

    private static string AvatarUrl(UserRecord user, Uri serverUrl) =>
        new Uri(serverUrl, $"avatar/{Uri.EscapeDataString(user.Username)}").AbsoluteUri;

    private static UserEmail[] Emails(UserRecord user) => [new UserEmail { Address = user.Email, Verified = true }];
}
