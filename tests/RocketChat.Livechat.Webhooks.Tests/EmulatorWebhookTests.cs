using System.Net;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator;
using RocketChat.Livechat.Webhooks.Tests.Infrastructure;

namespace RocketChat.Livechat.Webhooks.Tests;

/// <summary>The emulator sends webhooks as the server does: switches, token, retries, crmData and the test sample.</summary>
public sealed class EmulatorWebhookTests
{
    private const string Secret = "s3cret";

    [Fact]
    public async Task Every_room_event_the_emulator_sends_reads_into_its_typed_method()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(options => options.SecretToken = Secret);
        await using EmulatorSetup server = await EmulatorSetup.StartAsync();
        await server.ConfigureWebhookAsync(receiver.WebhookUrl, Secret);
        LivechatClient admin = await server.ClientAsync("admin");
        await admin.Integrations.SaveSettingAsync("Livechat_webhook_on_capture", new SaveSettingRequest { Value = System.Text.Json.JsonDocument.Parse("true").RootElement });

        (string token, string roomId) = await server.StartChatAsync("Ada");
        await server.VisitorSaysAsync(token, roomId, "Reach me at ada@example.com");
        await server.TakeAsync("agent.one", roomId);
        await server.AgentSaysAsync("agent.one", roomId, "Hello Ada");
        string agentTwo = (await server.Emulator.LoginAsync("agent.two", EmulatorSetup.Password)).UserId;
        await (await server.ClientAsync("agent.one")).Rooms.ForwardRoomAsync(new ForwardRoomRequest { RoomId = roomId, UserId = agentTwo });
        await server.CloseAsync("agent.two", roomId);
        await server.Emulator.WaitForWebhooksAsync();

        var events = await receiver.Received.WaitForAsync(9);
        Assert.Equal(
            ["OnLeadCaptureAsync", "OnMessageAsync", "OnMessageAsync", "OnMessageAsync", "OnSessionClosedAsync", "OnSessionForwardedAsync", "OnSessionQueuedAsync", "OnSessionStartAsync", "OnSessionTakenAsync"],
            events.Select(e => e.Method).Order());
        Assert.All(server.Emulator.WebhookAttempts, attempt => Assert.Equal((1, 200), (attempt.Attempt, attempt.StatusCode)));

        var lead = Assert.IsType<LivechatWebhookEvent<LivechatWebhookRoomPayload>>(events.Single(e => e.Method == "OnLeadCaptureAsync").Event);
        Assert.Equal(["ada@example.com"], lead.Payload.Visitor.EmailAddresses);
        Assert.Empty(lead.Payload.Messages);

        var taken = Assert.IsType<LivechatWebhookEvent<LivechatSessionTakenPayload>>(events.Single(e => e.Method == "OnSessionTakenAsync").Event);
        Assert.Equal("agent.one", taken.Payload.ServedBy!.Username);
        Assert.Equal("agent.one", taken.Payload.Agent!.Username);

        var forwarded = Assert.IsType<LivechatWebhookEvent<LivechatSessionForwardedPayload>>(events.Single(e => e.Method == "OnSessionForwardedAsync").Event);
        Assert.Equal("agent.two", forwarded.Payload.ServedBy!.Username);
        Assert.Equal("agent.one", forwarded.Payload.OldServedBy!.Username);

        var closed = Assert.IsType<LivechatWebhookEvent<LivechatSessionPayload>>(events.Single(e => e.Method == "OnSessionClosedAsync").Event);
        Assert.Equal("user", closed.Payload.Closer);
        Assert.Equal("agent.two", closed.Payload.ClosedBy!.Username);
        Assert.Equal(["Reach me at ada@example.com", "Hello Ada", "Solved"], closed.Payload.Messages.Select(m => m.Msg));
        Assert.True(closed.Payload.Messages[^1].ClosingMessage);
        Assert.Null(closed.Payload.Messages[0].AgentId);
        Assert.NotNull(closed.Payload.Messages[1].AgentId);
    }

    [Fact]
    public async Task Switches_that_are_off_send_nothing()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync();
        await using EmulatorSetup server = await EmulatorSetup.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");
        await admin.Integrations.SaveWebhookIntegrationAsync(new WebhookIntegrationRequest { LivechatWebhookUrl = receiver.WebhookUrl.ToString(), LivechatWebhookOnClose = true });

        (string token, string roomId) = await server.StartChatAsync("Ada");
        await server.VisitorSaysAsync(token, roomId, "Hi");
        await server.TakeAsync("agent.one", roomId);
        await server.CloseAsync("agent.one", roomId);
        await server.Emulator.WaitForWebhooksAsync();

        (string method, _) = Assert.Single(await receiver.Received.WaitForAsync(1));
        Assert.Equal("OnSessionClosedAsync", method);
        Assert.Single(server.Emulator.WebhookAttempts);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_with_the_identical_body_until_it_gets_200()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(options => options.DeliveryMode = LivechatWebhookDeliveryMode.Inline);
        var keys = new List<string>();
        receiver.Received.OnEach = (webhook, _) =>
        {
            lock (keys)
            {
                keys.Add(webhook.IdempotencyKey);
                return keys.Count <= 2 ? throw new InvalidOperationException("CRM down") : Task.CompletedTask;
            }
        };
        await using EmulatorSetup server = await EmulatorSetup.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");
        await admin.Integrations.SaveWebhookIntegrationAsync(new WebhookIntegrationRequest
        {
            // Short enough for a quick test (retries wait 4 x 300 ms), long enough for a loaded machine to answer in time.
            LivechatWebhookUrl = receiver.WebhookUrl.ToString(), LivechatHttpTimeout = 300, LivechatWebhookOnStart = true,
        });

        await server.StartChatAsync("Ada");
        await server.Emulator.WaitForWebhooksAsync();

        IReadOnlyList<WebhookDeliveryAttempt> attempts = server.Emulator.WebhookAttempts;
        Assert.Equal([(1, 500, true), (2, 500, true), (3, 200, false)], attempts.Select(a => (a.Attempt, a.StatusCode ?? 0, a.WillRetry)));
        Assert.Single(attempts.Select(a => a.DeliveryId).Distinct());
        Assert.Equal(3, keys.Count);
        Assert.Single(keys.Distinct());
        Assert.Single(receiver.Received.All);
    }

    [Fact]
    public async Task A_timeout_is_retried_and_a_refusal_below_500_is_not()
    {
        await using ReceiverHost slow = await ReceiverHost.StartAsync(options => options.DeliveryMode = LivechatWebhookDeliveryMode.Inline);
        int calls = 0;
        slow.Received.OnEach = (_, cancellationToken) => Interlocked.Increment(ref calls) == 1 ? Task.Delay(2500, CancellationToken.None) : Task.CompletedTask;
        await using EmulatorSetup server = await EmulatorSetup.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");
        await admin.Integrations.SaveWebhookIntegrationAsync(new WebhookIntegrationRequest
        {
            LivechatWebhookUrl = slow.WebhookUrl.ToString(), LivechatHttpTimeout = 500, LivechatWebhookOnStart = true,
        });

        await server.StartChatAsync("Ada");
        await server.Emulator.WaitForWebhooksAsync();

        Assert.Equal([(1, (int?)null, true), (2, (int?)200, false)], server.Emulator.WebhookAttempts.Select(a => (a.Attempt, a.StatusCode, a.WillRetry)));
        Assert.Contains("timed out", server.Emulator.WebhookAttempts[0].Error);

        // A receiver that refuses the token answers 401: the newest server logs it and does not retry.
        await using ReceiverHost guarded = await ReceiverHost.StartAsync(options => options.SecretToken = "expected");
        await admin.Integrations.SaveWebhookIntegrationAsync(new WebhookIntegrationRequest { LivechatWebhookUrl = guarded.WebhookUrl.ToString(), LivechatSecretToken = "other" });
        await server.StartChatAsync("Bob");
        await server.Emulator.WaitForWebhooksAsync();

        WebhookDeliveryAttempt refused = server.Emulator.WebhookAttempts[^1];
        Assert.Equal((1, (int?)401, false), (refused.Attempt, refused.StatusCode, refused.WillRetry));
    }

    [Fact]
    public async Task The_body_of_a_200_becomes_the_rooms_crm_data_in_later_events()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(options => options.DeliveryMode = LivechatWebhookDeliveryMode.Inline);
        // Every 200 overwrites the room's crmData (an empty body clears it), so the receiver answers every event with it.
        receiver.Received.OnEach = (webhook, _) =>
        {
            webhook.ReplyWithCrmData("contact-42");
            return Task.CompletedTask;
        };
        await using EmulatorSetup server = await EmulatorSetup.StartAsync();
        await server.ConfigureWebhookAsync(receiver.WebhookUrl, secret: string.Empty);

        (string token, string roomId) = await server.StartChatAsync("Ada");
        await server.Emulator.WaitForWebhooksAsync();
        await server.VisitorSaysAsync(token, roomId, "Hi");
        await server.Emulator.WaitForWebhooksAsync();

        var message = Assert.IsType<LivechatWebhookEvent<LivechatWebhookRoomPayload>>(receiver.Received.All.Single(e => e.Method == "OnMessageAsync").Event);
        Assert.Equal("contact-42", message.Payload.CrmData!.Value.GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_visible_page_visit_is_a_Message_webhook_only_with_the_navigation_history_switch(bool sendNavigation)
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(options => options.SecretToken = Secret);
        await using EmulatorSetup server = await EmulatorSetup.StartAsync();
        await server.ConfigureWebhookAsync(receiver.WebhookUrl, Secret);
        LivechatClient admin = await server.ClientAsync("admin");
        await admin.Integrations.SaveSettingAsync("Livechat_Visitor_navigation_as_a_message", new SaveSettingRequest { Value = System.Text.Json.JsonDocument.Parse("true").RootElement });
        await admin.Integrations.SaveSettingAsync(
            "Send_visitor_navigation_history_livechat_webhook_request",
            new SaveSettingRequest { Value = System.Text.Json.JsonDocument.Parse(sendNavigation ? "true" : "false").RootElement });
        (string token, string roomId) = await server.StartChatAsync("Ada");
        await server.Emulator.WaitForWebhooksAsync();

        await server.Anonymous.Visitors.SendVisitorNavigationAsync(new VisitorNavigationRequest
        {
            Token = token,
            RoomId = roomId,
            PageInfo = new VisitorPageInfo { Title = "Pricing", Change = "url", Location = new VisitorPageLocation { Href = "https://example.com/pricing" } },
        });
        await server.Emulator.WaitForWebhooksAsync();

        var messages = receiver.Received.All.Where(e => e.Method == "OnMessageAsync").ToList();
        if (!sendNavigation)
        {
            Assert.Empty(messages);
            return;
        }

        var webhook = Assert.IsType<LivechatWebhookEvent<LivechatWebhookRoomPayload>>(Assert.Single(messages).Event);
        var entry = Assert.Single(webhook.Payload.Messages);
        Assert.Equal("Pricing - https://example.com/pricing", entry.Msg);
        Assert.Equal("https://example.com/pricing", entry.Navigation!.Value.GetProperty("page").GetProperty("location").GetProperty("href").GetString());
    }

    [Fact]
    public async Task The_test_endpoint_sends_the_fixed_sample_whose_contacts_are_strings()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(options => options.SecretToken = Secret);
        await using EmulatorSetup server = await EmulatorSetup.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");
        await admin.Integrations.SaveWebhookIntegrationAsync(new WebhookIntegrationRequest { LivechatWebhookUrl = receiver.WebhookUrl.ToString(), LivechatSecretToken = Secret });

        SuccessResponse response = await admin.Integrations.TestWebhookAsync();

        Assert.True(response.Success);
        (string method, LivechatWebhookEvent webhook) = Assert.Single(await receiver.Received.WaitForAsync(1));
        Assert.Equal("OnSessionClosedAsync", method);
        var sample = Assert.IsType<LivechatWebhookEvent<LivechatSessionPayload>>(webhook);
        Assert.Equal("fasd6f5a4sd6f8a4sdf", sample.Payload.Id);
        Assert.Equal(string.Empty, sample.Payload.Visitor.Id);
        Assert.Equal(["email@address.com"], sample.Payload.Visitor.EmailAddresses);
        Assert.Equal(["192873192873"], sample.Payload.Visitor.PhoneNumbers);
        Assert.Equal("asdf89as6df8", sample.Payload.Messages[1].AgentId);
    }

    [Fact]
    public async Task The_test_endpoint_reports_a_missing_url_and_a_receiver_that_does_not_answer_200()
    {
        await using ReceiverHost receiver = await ReceiverHost.StartAsync(options => options.SecretToken = Secret);
        await using EmulatorSetup server = await EmulatorSetup.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");

        var notSet = await Assert.ThrowsAsync<RocketChatApiException>(() => admin.Integrations.TestWebhookAsync());
        Assert.Equal("Webhook_URL_not_set", notSet.Error);

        // The test sends the header even when the secret is empty: the receiver sees a wrong token and answers 401.
        await admin.Integrations.SaveWebhookIntegrationAsync(new WebhookIntegrationRequest { LivechatWebhookUrl = receiver.WebhookUrl.ToString() });
        var refused = await Assert.ThrowsAsync<RocketChatApiException>(() => admin.Integrations.TestWebhookAsync());
        Assert.Equal("error-invalid-webhook-response", refused.Error);
        Assert.Contains(receiver.Logs.Messages, line => line.Contains("the token is wrong", StringComparison.Ordinal));
        Assert.Equal(1, server.Emulator.WebhookAttempts[^1].Attempt);
        Assert.False(server.Emulator.WebhookAttempts[^1].WillRetry);
    }

    [Fact]
    public async Task Settings_read_back_what_integrations_wrote_and_refuse_a_wrong_type()
    {
        await using EmulatorSetup server = await EmulatorSetup.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");

        Assert.Equal(5000, (await admin.Integrations.GetSettingAsync("Livechat_http_timeout")).Value.GetInt32());
        Assert.False((await admin.Integrations.GetSettingAsync("Livechat_webhook_on_capture")).Value.GetBoolean());
        await admin.Integrations.SaveWebhookIntegrationAsync(new WebhookIntegrationRequest { LivechatWebhookUrl = "http://127.0.0.1:9/hook", LivechatHttpTimeout = 1500 });
        await admin.Integrations.SaveSettingAsync("Livechat_webhook_on_capture", new SaveSettingRequest { Value = System.Text.Json.JsonDocument.Parse("true").RootElement });

        SettingResponse url = await admin.Integrations.GetSettingAsync("Livechat_webhookUrl");
        Assert.Equal("Livechat_webhookUrl", url.Id);
        Assert.Equal("http://127.0.0.1:9/hook", url.Value.GetString());
        Assert.Equal(1500, (await admin.Integrations.GetSettingAsync("Livechat_http_timeout")).Value.GetInt32());
        Assert.True((await admin.Integrations.GetSettingAsync("Livechat_webhook_on_capture")).Value.GetBoolean());

        var wrongType = await Assert.ThrowsAsync<RocketChatApiException>(() =>
            admin.Integrations.SaveSettingAsync("Livechat_http_timeout", new SaveSettingRequest { Value = System.Text.Json.JsonDocument.Parse("\"soon\"").RootElement }));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        var unknown = await Assert.ThrowsAsync<RocketChatApiException>(() => admin.Integrations.GetSettingAsync("No_such_setting"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        // A wrong type in one field of omnichannel/integrations changes none of them.
        (string userId, string authToken) = await server.Emulator.LoginAsync("admin", EmulatorSetup.Password);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/omnichannel/integrations")
        {
            Content = new StringContent("""{"LivechatWebhookUrl":"http://127.0.0.1:10/other","LivechatHttpTimeout":"soon"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-User-Id", userId);
        request.Headers.Add("X-Auth-Token", authToken);
        using HttpResponseMessage refused = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("LivechatHttpTimeout", await refused.Content.ReadAsStringAsync());
        Assert.Equal("http://127.0.0.1:9/hook", (await admin.Integrations.GetSettingAsync("Livechat_webhookUrl")).Value.GetString());

        var agent = await server.ClientAsync("agent.one");
        var forbidden = await Assert.ThrowsAsync<RocketChatForbiddenException>(() => agent.Integrations.GetSettingAsync("Livechat_webhookUrl"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
