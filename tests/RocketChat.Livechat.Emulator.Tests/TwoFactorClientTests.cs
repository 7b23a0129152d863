using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>
/// The generated REST client against the emulator's two-factor authentication: the challenge arrives as a typed
/// exception carrying the method and the available methods, and the same call with the code goes through.
/// </summary>
public sealed class TwoFactorClientTests
{
    private const string Secret = "KRSXG5CTMVRXEZLU";

    private static Task<EmulatorHarness> StartAsync(ManualTimeProvider clock) =>
        EmulatorHarness.StartAsync(options =>
        {
            options.TimeProvider = clock;
            options.Users.Add(new EmulatorUser("totp.agent", EmulatorHarness.StaffPassword, "Totp Agent", "user", "livechat-agent") { TotpSecret = Secret });
            options.Users.Add(new EmulatorUser("email.agent", EmulatorHarness.StaffPassword, "Email Agent", "user", "livechat-agent") { EmailTwoFactor = true });
        });

    [Fact]
    public async Task A_login_challenged_for_a_totp_code_throws_a_typed_401_and_the_retry_with_the_code_logs_in()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);
        LivechatClient client = LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = server.Emulator.BaseAddress, UserId = "none", AuthToken = "none" }, server.Http);

        var challenge = await Assert.ThrowsAsync<RocketChatUnauthorizedException>(() => client.LoginAsync("totp.agent", EmulatorHarness.StaffPassword));
        RocketChatCredentials credentials = await client.LoginAsync("totp.agent", EmulatorHarness.StaffPassword, Totp.Code(Secret, clock.GetUtcNow()));
        GetMeResponse me = await client.Authentication.GetMeAsync();

        Assert.True(challenge.IsTwoFactorRequired);
        Assert.Equal("totp", challenge.TwoFactorMethod);
        Assert.Equal(["totp"], challenge.TwoFactorAvailableMethods);
        Assert.Equal(await server.UserIdAsync("totp.agent"), credentials.UserId);
        Assert.Equal("totp.agent", me.Username);
    }

    [Fact]
    public async Task An_emailed_code_sent_on_the_challenge_logs_in_through_the_x_2fa_code_header()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);
        var request = new LoginRequest { User = "email.agent", Password = EmulatorHarness.StaffPassword };

        var challenge = await Assert.ThrowsAsync<RocketChatUnauthorizedException>(() => server.Anonymous.Authentication.LoginAsync(request));
        string code = Assert.Single(server.Emulator.SentEmails).TwoFactorCode!;
        var wrong = await Assert.ThrowsAsync<RocketChatUnauthorizedException>(() => server.Anonymous.Authentication.LoginAsync(request, x2faCode: "999-999"));
        LoginResponse login = await server.Anonymous.Authentication.LoginAsync(request, x2faCode: code);

        Assert.True(challenge.IsTwoFactorRequired);
        Assert.Equal("email", challenge.Details!.Value.GetProperty("method").GetString());
        Assert.True(challenge.Details.Value.GetProperty("codeGenerated").GetBoolean());
        Assert.False(wrong.IsTwoFactorRequired);
        Assert.True(wrong.IsTwoFactorChallenge);
        Assert.Equal("totp-invalid", wrong.ErrorCode);
        Assert.Equal("email.agent", login.Data.Me?.Username);
    }

    [Fact]
    public async Task Saving_a_setting_is_challenged_with_a_400_and_accepted_with_the_password_digest_in_x_2fa_headers()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);
        LivechatClient admin = await server.ClientAsync("admin");
        clock.Advance(TimeSpan.FromMinutes(31));
        var request = new SaveSettingRequest { Value = JsonElement.Parse("false") };
        string digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EmulatorHarness.AdminPassword)));

        var challenge = await Assert.ThrowsAsync<RocketChatApiException>(() => admin.Integrations.SaveSettingAsync("Livechat_enabled", request));
        SuccessResponse saved = await admin.Integrations.SaveSettingAsync("Livechat_enabled", request, x2faCode: digest, x2faMethod: "password");
        SettingResponse setting = await admin.Integrations.GetSettingAsync("Livechat_enabled");

        Assert.Equal(HttpStatusCode.BadRequest, challenge.StatusCode);
        Assert.Equal("totp-required", challenge.ErrorCode);
        Assert.True(challenge.IsTwoFactorChallenge);
        Assert.Equal("password", challenge.TwoFactorMethod);
        Assert.Empty(challenge.TwoFactorAvailableMethods);
        Assert.True(saved.Success);
        Assert.False(setting.Value.GetBoolean());
    }
}
