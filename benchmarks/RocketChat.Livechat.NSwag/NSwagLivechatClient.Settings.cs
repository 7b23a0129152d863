using System.Text.Json;
using System.Text.Json.Serialization;

namespace RocketChat.Livechat.NSwag;

/// <summary>
/// The one setting an NSwag user needs for this server: leave nulls out of request bodies. Rocket.Chat validates
/// bodies such as <c>POST livechat/message</c> with <c>additionalProperties: false</c>, and NSwag's defaults would
/// send <c>"_id": null, "agent": null</c>.
/// </summary>
public partial class NSwagLivechatClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }
}
