using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Services;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>GET/POST livechat/appearance.</summary>
internal sealed class AppearanceEndpoints(AppearanceService appearance)
{
    /// <summary><c>{appearance: [{_id, value}]}</c>.</summary>
    public async Task GetAsync(HttpContext context)
    {
        IReadOnlyList<(string Id, JsonNode? Value)> settings = appearance.Get();
        await JsonResponses.SuccessAsync(context, writer =>
        {
            writer.WriteStartArray("appearance");
            foreach ((string id, JsonNode? value) in settings)
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

    /// <summary>An array of <c>{_id, value}</c> (isPOSTLivechatAppearanceParams).</summary>
    public async Task SetAsync(HttpContext context)
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

        appearance.Set(changes);
        await JsonResponses.SuccessAsync(context).ConfigureAwait(false);
    }
}
