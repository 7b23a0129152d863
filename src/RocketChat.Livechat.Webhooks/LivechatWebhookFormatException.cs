namespace RocketChat.Livechat.Webhooks;

/// <summary>A webhook body that cannot be read: not JSON, no <c>type</c>, or a known type that does not match the contract.</summary>
public sealed class LivechatWebhookFormatException : Exception
{
    /// <summary>Creates the exception with the reason given to the sender.</summary>
    public LivechatWebhookFormatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
