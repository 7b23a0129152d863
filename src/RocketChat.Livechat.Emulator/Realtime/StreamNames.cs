namespace RocketChat.Livechat.Emulator.Realtime;

/// <summary>The publications and methods the emulator serves; the same names as <c>contracts/livechat-realtime.asyncapi.yaml</c>.</summary>
internal static class StreamNames
{
    public const string RoomMessages = "stream-room-messages";
    public const string LivechatRoom = "stream-livechat-room";
    public const string NotifyRoom = "stream-notify-room";
    public const string NotifyUser = "stream-notify-user";
    public const string InquiryQueue = "stream-livechat-inquiry-queue-observer";
    public const string LoginMethod = "login";
    public const string SetUpConnectionMethod = "livechat:setUpConnection";
    public const string LoadHistoryMethod = "loadHistory";
}
