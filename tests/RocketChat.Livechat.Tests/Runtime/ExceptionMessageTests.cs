using System.Net;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>What a caller reads in an exception's message and properties: the server's words, never a secret or a path.</summary>
public sealed class ExceptionMessageTests
{
    [Theory]
    [InlineData("Sorry [no-agent-online]", "legacy", "Sorry [no-agent-online]")]
    [InlineData(null, "You must be logged in", "You must be logged in")]
    [InlineData(null, null, "no error text")]
    public void An_api_error_message_names_operation_status_and_the_servers_text(string? error, string? message, string shown)
    {
        var exception = new RocketChatApiException("RegisterVisitor", HttpStatusCode.BadRequest, new RocketChatError(error, null, message, null), null);

        Assert.Equal($"Rocket.Chat RegisterVisitor failed with 400 (BadRequest): {shown}", exception.Message);
        Assert.Equal(message, exception.ServerMessage);
    }

    [Fact]
    public void A_call_without_credentials_says_what_to_configure()
    {
        var exception = new RocketChatAuthenticationRequiredException("ListInquiries");

        Assert.Equal("Rocket.Chat ListInquiries requires authentication: configure a user id and auth token, or log in first.", exception.Message);
        Assert.Equal("ListInquiries", exception.Operation);
    }

    [Fact]
    public void A_redirect_to_an_absolute_location_keeps_only_its_origin()
    {
        var exception = new RocketChatRedirectException("Login", HttpStatusCode.TemporaryRedirect, new Uri("https://other.example:8443/api/v1/login?token=secret"));

        Assert.Equal(new Uri("https://other.example:8443/"), exception.LocationOrigin);
        Assert.Contains("redirected (307 " + HttpStatusCode.TemporaryRedirect + ") to https://other.example:8443;", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/elsewhere?token=secret")]
    [InlineData(null)]
    public void A_redirect_without_an_absolute_location_names_no_target(string? location)
    {
        var exception = new RocketChatRedirectException("Login", HttpStatusCode.Found, location is null ? null : new Uri(location, UriKind.Relative));

        Assert.Null(exception.LocationOrigin);
        Assert.Contains("redirected (302 Found); redirects are not followed", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "token")]
    [InlineData(" ", "token")]
    [InlineData("user", "")]
    [InlineData("user", " ")]
    public void Credentials_need_a_user_id_and_a_token(string userId, string authToken)
    {
        Assert.ThrowsAny<ArgumentException>(() => new RocketChatCredentials(userId, authToken));
    }

    [Fact]
    public void Credentials_show_the_user_id_and_hide_the_token()
    {
        Assert.Equal("RocketChatCredentials(UserId=user-7, AuthToken=***)", new RocketChatCredentials("user-7", "s3cret").ToString());
    }
}
