using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Settings;
using RocketChat.Livechat.Emulator.State;
using RocketChat.Livechat.Emulator.Webhooks;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>POST omnichannel/integrations, POST livechat/webhook.test and GET/POST settings/:_id.</summary>
internal sealed class WebhookEndpoints(EmulatorState state)
{
    /// <summary>The body fields of omnichannel/integrations and the settings they write.</summary>
    private static readonly (string Field, string SettingId)[] s_integrationFields =
    [
        ("LivechatWebhookUrl", WebhookSettings.WebhookUrl),
        ("LivechatSecretToken", WebhookSettings.SecretToken),
        ("LivechatHttpTimeout", WebhookSettings.HttpTimeout),
        ("LivechatWebhookOnStart", WebhookSettings.OnStart),
        ("LivechatWebhookOnClose", WebhookSettings.OnClose),
        ("LivechatWebhookOnChatTaken", WebhookSettings.OnChatTaken),
        ("LivechatWebhookOnChatQueued", WebhookSettings.OnChatQueued),
        ("LivechatWebhookOnForward", WebhookSettings.OnForward),
        ("LivechatWebhookOnOfflineMsg", WebhookSettings.OnOfflineMessage),
        ("LivechatWebhookOnVisitorMessage", WebhookSettings.OnVisitorMessage),
        ("LivechatWebhookOnAgentMessage", WebhookSettings.OnAgentMessage),
    ];

    /// <summary>Writes each field present (there is no field for Livechat_webhook_on_capture: use settings/:_id).</summary>
    public async Task SaveIntegrationAsync(HttpContext context)
    {
        JsonObject body = context.Api().BodyObject;
        var updates = new List<(string SettingId, JsonNode? Value)>();
        foreach ((string field, string settingId) in s_integrationFields)
        {
            if (!body.TryGetPropertyValue(field, out JsonNode? value))
            {
                continue;
            }

            updates.Add((settingId, value));
        }

        // Check every value first so a bad field changes nothing.
        foreach ((string settingId, JsonNode? value) in updates)
        {
            if (!state.Settings.Accepts(settingId, value))
            {
                string field = s_integrationFields.First(f => f.SettingId == settingId).Field;
                throw ApiErrors.InvalidParams($"must have a valid '{field}'");
            }
        }

        foreach ((string settingId, JsonNode? value) in updates)
        {
            state.Settings.TrySet(settingId, value);
        }

        await JsonResponses.SuccessAsync(context).ConfigureAwait(false);
    }

    /// <summary>Sends the fixed sample once; 200 is success, anything else error-invalid-webhook-response.</summary>
    public async Task TestAsync(HttpContext context)
    {
        if (string.IsNullOrEmpty(state.Settings.GetString(WebhookSettings.WebhookUrl)))
        {
            throw ApiErrors.Plain("Webhook_URL_not_set");
        }

        WebhookPostResult result = await state.Webhooks.Sender
            .SendTestAsync(WebhookTestSample.Create(state.Now), context.RequestAborted)
            .ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw ApiErrors.Plain("error-invalid-webhook-response");
        }

        await JsonResponses.SuccessAsync(context).ConfigureAwait(false);
    }

    public async Task GetSettingAsync(HttpContext context)
    {
        string id = context.RouteValue("_id");
        if (!state.Settings.TryGet(id, out JsonNode? value))
        {
            throw ApiErrors.Bare();
        }

        await JsonResponses.SuccessAsync(context, writer =>
        {
            writer.WriteString("_id", id);
            writer.WritePropertyName("value");
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer);
            }
        }).ConfigureAwait(false);
    }

    public async Task SaveSettingAsync(HttpContext context)
    {
        string id = context.RouteValue("_id");
        JsonObject body = context.Api().BodyObject;
        if (!body.TryGetPropertyValue("value", out JsonNode? value))
        {
            throw ApiErrors.MatchFailed("Missing key 'value'");
        }

        switch (state.Settings.TrySet(id, value))
        {
            case SettingWriteResult.UnknownSetting:
                throw ApiErrors.Bare();
            case SettingWriteResult.WrongType:
                throw ApiErrors.InvalidParams($"The value of '{id}' has the wrong type");
        }

        await JsonResponses.SuccessAsync(context).ConfigureAwait(false);
    }
}
