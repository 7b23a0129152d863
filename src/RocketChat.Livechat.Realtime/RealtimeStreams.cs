namespace RocketChat.Livechat.Realtime;

/// <summary>
/// The DDP publication, eventName and method names this package uses, as short aliases of
/// <see cref="LivechatRealtimeStreams"/>, which the generator writes from <c>contracts/livechat-realtime.asyncapi.yaml</c>:
/// no stream name is written by hand. The message vocabulary (<see cref="MessageTypes"/>) belongs to the REST
/// <see cref="Message"/> and stays here.
/// </summary>
public static class RealtimeStreams
{
    /// <summary>Channel <c>roomMessages</c>: messages of a room, inserted and updated; eventName = room id.</summary>
    public const string RoomMessages = LivechatRealtimeStreams.RoomMessages.Publication;

    /// <summary>Channel <c>livechatRoom</c>: agentData, agentStatus, queueData, visitorData; eventName = room id; visitors only.</summary>
    public const string LivechatRoom = LivechatRealtimeStreams.LivechatRoom.Publication;

    /// <summary>Channel <c>notifyRoom</c>: per-room notifications (<c>&lt;rid&gt;/user-activity</c>, <c>&lt;rid&gt;/deleteMessage</c>).</summary>
    public const string NotifyRoom = LivechatRealtimeStreams.UserActivity.Publication;

    /// <summary>Channel <c>notifyUser</c>: per-user notifications (<c>&lt;uid&gt;/subscriptions-changed</c>); only for one's own user id.</summary>
    public const string NotifyUser = LivechatRealtimeStreams.SubscriptionsChanged.Publication;

    /// <summary>Channel <c>inquiryQueue</c>: the omnichannel queue (<c>public</c>, <c>department/&lt;id&gt;</c>, <c>agent/&lt;id&gt;</c>, <c>&lt;inquiryId&gt;</c>).</summary>
    public const string InquiryQueue = LivechatRealtimeStreams.InquiryQueue.Publication;

    /// <summary>Operation <c>login</c>: resume or password (SHA-256 digest) login.</summary>
    public const string LoginMethod = LivechatRealtimeStreams.Login.Method;

    /// <summary>Operation <c>loadHistory</c>: a logged-in user's room history, newest first (gap filling on the agent side).</summary>
    public const string LoadHistoryMethod = "loadHistory";

    /// <summary>Operation <c>setUpConnection</c>: binds a visitor token to the connection (the guest goes offline when it closes).</summary>
    public const string SetUpConnectionMethod = "livechat:setUpConnection";

    /// <summary>The eventName on <see cref="NotifyRoom"/> carrying typing: args <c>[username, activities[]]</c>.</summary>
    public static string UserActivityEvent(string roomId) => LivechatRealtimeStreams.UserActivity.EventName(roomId);

    /// <summary>The eventName on <see cref="NotifyRoom"/> carrying deletions: args <c>[{_id}]</c>.</summary>
    public static string DeleteMessageEvent(string roomId) => LivechatRealtimeStreams.DeleteMessage.EventName(roomId);

    /// <summary>The eventName on <see cref="NotifyUser"/> carrying the user's subscriptions: args <c>[clientAction, subscription]</c>.</summary>
    public static string SubscriptionsChangedEvent(string userId) => LivechatRealtimeStreams.SubscriptionsChanged.EventName(userId);

    /// <summary>The activity a typing visitor or agent reports in <c>user-activity</c>.</summary>
    public const string TypingActivity = "user-typing";

    /// <summary>Message types (<c>t</c>) the livechat client recognises as system messages.</summary>
    public static class MessageTypes
    {
        /// <summary>The room was closed; <c>msg</c> is the closing comment.</summary>
        public const string RoomClosed = "livechat-close";

        /// <summary>A command to the widget; <c>msg</c> names it (<c>connected</c>, <c>promptTranscript</c>, <c>survey</c>).</summary>
        public const string Command = "command";

        /// <summary>A user (the agent) joined the room.</summary>
        public const string UserJoined = "uj";

        /// <summary>A user (the agent) left the room.</summary>
        public const string UserLeft = "ul";

        /// <summary>The conversation started.</summary>
        public const string ChatStarted = "livechat-started";

        /// <summary>The <c>command</c> an agent's arrival sends.</summary>
        public const string ConnectedCommand = "connected";

        /// <summary>The <c>command</c> that asks the visitor whether to send a transcript.</summary>
        public const string PromptTranscriptCommand = "promptTranscript";
    }

    /// <summary>The <c>type</c> of an event on <see cref="LivechatRoom"/>.</summary>
    public static class LivechatRoomEventTypes
    {
        /// <summary>An agent was assigned (payload key <c>data</c>), or unassigned (no <c>data</c>).</summary>
        public const string AgentData = "agentData";

        /// <summary>The serving agent's presence changed (payload key <c>status</c>).</summary>
        public const string AgentStatus = "agentStatus";

        /// <summary>The visitor's position in the queue (payload key <c>data</c>; Enterprise).</summary>
        public const string QueueData = "queueData";

        /// <summary>The room's visitor was changed (payload key <c>visitor</c>).</summary>
        public const string VisitorData = "visitorData";
    }
}
