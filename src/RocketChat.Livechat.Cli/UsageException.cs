namespace RocketChat.Livechat.Cli;

/// <summary>The invocation is wrong (missing server, credentials or option); reported with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
