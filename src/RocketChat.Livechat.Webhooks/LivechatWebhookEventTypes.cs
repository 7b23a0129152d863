namespace RocketChat.Livechat.Webhooks;

/// <summary>The values of a webhook payload's <c>type</c> field, as Rocket.Chat sends them.</summary>
public static class LivechatWebhookEventTypes
{
    /// <summary>A livechat room was created.</summary>
    public const string SessionStart = "LivechatSessionStart";

    /// <summary>A room entered the queue.</summary>
    public const string SessionQueued = "LivechatSessionQueued";

    /// <summary>An agent took the room's inquiry.</summary>
    public const string SessionTaken = "LivechatSessionTaken";

    /// <summary>The room was forwarded to another agent or department.</summary>
    public const string SessionForwarded = "LivechatSessionForwarded";

    /// <summary>The room was closed. The <c>livechat/webhook.test</c> sample has this type too.</summary>
    public const string SessionClosed = "LivechatSession";

    /// <summary>The information of a closed room was saved.</summary>
    public const string RoomEdited = "LivechatEdit";

    /// <summary>A message was saved in a livechat room.</summary>
    public const string Message = "Message";

    /// <summary>A visitor message was checked for e-mail addresses and phone numbers.</summary>
    public const string LeadCapture = "LeadCapture";

    /// <summary>A visitor filled in the offline form.</summary>
    public const string OfflineMessage = "LivechatOfflineMessage";
}
