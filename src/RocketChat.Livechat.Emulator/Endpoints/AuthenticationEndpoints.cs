using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Services;
using RocketChat.Livechat.Emulator.TwoFactor;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>POST /api/v1/login (ApiClass._initAuth).</summary>
internal sealed class AuthenticationEndpoints(AccountService accounts)
{
    /// <summary>
    /// Password login with <c>user</c> (an email when it contains '@'), <c>username</c> or <c>email</c>, where the
    /// password may be plain or <c>{digest, algorithm: 'sha-256'}</c>; or a resume login with <c>resume</c>.
    /// A password login of a user with two-factor authentication also needs the code, from the body's <c>code</c> or
    /// the <c>x-2fa-code</c> header (401 <c>totp-required</c> / <c>totp-invalid</c>); a resume login never does.
    /// Every other failure is the masked 401 'Unauthorized'.
    /// </summary>
    public async Task LoginAsync(HttpContext context)
    {
        JsonObject body = context.Api().BodyObject;
        LoginResult? result;
        try
        {
            result = Text(body, "resume") is { } resumeToken
                ? accounts.Resume(resumeToken)
                : LoginWithPassword(body, SecondFactorCode(body, context.Request.Headers["x-2fa-code"].ToString()));
        }
        catch (TwoFactorException failure)
        {
            throw ApiErrors.LoginNeedsSecondFactor(failure);
        }

        if (result is null)
        {
            throw ApiErrors.LoginFailed();
        }

        Uri serverUrl = new($"{context.Request.Scheme}://{context.Request.Host}/");
        var response = new LoginResponse
        {
            Status = "success",
            Data = new LoginData { UserId = result.User.Id, AuthToken = result.AuthToken, Me = UserModels.Me(result.User, serverUrl) },
            Success = true,
        };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.LoginResponse).ConfigureAwait(false);
    }

    private LoginResult? LoginWithPassword(JsonObject body, SecondFactor secondFactor)
    {
        string? user = Text(body, "user");
        string? username = Text(body, "username") ?? (user is not null && !user.Contains('@') ? user : null);
        string? email = Text(body, "email") ?? (user is not null && user.Contains('@') ? user : null);
        return body["password"] switch
        {
            JsonValue plain when plain.TryGetValue(out string? password) => accounts.LoginWithPassword(username, email, password, passwordIsSha256: false, secondFactor),
            JsonObject hashed when Text(hashed, "digest") is { } digest => accounts.LoginWithPassword(username, email, digest, passwordIsSha256: true, secondFactor),
            _ => null,
        };
    }

    /// <summary><c>bodyParams.code || headers['x-2fa-code']</c>: any truthy body value wins over the header.</summary>
    private static SecondFactor SecondFactorCode(JsonObject body, string header) => body["code"] switch
    {
        JsonValue value when value.TryGetValue(out string? text) && text.Length > 0 => new SecondFactor(text),
        JsonValue value when value.TryGetValue(out double number) && number != 0 => new SecondFactor(value.ToJsonString()),
        _ => new SecondFactor(header.Length > 0 ? header : null),
    };

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : null;
}
