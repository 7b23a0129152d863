namespace RocketChat.Contracts.Runtime;

/// <summary>
/// The request message the connection sends; carries the contract operation name for handlers that log or measure
/// calls (a property, not an Options entry, so calls that nobody logs pay nothing for it).
/// </summary>
public sealed class RocketChatRequestMessage(HttpMethod method, Uri requestUri, string operation) : HttpRequestMessage(method, requestUri)
{
    /// <summary>The operation name from the contract, e.g. "RegisterVisitor".</summary>
    public string Operation { get; } = operation;
}
