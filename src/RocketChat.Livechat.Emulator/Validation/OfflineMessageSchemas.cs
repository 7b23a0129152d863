using static RocketChat.Livechat.Emulator.Validation.SchemaBuilder;

namespace RocketChat.Livechat.Emulator.Validation;

/// <summary>The ajv schema of <c>livechat/offline.message</c> (isPOSTLivechatOfflineMessageParams).</summary>
internal static class OfflineMessageSchemas
{
    public static ObjectSchema Send { get; } = Object(
        Property("name", StringType),
        Property("email", StringType),
        Property("message", StringType),
        Property("department", NullableString),
        Property("host", NullableString)) with { Required = ["name", "email", "message"] };
}
