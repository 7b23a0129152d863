using System.CommandLine;

namespace RocketChat.Livechat.Cli;

/// <summary>What a command handler needs: the parse result, output writers, and a way to get a client.</summary>
public sealed class CliContext(ParseResult parse, GlobalOptions globals, TextWriter output, TextWriter error, Func<string, string?> environment)
{
    private LivechatClient? _client;

    public ParseResult Parse { get; } = parse;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public Func<string, string?> Environment { get; } = environment;

    public bool Json => Parse.GetValue(Globals.Json);

    public Output.Printer Printer => new(Output, Json);

    public GlobalOptions Globals { get; } = globals;

    /// <summary>The client for --server and the credentials given (created once per command).</summary>
    public LivechatClient Client => _client ??= Globals.CreateClient(Parse, Environment);

    public T Value<T>(Option<T> option) => Parse.GetValue(option)!;

    public T Value<T>(Argument<T> argument) => Parse.GetValue(argument)!;
}
