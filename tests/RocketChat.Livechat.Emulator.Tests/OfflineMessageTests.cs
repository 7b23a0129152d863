using System.Net;
using System.Text.Json;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>POST livechat/offline.message: the widget's offline form, through the generated client.</summary>
public sealed class OfflineMessageTests
{
    [Fact]
    public async Task An_offline_message_is_accepted_with_the_servers_confirmation()
    {
        await using var server = await EmulatorHarness.StartAsync();

        OfflineMessageResponse response = await server.Anonymous.Messages.SendOfflineMessageAsync(new OfflineMessageRequest
        {
            Name = "Maria", Email = "maria@example.com", Message = "Call me back", Department = "Billing", Host = "https://shop.example.com",
        });

        Assert.Equal("Livechat offline message sent", response.Message);
        Assert.True(response.Success);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("maria@localhost")]
    public async Task An_invalid_email_fails_with_the_routes_single_error_text(string email)
    {
        await using var server = await EmulatorHarness.StartAsync();

        var error = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Messages.SendOfflineMessageAsync(
            new OfflineMessageRequest { Name = "Maria", Email = email, Message = "Call me back" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Error sending livechat offline message", error.Error);
    }

    [Fact]
    public async Task A_disabled_offline_form_refuses_the_message()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");
        await admin.Integrations.SaveSettingAsync("Livechat_display_offline_form", new SaveSettingRequest { Value = JsonDocument.Parse("false").RootElement });

        var error = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Messages.SendOfflineMessageAsync(
            new OfflineMessageRequest { Name = "Maria", Email = "maria@example.com", Message = "Call me back" }));

        Assert.Equal("Error sending livechat offline message", error.Error);
    }

    [Fact]
    public async Task Missing_and_unknown_fields_are_invalid_params()
    {
        await using var server = await EmulatorHarness.StartAsync();

        ApiResponse missing = await server.PostAsync("/api/v1/livechat/offline.message", """{"name":"Maria","email":"maria@example.com"}""");
        ApiResponse extra = await server.PostAsync("/api/v1/livechat/offline.message", """{"name":"Maria","email":"maria@example.com","message":"hi","phone":"1"}""");

        missing.ShouldBe(HttpStatusCode.BadRequest, """{"success":false,"error":"must have required property 'message' [invalid-params]","errorType":"invalid-params"}""");
        Assert.Equal(HttpStatusCode.BadRequest, extra.Status);
        Assert.Equal("invalid-params", extra.Text("errorType"));
    }
}
