using static RocketChat.Livechat.Emulator.Validation.SchemaBuilder;

namespace RocketChat.Livechat.Emulator.Validation;

/// <summary>The ajv schemas of <c>livechat/message/:_id</c> (isGET/PUT/DELETELivechatMessageIdParams).</summary>
internal static class VisitorMessageSchemas
{
    public static ObjectSchema Get { get; } = Object(
        Property("token", StringType),
        Property("rid", StringType)) with { Required = ["token", "rid"] };

    public static ObjectSchema Update { get; } = Object(
        Property("token", StringType),
        Property("rid", StringType),
        Property("msg", StringType)) with { Required = ["token", "rid", "msg"] };

    public static ObjectSchema Delete { get; } = Object(
        Property("token", StringType),
        Property("rid", StringType)) with { Required = ["token", "rid"] };
}
