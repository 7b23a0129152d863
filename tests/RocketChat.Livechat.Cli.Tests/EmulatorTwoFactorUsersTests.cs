using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using RocketChat.Livechat.Cli.Commands;
using RocketChat.Livechat.Emulator;

namespace RocketChat.Livechat.Cli.Tests;

/// <summary>
/// <c>emulator --two-factor-users</c>: a TOTP user whose secret is printed and an email user whose mailed codes are
/// printed, like a development mail catcher next to the server.
/// </summary>
public sealed partial class EmulatorTwoFactorUsersTests
{
    [GeneratedRegex(@"listening on (\S+) ")]
    private static partial Regex Listening();

    [GeneratedRegex(@"TOTP secret ([A-Z2-7]{32}) ")]
    private static partial Regex TotpSecret();

    [GeneratedRegex(@"emulator: Email to agent\.email@example\.com: Authentication code: ([0-9]{3}-[0-9]{3})")]
    private static partial Regex MailedCode();

    [Fact]
    public async Task The_totp_secret_and_the_mailed_codes_are_printed_and_log_the_users_in()
    {
        var output = new LockedStringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Task<int> run = CliApplication.RunAsync(["emulator", "--port", "0", "--two-factor-users"], output, error, stop.Token, _ => null);
        string banner = await WaitForAsync(output, TotpSecret(), stop.Token);
        string secret = TotpSecret().Match(banner).Groups[1].Value;
        using var http = new HttpClient { BaseAddress = new Uri(Listening().Match(banner).Groups[1].Value) };

        using HttpResponseMessage totpChallenge = await LoginAsync(http, EmulatorCommand.TotpUsername, code: null);
        using HttpResponseMessage totpLogin = await LoginAsync(http, EmulatorCommand.TotpUsername, Totp.Code(secret, DateTimeOffset.UtcNow));
        using HttpResponseMessage emailChallenge = await LoginAsync(http, EmulatorCommand.EmailUsername, code: null);
        string mailed = MailedCode().Match(await WaitForAsync(output, MailedCode(), stop.Token)).Groups[1].Value;
        using HttpResponseMessage emailLogin = await LoginAsync(http, EmulatorCommand.EmailUsername, mailed);
        await stop.CancelAsync();
        int exit = await run;

        Assert.Equal(HttpStatusCode.Unauthorized, totpChallenge.StatusCode);
        Assert.Contains("\"method\":\"totp\"", await totpChallenge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, totpLogin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, emailChallenge.StatusCode);
        Assert.Contains("\"method\":\"email\"", await emailChallenge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, emailLogin.StatusCode);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error.ToString());
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient http, string user, string? code)
    {
        string body = code is null
            ? $$"""{ "user": "{{user}}", "password": "{{EmulatorCommand.TwoFactorPassword}}" }"""
            : $$"""{ "user": "{{user}}", "password": "{{EmulatorCommand.TwoFactorPassword}}", "code": "{{code}}" }""";
        return http.PostAsync("/api/v1/login", new StringContent(body, Encoding.UTF8, "application/json"));
    }

    /// <summary>Polls the output until <paramref name="pattern"/> matches; returns everything printed so far.</summary>
    private static async Task<string> WaitForAsync(LockedStringWriter output, Regex pattern, CancellationToken cancellationToken)
    {
        while (!pattern.IsMatch(output.ToString()))
        {
            await Task.Delay(20, cancellationToken);
        }

        return output.ToString();
    }
}

/// <summary>A StringWriter the emulator's threads can write to while the test reads it.</summary>
internal sealed class LockedStringWriter : StringWriter
{
    private readonly Lock _gate = new();

    public override void Write(char value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            base.WriteLine(value);
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return base.ToString();
        }
    }
}
