using RocketChat.Livechat.Emulator.Realtime.Contract;

namespace RocketChat.Livechat.Emulator.Realtime;

/// <summary>
/// The publications and methods the emulator serves: short aliases of <see cref="LivechatRealtimeStreams"/>, which the
/// generator writes from <c>contracts/livechat-realtime.asyncapi.yaml</c>, the contract the client is generated from too.
/// </summary>
internal static class StreamNames
{
    public const string RoomMessages = LivechatRealtimeStreams.RoomMessages.Publication;
    public const string LivechatRoom = LivechatRealtimeStreams.LivechatRoom.Publication;
    public const string NotifyRoom = LivechatRealtimeStreams.UserActivity.Publication;
    public const string NotifyUser = LivechatRealtimeStreams.SubscriptionsChanged.Publication;
    public const string InquiryQueue = LivechatRealtimeStreams.InquiryQueue.Publication;
    public const string LoginMethod = LivechatRealtimeStreams.Login.Method;
    public const string SetUpConnectionMethod = LivechatRealtimeStreams.SetUpConnection.Method;
    public const string LoadHistoryMethod = LivechatRealtimeStreams.LoadHistory.Method;
}
