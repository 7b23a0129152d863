using static RocketChat.Livechat.Emulator.Validation.SchemaBuilder;

namespace RocketChat.Livechat.Emulator.Validation;

/// <summary>The ajv schemas of the livechat routes, after @rocket.chat/rest-typings (isPOSTLivechatMessageParams, ...).</summary>
internal static class RouteSchemas
{
    public static ObjectSchema SendMessage { get; } = Object(
        Property("token", StringType),
        Property("rid", StringType),
        Property("msg", StringType),
        Property("_id", NullableString),
        Property("agent", Object(Property("agentId", StringType), Property("username", StringType)) with
        {
            Required = ["agentId", "username"],
            Nullable = true,
        })) with { Required = ["token", "rid", "msg"] };

    /// <summary>chat.sendMessage: the message object; extra message fields (alias, emoji, attachments…) are allowed.</summary>
    public static ObjectSchema SendAgentMessage { get; } = Object(
        Property("message", Object(
            Property("rid", StringType),
            Property("msg", StringType),
            Property("_id", StringType),
            Property("alias", StringType)) with { Required = ["rid", "msg"], AdditionalProperties = true })) with { Required = ["message"] };

    public static ObjectSchema MessageHistory { get; } = Object(
        Property("searchText", StringType),
        Property("token", StringType),
        Property("ls", StringType),
        Property("end", StringType),
        Property("limit", NullableNumber),
        Property("offset", NullableNumber),
        Property("count", NullableNumber),
        Property("sort", NullableString)) with { Required = ["token"] };

    public static ObjectSchema CloseRoomAsVisitor { get; } = Object(
        Property("rid", StringType),
        Property("token", StringType)) with { Required = ["rid", "token"] };

    public static ObjectSchema CloseRoom { get; } = Object(
        Property("rid", StringType),
        Property("comment", NullableString),
        Property("tags", NullableStringArray),
        Property("generateTranscriptPdf", NullableBoolean),
        Property("transcriptEmail", Object(
            Property("sendToVisitor", new BooleanSchema()),
            Property("requestData", Object(Property("email", StringType), Property("subject", StringType)) with { Required = ["email", "subject"] }))
            with { Required = ["sendToVisitor"] }),
        Property("forceClose", NullableBoolean)) with { Required = ["rid"] };

    public static ObjectSchema ForwardRoom { get; } = Object(
        Property("roomId", StringType),
        Property("userId", NullableString),
        Property("departmentId", NullableString),
        Property("comment", NullableString),
        Property("clientAction", NullableBoolean)) with { Required = ["roomId"] };

    /// <summary>isPUTLivechatRoomVisitorParams.</summary>
    public static ObjectSchema ChangeRoomVisitor { get; } = Object(
        Property("rid", StringType),
        Property("oldVisitorId", StringType),
        Property("newVisitorId", StringType)) with { Required = ["rid", "oldVisitorId", "newVisitorId"] };

    public static ObjectSchema ListRooms { get; } = Object(
    [
        .. Paging(),
        Property("query", NullableString),
        Property("fields", NullableString),
        Property("createdAt", NullableString),
        Property("customFields", NullableString),
        Property("closedAt", NullableString),
        Property("agents", NullableStringArray),
        Property("roomName", NullableString),
        Property("departmentId", new AnyOfSchema([StringType, new ArraySchema(StringType)])),
        Property("open", StringOrBoolean),
        Property("onhold", StringOrBoolean),
        Property("queued", StringOrBoolean),
        Property("tags", NullableStringArray),
        Property("units", NullableStringArray),
    ]);

    public static ObjectSchema ListInquiries { get; } = Object([.. Paging(), Property("department", NullableString)]);

    public static ObjectSchema GetInquiry { get; } = Object(Property("roomId", StringType)) with { Required = ["roomId"] };

    public static ObjectSchema GetSubscription { get; } = Object(Property("roomId", StringType)) with { Required = ["roomId"] };

    public static ObjectSchema TakeInquiry { get; } = Object(
        Property("inquiryId", StringType),
        Property("userId", NullableString),
        Property("options", Object(
            Property("clientAction", new BooleanSchema()),
            Property("forwardingToDepartment", Object() with { AdditionalProperties = true })) with
        {
            Required = ["clientAction"],
            Nullable = true,
        })) with { Required = ["inquiryId"] };

    public static ObjectSchema ListLivechatUsers { get; } = Object(
    [
        Property("text", NullableString),
        Property("onlyAvailable", NullableBoolean),
        Property("excludeId", NullableString),
        Property("showIdleAgents", NullableBoolean),
        .. Paging(),
        Property("query", NullableString),
        Property("fields", NullableString),
    ]);

    /// <summary>isGETLivechatDepartmentProps: the flags are the strings "true" or "false".</summary>
    public static ObjectSchema ListDepartments { get; } = Object(
    [
        Property("text", NullableString),
        Property("onlyMyDepartments", OneOf("true", "false")),
        Property("enabled", OneOf("true", "false")),
        Property("excludeDepartmentId", NullableString),
        Property("showArchived", OneOf("true", "false")),
        .. Paging(),
        Property("query", NullableString),
        Property("fields", NullableString),
    ]);

    public static ObjectSchema GetDepartment { get; } = Object(
        Property("includeAgents", OneOf("true", "false")),
        Property("onlyMyDepartments", OneOf("true", "false")));

    public static ObjectSchema ListDepartmentAgents { get; } = Object([.. Paging()]);

    public static ObjectSchema AddLivechatUser { get; } = Object(Property("username", StringType)) with { Required = ["username"] };

    public static ObjectSchema SetAgentStatus { get; } = Object(
        Property("status", OneOf("available", "not-available")),
        Property("agentId", StringType));
}
