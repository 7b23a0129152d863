using static RocketChat.Livechat.Emulator.Validation.SchemaBuilder;

namespace RocketChat.Livechat.Emulator.Validation;

/// <summary>The ajv schemas of the widget's routes beside the live events: <c>livechat/message/:_id</c> (isGET/PUT/DELETELivechatMessageIdParams) and <c>livechat/agent.next/:token</c>.</summary>
internal static class VisitorMessageSchemas
{
    /// <summary>isGETAgentNextToken: an optional department.</summary>
    public static ObjectSchema NextAgent { get; } = Object(Property("department", NullableString));

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
