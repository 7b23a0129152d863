namespace RocketChat.Livechat.Realtime;

/// <summary><c>queueData</c> (Enterprise): the visitor's place in the queue, 1 being next, with the server's waiting message.</summary>
public sealed record QueuePositionChangedEvent(string RoomId, int Position, string? Text, TimeSpan? EstimatedWait) : LivechatRoomEvent(RoomId);
