using System.Net;
using System.Net.Sockets;

namespace RocketChat.Livechat.Cli.Tests;

/// <summary><c>emulator --port</c> with a port it cannot use is a usage error: exit 2, one line on stderr, no stack trace.</summary>
public sealed class EmulatorCommandTests
{
    [Theory]
    [InlineData("99999")]
    [InlineData("65536")]
    [InlineData("-1")]
    public async Task A_port_out_of_range_is_a_usage_error(string port)
    {
        CliResult result = await CliRunner.InProcessAsync("emulator", "--port", port);

        AssertOneLineUsageError(result);
        Assert.Contains("--port must be between 0 and 65535", result.Error);
        Assert.Contains(port, result.Error);
    }

    [Fact]
    public async Task A_port_in_use_is_a_usage_error_in_process()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        CliResult result = await CliRunner.InProcessAsync("emulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        AssertOneLineUsageError(result);
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", result.Error);
    }

    [Fact]
    public async Task A_port_in_use_is_a_usage_error_as_a_process()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        string port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        CliResult result = await CliRunner.ProcessAsync(environment: null, "emulator", "--port", port);

        AssertOneLineUsageError(result);
        Assert.Contains("Pick another --port", result.Error);
    }

    private static void AssertOneLineUsageError(CliResult result)
    {
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }
}
