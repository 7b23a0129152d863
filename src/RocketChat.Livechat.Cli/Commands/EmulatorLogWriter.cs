using Microsoft.Extensions.Logging;

namespace RocketChat.Livechat.Cli.Commands;

/// <summary>
/// Prints what the emulator logs (the two-factor codes it "mails", its unexpected failures) as <c>emulator: …</c>
/// lines, the way a development mail catcher shows mail next to the server.
/// </summary>
internal sealed class EmulatorLogWriter(TextWriter output) : ILoggerProvider, ILogger
{
    private readonly TextWriter _output = TextWriter.Synchronized(output);

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _output.WriteLine($"emulator: {formatter(state, exception)}");
        }
    }

    public void Dispose()
    {
    }
}
