using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Services;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>POST /api/v1/login (ApiClass._initAuth).</summary>
internal sealed class AuthenticationEndpoints(AccountService accounts)
{
    /// <summary>
    /// Password login with <c>user</c> (an email when it contains '@'), <c>username</c> or <c>email</c>, where the
    /// password may be plain or <c>{digest, algorithm: 'sha-256'}</c>; or a resume login with <c>resume</c>.
    /// Every failure is the masked 401 'Unauthorized'.
    /// </summary>
    public async Task LoginAsync(HttpContext context)
    {
        JsonObject body = context.Api().BodyObject;
        LoginResult? result = Text(body, "resume") is { } resumeToken
            ? accounts.Resume(resumeToken)
            : LoginWithPassword(body);
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

    private LoginResult? LoginWithPassword(JsonObject body)
    {
        string? user = Text(body, "user");
        string? username = Text(body, "username") ?? (user is not null && !user.Contains('@') ? user : null);
        string? email = Text(body, "email") ?? (user is not null && user.Contains('@') ? user : null);
        return body["password"] switch
        {
            JsonValue plain when plain.TryGetValue(out string? password) => accounts.LoginWithPassword(username, email, password, passwordIsSha256: false),
            JsonObject hashed when Text(hashed, "digest") is { } digest => accounts.LoginWithPassword(username, email, digest, passwordIsSha256: true),
            _ => null,
        };
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : null;
}
