using System.Text.Json;

namespace RocketChat.Livechat.Webhooks.Tests;

/// <summary>Visitor email and phone: arrays of objects in real events, strings in the webhook.test sample, an error otherwise.</summary>
public sealed class VisitorContactTests
{
    private static LivechatWebhookVisitor Read(string json) =>
        JsonSerializer.Deserialize(json, LivechatWebhooksJsonContext.Default.LivechatWebhookVisitor)!;

    [Fact]
    public void Real_events_list_every_address_and_number()
    {
        LivechatWebhookVisitor visitor = Read("""{"_id":"v1","email":[{"address":"a@x.io"},{"address":"b@x.io"}],"phone":[{"phoneNumber":"123"}]}""");

        Assert.Equal(["a@x.io", "b@x.io"], visitor.EmailAddresses);
        Assert.Equal(["123"], visitor.PhoneNumbers);
    }

    [Fact]
    public void The_test_sample_strings_read_as_one_item()
    {
        LivechatWebhookVisitor visitor = Read("""{"_id":"","email":"email@address.com","phone":"192873192873"}""");

        Assert.Equal(["email@address.com"], visitor.EmailAddresses);
        Assert.Equal(["192873192873"], visitor.PhoneNumbers);
    }

    [Fact]
    public void Absent_or_null_fields_are_empty()
    {
        Assert.Empty(Read("""{"_id":"v1"}""").EmailAddresses);
        Assert.Empty(Read("""{"_id":"v1","phone":null}""").PhoneNumbers);
    }

    [Theory]
    [InlineData("""{"_id":"v1","email":42}""")]
    [InlineData("""{"_id":"v1","email":[{"mail":"a@x.io"}]}""")]
    [InlineData("""{"_id":"v1","email":["a@x.io"]}""")]
    public void Another_shape_is_a_format_error_not_a_silent_empty_list(string json)
    {
        LivechatWebhookFormatException error = Assert.Throws<LivechatWebhookFormatException>(() => Read(json).EmailAddresses);
        Assert.Contains("'email'", error.Message);
    }
}
