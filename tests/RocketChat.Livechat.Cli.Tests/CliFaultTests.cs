using RocketChat.Livechat.Tests;

namespace RocketChat.Livechat.Cli.Tests;

/// <summary>
/// The shipped CLI as a process against a hostile server: every failure is one line on stderr with exit code 1
/// (the server answered wrongly), 2 (the invocation is wrong) or 3 (transport), never a stack trace or a hang.
/// </summary>
public sealed class CliFaultTests : IAsyncLifetime
{
    private readonly FaultServer _server = new();
    private readonly FaultServer _foreign = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _foreign.DisposeAsync();
    }

    public static TheoryData<string, int> Faults_and_exit_codes => new()
    {
        { "stall", ExitCodes.Unreachable },
        { "short", ExitCodes.Unreachable },
        { "reset", ExitCodes.Unreachable },
        { "endless", ExitCodes.ServerError },
        { "too-long", ExitCodes.ServerError },
        { "redirect", ExitCodes.ServerError },
        { "success-false", ExitCodes.ServerError },
        { "not-json", ExitCodes.ServerError },
        { "bad-utf8", ExitCodes.ServerError },
        { "date-out-of-range", ExitCodes.ServerError },
        { "rate-limit-reset-out-of-range", ExitCodes.ServerError },
        { "multi-line-error", ExitCodes.ServerError },
    };

    [Theory]
    [MemberData(nameof(Faults_and_exit_codes))]
    public async Task Each_fault_is_one_line_on_stderr_with_its_exit_code(string fault, int exitCode)
    {
        _server.Reply(fault switch
        {
            "stall" => Faults.StallAfterHeaders(),
            "short" => Faults.ShortBody(declaredLength: 400),
            "reset" => Faults.ResetMidBody(),
            "endless" => Faults.EndlessBody(),
            "too-long" => Faults.EndlessBody(declaredLength: 1L << 40),
            "redirect" => Faults.Redirect(307, new Uri(_foreign.BaseAddress, "api/v1/livechat/visitor/tok")),
            "success-false" => Faults.Json("""{"success":false,"error":"nope [error-nope]"}"""),
            "not-json" => Faults.Json("<html>proxy error</html>"),
            "bad-utf8" => Faults.Bytes([.. "{\"visitor\":{\"_id\":\""u8, 0xC3, 0x28, .. "\",\"token\":\"tok\"},\"success\":true}"u8]),
            "date-out-of-range" => Faults.Json("""{"visitor":{"_id":"v1","token":"tok","ts":99999999999999999},"success":true}"""),
            "rate-limit-reset-out-of-range" => Faults.Json("{}", 429, ("X-RateLimit-Reset", "99999999999999999")),
            "multi-line-error" => Faults.Json("{\"success\":false,\"error\":\"line one\\nline two\\u001b[31m red\"}", 400),
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        });

        CliResult result = await CliRunner.ProcessAsync(null, "visitor", "get", "tok", "--server", _server.BaseAddress.ToString(), "--timeout", "2");

        Assert.True(exitCode == result.ExitCode, $"exit {result.ExitCode}, stderr: {result.Error}");
        AssertOneErrorLine(result);
        Assert.Empty(_foreign.Requests);
    }

    [Fact]
    public async Task User_info_in_the_server_URL_is_a_usage_error_that_does_not_print_it()
    {
        CliResult result = await CliRunner.ProcessAsync(null, "info", "--server", "http://admin:hunter2@127.0.0.1:1/");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        AssertOneErrorLine(result);
        Assert.DoesNotContain("hunter2", result.Error + result.Output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    public async Task A_bad_timeout_is_a_usage_error(string timeout)
    {
        CliResult result = await CliRunner.ProcessAsync(null, "info", "--server", _server.BaseAddress.ToString(), "--timeout", timeout);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        AssertOneErrorLine(result);
    }

    private static void AssertOneErrorLine(CliResult result)
    {
        Assert.Empty(result.Output);
        string[] lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "stderr was:\n" + result.Error);
        Assert.StartsWith("error: ", lines[0]);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("\u001b", result.Error, StringComparison.Ordinal);
    }
}
