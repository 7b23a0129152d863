using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>
/// Two-factor authentication as Rocket.Chat's checkCodeForUser does it (apps/meteor/app/2fa/server/code): POST login
/// with the code in the body or x-2fa-code, and the twoFactorRequired route POST settings/:_id with x-2fa-code and
/// x-2fa-method, including the password fallback and the remembered check.
/// </summary>
public sealed class TwoFactorTests
{
    private const string Secret = "JBSWY3DPEHPK3PXP";
    private const string TotpUser = "totp.user";
    private const string EmailUser = "email.user";
    private const string BothUser = "both.user";

    private static Task<EmulatorHarness> StartAsync(ManualTimeProvider clock, Action<EmulatorOptions>? configure = null) =>
        EmulatorHarness.StartAsync(options =>
        {
            options.TimeProvider = clock;
            options.Users.Add(new EmulatorUser(TotpUser, EmulatorHarness.StaffPassword, "Totp User", "user", "admin") { TotpSecret = Secret });
            options.Users.Add(new EmulatorUser(EmailUser, EmulatorHarness.StaffPassword, "Email User", "user") { EmailTwoFactor = true });
            options.Users.Add(new EmulatorUser(BothUser, EmulatorHarness.StaffPassword, "Both User", "user") { TotpSecret = Secret, EmailTwoFactor = true });
            configure?.Invoke(options);
        });

    private static string Login(string user, string? code = null) => code is null
        ? $$"""{ "user": "{{user}}", "password": "{{EmulatorHarness.StaffPassword}}" }"""
        : $$"""{ "user": "{{user}}", "password": "{{EmulatorHarness.StaffPassword}}", "code": "{{code}}" }""";

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1111111111, "050471")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Totp_codes_are_the_rfc_6238_sha1_test_vectors_cut_to_six_digits(long unixSeconds, string expected)
    {
        // RFC 6238 appendix B: the ASCII secret "12345678901234567890", here in base32.
        Assert.Equal(expected, Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    [Theory]
    [InlineData("not base32!")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_totp_secret_that_is_not_base32_is_refused_when_the_emulator_starts(string secret)
    {
        var options = new EmulatorOptions();
        options.Users.Add(new EmulatorUser("bad.secret", "pw", "Bad Secret", "user") { TotpSecret = secret });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => LivechatEmulator.StartAsync(options));

        Assert.Contains("bad.secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_login_of_a_totp_user_without_a_code_is_401_totp_required_with_the_methods()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);

        ApiResponse login = await server.PostAsync("/api/v1/login", Login(TotpUser));

        login.ShouldBe(HttpStatusCode.Unauthorized, """
            { "success": false, "status": "error", "error": "totp-required", "message": "TOTP Required",
              "details": { "method": "totp", "codeGenerated": false, "availableMethods": ["totp"] } }
            """);
    }

    [Fact]
    public async Task The_code_of_this_step_or_the_next_or_previous_logs_in_from_the_body_or_the_header_and_others_are_totp_invalid()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_015));
        await using var server = await StartAsync(clock);
        DateTimeOffset now = clock.GetUtcNow();

        ApiResponse current = await server.PostAsync("/api/v1/login", Login(TotpUser, Totp.Code(Secret, now)));
        ApiResponse previous = await server.PostAsync("/api/v1/login", Login(TotpUser, Totp.Code(Secret, now.AddSeconds(-30))));
        ApiResponse next = await server.PostAsync("/api/v1/login", Login(TotpUser, Totp.Code(Secret, now.AddSeconds(30))));
        ApiResponse header = await server.SendAsync(HttpMethod.Post, "/api/v1/login", Login(TotpUser), configure: request => request.Headers.Add("x-2fa-code", Totp.Code(Secret, now)));
        ApiResponse twoStepsAway = await server.PostAsync("/api/v1/login", Login(TotpUser, Totp.Code(Secret, now.AddSeconds(60))));
        ApiResponse wrong = await server.PostAsync("/api/v1/login", Login(TotpUser, "000000"));

        foreach (ApiResponse accepted in new[] { current, previous, next, header })
        {
            Assert.Equal(HttpStatusCode.OK, accepted.Status);
            Assert.Equal(TotpUser, accepted.Body.GetProperty("data").GetProperty("me").GetProperty("username").GetString());
        }

        foreach (ApiResponse refused in new[] { twoStepsAway, wrong })
        {
            refused.ShouldBe(HttpStatusCode.Unauthorized, """
                { "success": false, "status": "error", "error": "totp-invalid", "message": "TOTP Invalid",
                  "details": { "method": "totp", "codeGenerated": false, "availableMethods": ["totp"] } }
                """);
        }
    }

    [Fact]
    public async Task A_wrong_password_fails_before_the_second_factor_and_a_resume_login_is_never_asked()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);
        ApiResponse login = await server.PostAsync("/api/v1/login", Login(TotpUser, Totp.Code(Secret, clock.GetUtcNow())));
        string token = login.Body.GetProperty("data").GetProperty("authToken").GetString()!;

        ApiResponse wrongPassword = await server.PostAsync("/api/v1/login", $$"""{ "user": "{{TotpUser}}", "password": "nope" }""");
        ApiResponse resume = await server.PostAsync("/api/v1/login", $$"""{ "resume": "{{token}}" }""");
        ApiResponse plainUser = await server.PostAsync("/api/v1/login", Login("agent.one"));

        wrongPassword.ShouldBe(HttpStatusCode.Unauthorized, """{ "success": false, "status": "error", "error": "Unauthorized", "message": "Unauthorized" }""");
        Assert.Equal(HttpStatusCode.OK, resume.Status);
        Assert.Equal(token, resume.Body.GetProperty("data").GetProperty("authToken").GetString());
        Assert.Equal(HttpStatusCode.OK, plainUser.Status);
    }

    [Fact]
    public async Task An_email_user_is_mailed_a_code_once_which_logs_in_once_and_then_is_used_up()
    {
        var clock = new ManualTimeProvider();
        var log = new RecordingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(log));
        await using var server = await StartAsync(clock, options => options.LoggerFactory = loggerFactory);
        DateTimeOffset expires = clock.GetUtcNow().AddHours(1);

        ApiResponse first = await server.PostAsync("/api/v1/login", Login(EmailUser));
        clock.Advance(TimeSpan.FromMinutes(1));
        ApiResponse second = await server.PostAsync("/api/v1/login", Login(EmailUser));
        EmulatorEmail mail = Assert.Single(server.Emulator.SentEmails);
        ApiResponse withCode = await server.PostAsync("/api/v1/login", Login(EmailUser, mail.TwoFactorCode));
        ApiResponse again = await server.PostAsync("/api/v1/login", Login(EmailUser, mail.TwoFactorCode));

        first.ShouldBe(HttpStatusCode.Unauthorized, """
            { "success": false, "status": "error", "error": "totp-required", "message": "TOTP Required",
              "details": { "method": "email", "codeGenerated": true, "emailOrUsername": "email.user", "availableMethods": ["email"] } }
            """);
        second.ShouldBe(HttpStatusCode.Unauthorized, $$"""
            { "success": false, "status": "error", "error": "totp-required", "message": "TOTP Required",
              "details": { "method": "email", "emailOrUsername": "email.user", "codeGenerated": false,
                           "codeExpires": "{{expires.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}}", "availableMethods": ["email"] } }
            """);
        Assert.Equal("email.user@example.com", mail.To);
        Assert.Equal("Authentication code", mail.Subject);
        Assert.Matches("^[0-9]{3}-[0-9]{3}$", mail.TwoFactorCode);
        Assert.Contains(mail.TwoFactorCode!, mail.Text, StringComparison.Ordinal);
        Assert.Contains(log.Entries, entry => entry.Message.Contains(mail.TwoFactorCode!, StringComparison.Ordinal) && entry.Message.Contains(mail.To, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, withCode.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, again.Status);
        Assert.Equal("totp-invalid", again.Text("error"));
        Assert.Equal(2, server.Emulator.SentEmails.Count);
    }

    [Fact]
    public async Task An_emailed_code_expires_after_an_hour_and_five_wrong_codes_are_totp_max_attempts()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);
        await server.PostAsync("/api/v1/login", Login(EmailUser));
        string code = server.Emulator.SentEmails[^1].TwoFactorCode!;

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        ApiResponse expired = await server.PostAsync("/api/v1/login", Login(EmailUser, code));
        var wrong = new List<ApiResponse>();
        for (int attempt = 0; attempt < 5; attempt++)
        {
            wrong.Add(await server.PostAsync("/api/v1/login", Login(EmailUser, "000-000")));
        }

        Assert.Equal("totp-invalid", expired.Text("error"));
        Assert.All(wrong.Take(4), response => Assert.Equal("totp-invalid", response.Text("error")));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong[4].Status);
        Assert.Equal("totp-max-attempts", wrong[4].Text("error"));
        Assert.Equal("TOTP Maximun Failed Attempts Reached", wrong[4].Text("message"));
    }

    [Fact]
    public async Task A_user_with_both_factors_is_asked_for_totp_first_and_told_both_are_available()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);

        ApiResponse login = await server.PostAsync("/api/v1/login", Login(BothUser));

        login.ShouldBe(HttpStatusCode.Unauthorized, """
            { "success": false, "status": "error", "error": "totp-required", "message": "TOTP Required",
              "details": { "method": "totp", "codeGenerated": false, "availableMethods": ["totp", "email"] } }
            """);
        Assert.Empty(server.Emulator.SentEmails);
    }

    [Fact]
    public async Task Saving_a_setting_as_a_totp_user_needs_the_code_in_x_2fa_code_once_the_registration_grace_is_over()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);
        clock.Advance(TimeSpan.FromMinutes(31));

        ApiResponse missing = await SaveSettingAsync(server, TotpUser);
        ApiResponse wrong = await SaveSettingAsync(server, TotpUser, "000000", "totp");
        ApiResponse right = await SaveSettingAsync(server, TotpUser, Totp.Code(Secret, clock.GetUtcNow()), "totp");

        missing.ShouldBe(HttpStatusCode.BadRequest, """
            { "success": false, "error": "TOTP Required [totp-required]", "errorType": "totp-required",
              "details": { "method": "totp", "codeGenerated": false, "availableMethods": ["totp"] } }
            """);
        wrong.ShouldBe(HttpStatusCode.BadRequest, """
            { "success": false, "error": "TOTP Invalid [totp-invalid]", "errorType": "totp-invalid",
              "details": { "method": "totp", "codeGenerated": false, "availableMethods": ["totp"] } }
            """);
        right.ShouldBe(HttpStatusCode.OK, """{ "success": true }""");
    }

    [Fact]
    public async Task A_user_without_two_factor_confirms_with_the_password_digest_and_the_check_is_remembered_for_30_minutes()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);
        ApiResponse inGrace = await SaveSettingAsync(server, "admin");
        clock.Advance(TimeSpan.FromMinutes(31));

        ApiResponse missing = await SaveSettingAsync(server, "admin");
        ApiResponse plainPassword = await SaveSettingAsync(server, "admin", EmulatorHarness.AdminPassword, "password");
        ApiResponse digest = await SaveSettingAsync(server, "admin", Sha256(EmulatorHarness.AdminPassword).ToUpperInvariant(), "password");
        ApiResponse remembered = await SaveSettingAsync(server, "admin");
        ApiResponse otherClient = await SaveSettingAsync(server, "admin", configure: request => request.Headers.UserAgent.ParseAdd("other-client/1.0"));
        clock.Advance(TimeSpan.FromMinutes(31));
        ApiResponse forgotten = await SaveSettingAsync(server, "admin");

        Assert.Equal(HttpStatusCode.OK, inGrace.Status);
        missing.ShouldBe(HttpStatusCode.BadRequest, """
            { "success": false, "error": "TOTP Required [totp-required]", "errorType": "totp-required",
              "details": { "method": "password", "codeGenerated": false, "availableMethods": [] } }
            """);
        Assert.Equal("totp-invalid", plainPassword.Text("errorType"));
        Assert.Equal(HttpStatusCode.OK, digest.Status);
        Assert.Equal(HttpStatusCode.OK, remembered.Status);
        Assert.Equal("totp-required", otherClient.Text("errorType"));
        Assert.Equal("totp-required", forgotten.Text("errorType"));
    }

    [Fact]
    public async Task Without_the_password_fallback_or_with_two_factor_off_a_user_without_a_factor_is_not_asked()
    {
        var clock = new ManualTimeProvider();
        await using var noFallback = await StartAsync(clock, options => options.EnforceTwoFactorPasswordFallback = false);
        await using var switchedOff = await StartAsync(clock);
        ApiResponse off = await SaveSettingAsync(switchedOff, "admin", body: "false", settingId: "Accounts_TwoFactorAuthentication_Enabled");
        clock.Advance(TimeSpan.FromMinutes(31));

        ApiResponse withoutFallback = await SaveSettingAsync(noFallback, "admin");
        ApiResponse totpUserWithoutFallback = await SaveSettingAsync(noFallback, TotpUser);
        ApiResponse whenOff = await SaveSettingAsync(switchedOff, TotpUser);
        ApiResponse loginWhenOff = await switchedOff.PostAsync("/api/v1/login", Login(TotpUser));

        Assert.Equal(HttpStatusCode.OK, off.Status);
        Assert.Equal(HttpStatusCode.OK, withoutFallback.Status);
        Assert.Equal("totp-required", totpUserWithoutFallback.Text("errorType"));
        Assert.Equal(HttpStatusCode.OK, whenOff.Status);
        Assert.Equal(HttpStatusCode.OK, loginWhenOff.Status);
    }

    [Fact]
    public async Task The_permission_check_comes_before_the_second_factor_and_reading_a_setting_needs_none()
    {
        var clock = new ManualTimeProvider();
        await using var server = await StartAsync(clock);
        clock.Advance(TimeSpan.FromMinutes(31));

        ApiResponse manager = await SaveSettingAsync(server, "manager");
        ApiResponse read = await server.GetAsync("/api/v1/settings/Livechat_enabled", asUser: TotpUser);

        Assert.Equal(HttpStatusCode.Forbidden, manager.Status);
        Assert.Equal(HttpStatusCode.OK, read.Status);
    }

    private static Task<ApiResponse> SaveSettingAsync(
        EmulatorHarness server,
        string asUser,
        string? code = null,
        string? method = null,
        Action<HttpRequestMessage>? configure = null,
        string body = "true",
        string settingId = "Livechat_enabled") =>
        server.SendAsync(HttpMethod.Post, $"/api/v1/settings/{settingId}", $$"""{ "value": {{body}} }""", asUser, request =>
        {
            if (code is not null)
            {
                request.Headers.Add("x-2fa-code", code);
            }

            if (method is not null)
            {
                request.Headers.Add("x-2fa-method", method);
            }

            configure?.Invoke(request);
        });
}
