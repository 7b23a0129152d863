namespace RocketChat.Contracts.Runtime;

/// <summary>An operation needs a logged-in user but no credentials are configured; nothing was sent.</summary>
public sealed class RocketChatAuthenticationRequiredException : RocketChatException
{
    /// <summary>Creates the exception.</summary>
    public RocketChatAuthenticationRequiredException(string operation)
        : base(operation, $"Rocket.Chat {operation} requires authentication: configure a user id and auth token, or log in first.")
    {
    }
}
