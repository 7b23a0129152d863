using static RocketChat.Livechat.Emulator.Validation.SchemaBuilder;

namespace RocketChat.Livechat.Emulator.Validation;

/// <summary>The ajv schema of <c>livechat/room.saveInfo</c> (isLiveChatRoomSaveInfoProps).</summary>
internal static class RoomInfoSchemas
{
    /// <summary>Custom fields by id, values checked by the server when it stores them.</summary>
    private static readonly ObjectSchema s_customFields = Object() with { Nullable = true, AdditionalProperties = true };

    public static ObjectSchema Save { get; } = Object(
        Property("guestData", Object(
            Property("_id", StringType),
            Property("name", NullableString),
            Property("email", NullableString),
            Property("phone", NullableString),
            Property("livechatData", s_customFields)) with { Required = ["_id"] }),
        Property("roomData", Object(
            Property("_id", StringType),
            Property("topic", NullableString),
            Property("tags", NullableStringArray),
            Property("livechatData", s_customFields),
            Property("priorityId", NullableString),
            Property("slaId", NullableString)) with { Required = ["_id"] })) with { Required = ["guestData", "roomData"] };
}
