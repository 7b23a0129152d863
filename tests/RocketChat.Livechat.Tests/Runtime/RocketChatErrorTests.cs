using System.Text;
using RocketChat.Contracts.Runtime;

namespace RocketChat.Livechat.Tests.Runtime;

/// <summary>The error envelope's code is found only where Rocket.Chat puts one, and raw text is kept short.</summary>
public sealed class RocketChatErrorTests
{
    [Theory]
    [InlineData("The visitor's e-mail is wrong")]
    [InlineData("Room is read-only")]
    [InlineData("a-b c")]
    [InlineData("no code here")]
    [InlineData("[x]y")]
    public void Free_text_with_a_dash_is_not_a_code(string text)
    {
        Assert.Null(new RocketChatError(text, null, null, null).Code);
    }

    [Theory]
    [InlineData("invalid-token", "invalid-token")]
    [InlineData("error-invalid_user.v2", "error-invalid_user.v2")]
    [InlineData("invalid-token  ", "invalid-token")]
    [InlineData("Sorry [no-agent-online]", "no-agent-online")]
    [InlineData("Sorry [no-agent-online]  ", "no-agent-online")]
    public void A_bare_or_bracketed_code_is_found(string text, string code)
    {
        Assert.Equal(code, new RocketChatError(text, null, null, null).Code);
    }

    [Fact]
    public void A_text_that_is_only_a_bracketed_code_gives_the_code()
    {
        Assert.Equal("no-agent-online", new RocketChatError("[no-agent-online]", null, null, null).Code);
    }

    [Fact]
    public void The_code_in_error_wins_over_the_code_in_message()
    {
        Assert.Equal("from-error", new RocketChatError("Failed [from-error]", null, "Failed [from-message]", null).Code);
    }

    [Fact]
    public void An_empty_bracket_is_not_a_code()
    {
        Assert.Null(new RocketChatError("Failed []", null, null, null).Code);
    }

    [Fact]
    public void A_code_without_a_dash_is_not_taken_for_one()
    {
        Assert.Null(new RocketChatError("unauthorized", null, null, null).Code);
    }

    [Fact]
    public void A_bare_code_longer_than_64_characters_is_text()
    {
        string code = "a-" + new string('b', 63);
        Assert.Null(new RocketChatError(code, null, null, null).Code);
        Assert.Equal(code[..64], new RocketChatError(code[..64], null, null, null).Code);
    }

    [Fact]
    public void The_code_comes_from_the_message_when_error_has_none()
    {
        Assert.Equal("too-many", new RocketChatError("Slow down", null, "Please wait [too-many]", null).Code);
    }

    [Fact]
    public void ErrorType_wins_over_the_text()
    {
        Assert.Equal("typed", new RocketChatError("x [bracketed]", "typed", null, null).Code);
    }

    [Fact]
    public void Raw_text_is_cut_at_300_bytes()
    {
        string page = "<html>" + new string('x', 400) + "</html>";

        RocketChatError error = RocketChatError.Parse(Encoding.UTF8.GetBytes(page));

        Assert.Equal(page[..300], error.Error);
        Assert.Null(error.ErrorType);
        Assert.Null(error.Message);
    }

    [Fact]
    public void Raw_text_of_exactly_300_bytes_is_kept_whole_and_trimmed()
    {
        string text = "  " + new string('y', 296) + "  ";

        Assert.Equal(text.Trim(), RocketChatError.Parse(Encoding.UTF8.GetBytes(text)).Error);
    }

    [Fact]
    public void A_JSON_value_that_is_not_an_object_is_kept_as_text()
    {
        Assert.Equal("[1,2]", RocketChatError.Parse("[1,2]"u8).Error);
    }

    [Fact]
    public void Envelope_fields_are_read_and_wrong_kinds_ignored()
    {
        RocketChatError error = RocketChatError.Parse("""{"error":"e","errorType":7,"message":"m","details":{"a":1}}"""u8);

        Assert.Equal("e", error.Error);
        Assert.Null(error.ErrorType);
        Assert.Equal("m", error.Message);
        Assert.Equal(1, error.Details!.Value.GetProperty("a").GetInt32());
    }

    [Fact]
    public void Null_details_are_absent()
    {
        Assert.Null(RocketChatError.Parse("""{"error":"e","details":null}"""u8).Details);
    }

    [Fact]
    public void An_empty_body_has_no_fields()
    {
        Assert.Equal(new RocketChatError(null, null, null, null), RocketChatError.Parse([]));
    }
}
