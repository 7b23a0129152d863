using System.CommandLine;

namespace RocketChat.Livechat.Cli.Commands;

/// <summary>Builds commands whose handlers get a <see cref="CliContext"/> and share the failure handling.</summary>
public sealed class CommandFactory(GlobalOptions globals, TextWriter output, TextWriter error, Func<string, string?> environment)
{
    public GlobalOptions Globals => globals;

    public Command Command(string name, string description, Func<CliContext, CancellationToken, Task> handler, params Symbol[] symbols)
    {
        var command = new Command(name, description);
        foreach (Symbol symbol in symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
            }
        }

        command.SetAction((parse, cancellationToken) =>
            CliApplication.GuardAsync(error, () => handler(new CliContext(parse, globals, output, error, environment), cancellationToken), cancellationToken));
        return command;
    }

    public static Command Group(string name, string description, params Command[] subcommands)
    {
        var group = new Command(name, description);
        foreach (Command subcommand in subcommands)
        {
            group.Subcommands.Add(subcommand);
        }

        return group;
    }

    public static Option<string> Required(string name, string description) => new(name) { Description = description, Required = true };

    public static Option<string?> Optional(string name, string description) => new(name) { Description = description };
}
