using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RocketChat.Livechat.Emulator;
using RocketChat.Livechat.Realtime.Tests.Infrastructure;

namespace RocketChat.Livechat.Realtime.Tests;

/// <summary>
/// DDP <c>login</c> of users with two-factor authentication on the emulator: the <c>totp</c> login handler's
/// <c>{totp:{login, code}}</c>, and the Meteor.Error <c>totp-required</c> / <c>totp-invalid</c> with its details, seen
/// through <see cref="LivechatRealtimeClient"/> and frame by frame.
/// </summary>
public sealed class TwoFactorLoginTests
{
    private const string Secret = "GEZDGNBVGY3TQOJQ";
    private static readonly DateTimeOffset s_now = DateTimeOffset.FromUnixTimeSeconds(1_900_000_000);

    private static Task<RealtimeHarness> StartAsync() => RealtimeHarness.StartAsync(options =>
    {
        options.TimeProvider = new FrozenClock(s_now);
        options.Users.Add(new EmulatorUser("totp.agent", RealtimeHarness.StaffPassword, "Totp Agent", "user", "livechat-agent") { TotpSecret = Secret });
        options.Users.Add(new EmulatorUser("email.agent", RealtimeHarness.StaffPassword, "Email Agent", "user", "livechat-agent") { EmailTwoFactor = true });
    });

    [Fact]
    public async Task A_password_login_needing_a_code_throws_the_typed_exception_and_the_retry_with_the_code_logs_in()
    {
        await using RealtimeHarness harness = await StartAsync();
        LivechatRealtimeClient agent = await harness.ConnectAsync();

        var required = await Assert.ThrowsAsync<RealtimeTwoFactorException>(() => agent.LoginWithPasswordAsync("totp.agent", RealtimeHarness.StaffPassword));
        var invalid = await Assert.ThrowsAsync<RealtimeTwoFactorException>(() => agent.LoginWithPasswordAsync("totp.agent", RealtimeHarness.StaffPassword, "000000"));
        RealtimeLogin login = await agent.LoginWithPasswordAsync("totp.agent", RealtimeHarness.StaffPassword, Totp.Code(Secret, s_now));
        RealtimeLogin resumed = await agent.LoginWithTokenAsync(login.Token);

        Assert.False(required.IsCodeInvalid);
        Assert.Equal("totp-required", required.Error);
        Assert.Equal("totp", required.Method);
        Assert.Equal(["totp"], required.AvailableMethods);
        Assert.True(invalid.IsCodeInvalid);
        Assert.Equal("totp", invalid.Method);
        Assert.Equal((await harness.Emulator.LoginAsync("totp.agent", RealtimeHarness.StaffPassword)).UserId, login.UserId);
        Assert.Equal(login.Token, resumed.Token);
    }

    [Fact]
    public async Task An_email_user_gets_the_mailed_code_and_logs_in_with_it()
    {
        await using RealtimeHarness harness = await StartAsync();
        LivechatRealtimeClient agent = await harness.ConnectAsync();

        var required = await Assert.ThrowsAsync<RealtimeTwoFactorException>(() => agent.LoginWithPasswordAsync("email.agent", RealtimeHarness.StaffPassword));
        EmulatorEmail mail = Assert.Single(harness.Emulator.SentEmails);
        RealtimeLogin login = await agent.LoginWithPasswordAsync("email.agent", RealtimeHarness.StaffPassword, mail.TwoFactorCode);

        Assert.Equal("email", required.Method);
        Assert.Equal(["email"], required.AvailableMethods);
        Assert.Equal("email.agent@example.com", mail.To);
        Assert.Equal((await harness.Emulator.LoginAsync("email.agent", RealtimeHarness.StaffPassword)).UserId, login.UserId);
    }

    [Fact]
    public async Task On_the_wire_the_refusal_is_a_meteor_error_with_details_and_a_totp_wrapper_without_code_is_unrecognized()
    {
        await using RealtimeHarness harness = await StartAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(new Uri(harness.Emulator.BaseAddress.ToString().Replace("http", "ws", StringComparison.Ordinal)), "websocket"), CancellationToken.None);
        await SendAsync(socket, """{"msg":"connect","version":"1","support":["1"]}""");
        await ReceiveAsync(socket);
        await ReceiveAsync(socket);
        string digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(RealtimeHarness.StaffPassword)));
        string Login(string user) => $$$"""{"user":{"username":"{{{user}}}"},"password":{"digest":"{{{digest}}}","algorithm":"sha-256"}}""";

        await SendAsync(socket, $$"""{"msg":"method","method":"login","params":[{{Login("totp.agent")}}],"id":"1"}""");
        string required = await ReceiveAsync(socket);
        await ReceiveAsync(socket);
        await SendAsync(socket, $$"""{"msg":"method","method":"login","params":[{{Login("email.agent")}}],"id":"2"}""");
        await ReceiveAsync(socket);
        await ReceiveAsync(socket);
        await SendAsync(socket, $$"""{"msg":"method","method":"login","params":[{{Login("email.agent")}}],"id":"3"}""");
        string alreadySent = await ReceiveAsync(socket);
        await ReceiveAsync(socket);
        await SendAsync(socket, $$$"""{"msg":"method","method":"login","params":[{"totp":{"login":{{{Login("totp.agent")}}}}}],"id":"4"}""");
        string noCode = await ReceiveAsync(socket);

        Assert.Equal(
            """{"msg":"result","id":"1","error":{"isClientSafe":true,"error":"totp-required","reason":"TOTP Required","message":"TOTP Required [totp-required]","errorType":"Meteor.Error","details":{"method":"totp","codeGenerated":false,"availableMethods":["totp"]}}}""",
            required);
        string expiresJson = "{\"$date\":" + s_now.AddHours(1).ToUnixTimeMilliseconds() + "}";
        Assert.Equal(
            """{"msg":"result","id":"3","error":{"isClientSafe":true,"error":"totp-required","reason":"TOTP Required","message":"TOTP Required [totp-required]","errorType":"Meteor.Error","details":{"method":"email","emailOrUsername":"email.agent","codeGenerated":false,"codeExpires":EXPIRES,"availableMethods":["email"]}}}""".Replace("EXPIRES", expiresJson, StringComparison.Ordinal),
            alreadySent);
        Assert.Equal(
            """{"msg":"result","id":"4","error":{"isClientSafe":true,"error":400,"reason":"Unrecognized options for login request","message":"Unrecognized options for login request [400]","errorType":"Meteor.Error"}}""",
            noCode);
    }

    private static async Task<string> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(RealtimeHarness.Timeout);
        JsonElement frame = await FakeDdpServer.ReceiveAsync(socket, timeout.Token) ?? throw new InvalidOperationException("closed");
        return frame.GetRawText();
    }

    private static Task SendAsync(WebSocket socket, string json) => FakeDdpServer.SendAsync(socket, json, CancellationToken.None);
}
