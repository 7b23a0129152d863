namespace RocketChat.Livechat.Cli;

/// <summary>Process exit codes: scripts can tell a bad invocation from a server refusal from an unreachable server.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The server answered with an error (400, 401, 403, 404, 429, 5xx) or a body that breaks the contract.</summary>
    public const int ServerError = 1;

    /// <summary>The command line was wrong: unknown command, missing or invalid option, missing credentials.</summary>
    public const int UsageError = 2;

    /// <summary>The server could not be reached (bad URL, refused connection, DNS, TLS, timeout).</summary>
    public const int Unreachable = 3;
}
