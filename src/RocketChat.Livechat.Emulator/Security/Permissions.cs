using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Security;

/// <summary>
/// The permissions the livechat routes check, and which default roles grant them on a fresh server.
/// Admins hold every permission.
/// </summary>
internal static class Permissions
{
    public const string ViewLivechatManager = "view-livechat-manager";
    public const string ViewLivechatRooms = "view-livechat-rooms";
    public const string ViewLivechatRoom = "view-l-room";
    public const string ManageLivechatAgents = "manage-livechat-agents";
    public const string TransferLivechatGuest = "transfer-livechat-guest";
    public const string EditOmnichannelContact = "edit-omnichannel-contact";
    public const string CloseLivechatRoom = "close-livechat-room";
    public const string CloseOthersLivechatRoom = "close-others-livechat-room";
    public const string BypassRateLimit = "api-bypass-rate-limit";
    public const string SaveOthersLivechatRoomInfo = "save-others-livechat-room-info";
    public const string ViewLivechatDepartments = "view-livechat-departments";
    public const string ManageLivechatDepartments = "manage-livechat-departments";
    public const string EditOtherUserInfo = "edit-other-user-info";

    /// <summary>Until 7.0 (removed with livechat/room.visitor).</summary>
    public const string ChangeLivechatRoomVisitor = "change-livechat-room-visitor";

    private static readonly Dictionary<string, HashSet<string>> s_grantsByRole = new(StringComparer.Ordinal)
    {
        [RoleNames.Manager] =
        [
            ViewLivechatManager, ViewLivechatRooms, ViewLivechatRoom, ManageLivechatAgents, TransferLivechatGuest,
            EditOmnichannelContact, CloseLivechatRoom, CloseOthersLivechatRoom, WebhookPermissions.ViewLivechatWebhooks,
            ViewLivechatDepartments, ManageLivechatDepartments, SaveOthersLivechatRoomInfo, ChangeLivechatRoomVisitor,
        ],
        [RoleNames.Agent] = [ViewLivechatRoom, TransferLivechatGuest, CloseLivechatRoom, ChangeLivechatRoomVisitor],
        [RoleNames.Bot] = [BypassRateLimit],
    };

    public static bool Has(UserRecord user, string permission) =>
        user.HasRole(RoleNames.Admin)
        || user.Roles.Any(role => s_grantsByRole.TryGetValue(role, out HashSet<string>? grants) && grants.Contains(permission));

    public static bool HasAll(UserRecord user, IEnumerable<string> permissions) => permissions.All(permission => Has(user, permission));

    public static bool HasAny(UserRecord user, params string[] permissions) => permissions.Any(permission => Has(user, permission));
}
