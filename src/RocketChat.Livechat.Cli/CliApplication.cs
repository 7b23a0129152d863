using System.CommandLine;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Cli.Commands;

namespace RocketChat.Livechat.Cli;

/// <summary>The command tree and the one place where failures become messages and exit codes.</summary>
public static class CliApplication
{
    /// <summary>Runs the command line; used by Program and, in-process, by the tests.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var globals = new GlobalOptions();
        var root = new RootCommand("Rocket.Chat livechat from the command line: visitors, rooms, messages, inquiries, agents and managers.");
        foreach (Option option in globals.All)
        {
            root.Options.Add(option);
        }

        var factory = new CommandFactory(globals, output, error, environment);
        root.Subcommands.Add(ServerCommands.Info(factory));
        root.Subcommands.Add(ServerCommands.Config(factory));
        root.Subcommands.Add(ServerCommands.Login(factory));
        root.Subcommands.Add(VisitorCommands.Create(factory));
        root.Subcommands.Add(RoomCommands.Room(factory));
        root.Subcommands.Add(RoomCommands.Rooms(factory));
        root.Subcommands.Add(MessageCommands.Message(factory));
        root.Subcommands.Add(MessageCommands.History(factory));
        root.Subcommands.Add(InquiryCommands.Create(factory));
        root.Subcommands.Add(UserCommands.Create(factory, LivechatUserType.Agent, "agents", "agent"));
        root.Subcommands.Add(UserCommands.Create(factory, LivechatUserType.Manager, "managers", "manager"));
        root.Subcommands.Add(EmulatorCommand.Create(factory));
        root.Subcommands.Add(DemoCommand.Create(factory));
        root.Subcommands.Add(WatchCommand.Create(factory));

        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError parseError in parse.Errors)
            {
                await error.WriteLineAsync("error: " + parseError.Message);
            }

            await error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception ex)
        {
            // Handlers are guarded; this catches what fails around them, so a stack trace never reaches the user.
            return await ReportUnexpectedAsync(error, ex);
        }
    }

    /// <summary>Runs a handler, turning each kind of failure into one line on stderr and its exit code.</summary>
    internal static async Task<int> GuardAsync(TextWriter error, Func<Task> handler, CancellationToken cancellationToken)
    {
        try
        {
            await handler();
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            (string message, int exitCode) = Describe(ex, cancellationToken);
            await WriteOneLineAsync(error, message);
            return exitCode;
        }
    }

    private static (string Message, int ExitCode) Describe(Exception failure, CancellationToken cancellationToken) => failure switch
    {
        UsageException ex => ("error: " + ex.Message, ExitCodes.UsageError),
        RocketChatAuthenticationRequiredException => (
            "error: this command needs a logged-in user: pass --user-id and --auth-token (or ROCKETCHAT_USER_ID and ROCKETCHAT_AUTH_TOKEN), or --username and --password.",
            ExitCodes.UsageError),
        RocketChatUnauthorizedException ex => (
            $"error: the server refused the credentials (401: {ex.Error ?? ex.ServerMessage}); {(ex.IsTwoFactorRequired ? "the account needs a two-factor code" : "check the user id and token, or the username and password")}.",
            ExitCodes.ServerError),
        RocketChatForbiddenException ex => ($"error: permission denied (403: {ex.Error}); the user lacks a permission this operation needs.", ExitCodes.ServerError),
        RocketChatRateLimitException ex => ($"error: rate limited (429); try again in {Math.Ceiling(ex.RetryAfter.TotalSeconds)} s.", ExitCodes.ServerError),
        RocketChatApiException ex => ($"error: {ex.Operation} failed ({(int)ex.StatusCode}): {ex.Error ?? ex.StatusCode.ToString()}", ExitCodes.ServerError),
        RocketChatConnectionException ex => ("error: " + ex.Message, ExitCodes.Unreachable),
        Realtime.RealtimeConnectionLostException ex => ("error: " + ex.Message, ExitCodes.Unreachable),
        Realtime.RealtimeTimeoutException ex => ("error: " + ex.Message, ExitCodes.Unreachable),
        RocketChatException ex => ("error: " + ex.Message, ExitCodes.ServerError),
        OperationCanceledException when cancellationToken.IsCancellationRequested => ("cancelled.", 130),
        _ => ($"error: unexpected failure ({failure.GetType().Name}): {failure.Message}", ExitCodes.ServerError),
    };

    private static async Task<int> ReportUnexpectedAsync(TextWriter error, Exception ex)
    {
        await WriteOneLineAsync(error, $"error: unexpected failure ({ex.GetType().Name}): {ex.Message}");
        return ExitCodes.ServerError;
    }

    /// <summary>Writes <paramref name="message"/> as one line: server texts can hold line breaks or terminal escape codes.</summary>
    private static Task WriteOneLineAsync(TextWriter error, string message) =>
        error.WriteLineAsync(string.Create(message.Length, message, static (line, text) =>
        {
            for (int i = 0; i < text.Length; i++)
            {
                line[i] = char.IsControl(text[i]) ? ' ' : text[i];
            }
        }));
}
