namespace RocketChat.Contracts.Runtime;

/// <summary>The base of every error this client raises; catch it to handle all Rocket.Chat failures at once.</summary>
public abstract class RocketChatException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected RocketChatException(string operation, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
    }

    /// <summary>The operation that failed, as named in the contract (e.g. "RegisterVisitor").</summary>
    public string Operation { get; }
}
