using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Realtime;

/// <summary>The base of every error of the realtime (DDP) client; itself a <see cref="RocketChatException"/>.</summary>
public abstract class RealtimeException : RocketChatException
{
    /// <summary>Creates the exception.</summary>
    protected RealtimeException(string operation, string message, Exception? innerException = null)
        : base(operation, message, innerException)
    {
    }
}
