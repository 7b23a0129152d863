namespace RocketChat.Contracts.Runtime;

/// <summary>The body is longer than the connection's limit; the connection turns it into a typed exception.</summary>
internal sealed class ResponseTooLargeException(long limit) : Exception($"The response body is larger than the {limit}-byte limit.")
{
    public long Limit { get; } = limit;
}
