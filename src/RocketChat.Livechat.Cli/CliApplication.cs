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
        return await parse.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>Runs a handler, turning each kind of failure into a clear message and its exit code.</summary>
    internal static async Task<int> GuardAsync(TextWriter error, Func<Task> handler, CancellationToken cancellationToken)
    {
        try
        {
            await handler();
            return ExitCodes.Success;
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.UsageError;
        }
        catch (RocketChatAuthenticationRequiredException)
        {
            await error.WriteLineAsync("error: this command needs a logged-in user: pass --user-id and --auth-token (or ROCKETCHAT_USER_ID and ROCKETCHAT_AUTH_TOKEN), or --username and --password.");
            return ExitCodes.UsageError;
        }
        catch (RocketChatUnauthorizedException ex)
        {
            string hint = ex.IsTwoFactorRequired ? "the account needs a two-factor code" : "check the user id and token, or the username and password";
            await error.WriteLineAsync($"error: the server refused the credentials (401: {ex.Error ?? ex.ServerMessage}); {hint}.");
            return ExitCodes.ServerError;
        }
        catch (RocketChatForbiddenException ex)
        {
            await error.WriteLineAsync($"error: permission denied (403: {ex.Error}); the user lacks a permission this operation needs.");
            return ExitCodes.ServerError;
        }
        catch (RocketChatRateLimitException ex)
        {
            await error.WriteLineAsync($"error: rate limited (429); try again in {Math.Ceiling(ex.RetryAfter.TotalSeconds)} s.");
            return ExitCodes.ServerError;
        }
        catch (RocketChatApiException ex)
        {
            await error.WriteLineAsync($"error: {ex.Operation} failed ({(int)ex.StatusCode}): {ex.Error ?? ex.StatusCode.ToString()}");
            return ExitCodes.ServerError;
        }
        catch (RocketChatConnectionException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.Unreachable;
        }
        catch (RocketChatResponseException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.ServerError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled.");
            return 130;
        }
    }
}
