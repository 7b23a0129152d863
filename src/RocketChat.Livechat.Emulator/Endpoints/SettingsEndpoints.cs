using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Services;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>GET/POST settings/:_id and GET/POST livechat/appearance.</summary>
internal sealed class SettingsEndpoints(SettingsService settings)
{
    /// <summary>GET settings/:_id: <c>{_id, value}</c>; an unknown id is the bare failure.</summary>
    public async Task GetAsync(HttpContext context)
    {
        string id = context.RouteValue("_id");
        JsonNode value = settings.Get(id) ?? throw ApiErrors.Bare();
        await JsonResponses.SuccessAsync(context, writer =>
        {
            writer.WriteString("_id", id);
            writer.WritePropertyName("value");
            value.WriteTo(writer);
        }).ConfigureAwait(false);
    }

    /// <summary>POST settings/:_id <c>{value}</c>, checked with <c>check(bodyParams, {value: Match.Any})</c>.</summary>
    public async Task SetAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        JsonObject body = call.BodyObject;
        if (!body.ContainsKey("value"))
        {
            throw ApiErrors.MatchFailed("Missing key 'value'");
        }

        settings.Set(
            call.User,
            context.RouteValue("_id"),
            body["value"],
            context.Request.Headers["x-2fa-code"].ToString(),
            context.Request.Headers["x-2fa-method"].ToString() is { Length: > 0 } method ? method : null);
        await JsonResponses.SuccessAsync(context).ConfigureAwait(false);
    }

    /// <summary>GET livechat/appearance: <c>{appearance: [{_id, value}]}</c>.</summary>
    public async Task GetAppearanceAsync(HttpContext context)
    {
        IReadOnlyList<(string Id, JsonNode? Value)> appearance = settings.Appearance();
        await JsonResponses.SuccessAsync(context, writer =>
        {
            writer.WriteStartArray("appearance");
            foreach ((string id, JsonNode? value) in appearance)
            {
                writer.WriteStartObject();
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

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    /// <summary>POST livechat/appearance: an array of <c>{_id, value}</c> (isPOSTLivechatAppearanceParams).</summary>
    public async Task SetAppearanceAsync(HttpContext context)
    {
        if (context.Api().Body is not JsonArray items)
        {
            throw ApiErrors.InvalidParams("must be array");
        }

        var changes = new List<(string Id, JsonNode? Value)>();
        foreach (JsonNode? item in items)
        {
            if (item is not JsonObject setting || setting["_id"] is not JsonValue idValue || !idValue.TryGetValue(out string? id) || !setting.ContainsKey("value"))
            {
                throw ApiErrors.InvalidParams("must have required property '_id'");
            }

            changes.Add((id, setting["value"]?.DeepClone()));
        }

        settings.SetAppearance(changes);
        await JsonResponses.SuccessAsync(context).ConfigureAwait(false);
    }
}
