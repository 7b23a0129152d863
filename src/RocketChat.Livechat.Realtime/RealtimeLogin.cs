namespace RocketChat.Livechat.Realtime;

/// <summary>A successful DDP login: the user, its resume token (also valid as X-Auth-Token over REST) and when it expires.</summary>
public sealed record RealtimeLogin(string UserId, string Token, DateTimeOffset? TokenExpires);
