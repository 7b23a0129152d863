using static RocketChat.Livechat.Emulator.Validation.SchemaBuilder;

namespace RocketChat.Livechat.Emulator.Validation;

/// <summary>
/// The ajv schemas of the widget's other routes, after rest-typings: isGETLivechatConfigParams,
/// isPOSTLivechatRoomSurveyParams, isPOSTLivechatPageVisitedParams, isPOSTLivechatTranscriptParams,
/// isPOSTLivechatCustomField(s)Params and isPOSTLivechatVisitorDepartmentTransferParams.
/// </summary>
internal static class WidgetSchemas
{
    public static ObjectSchema Config { get; } = Object(
        Property("token", NullableString),
        Property("department", NullableString),
        Property("businessUnit", NullableString));

    public static ObjectSchema RoomSurvey { get; } = Object(
        Property("token", StringType),
        Property("rid", StringType),
        Property("data", new ArraySchema(Object(
            Property("name", StringType),
            Property("value", StringType)) with { Required = ["name", "value"] }) { MinItems = 1 })) with { Required = ["token", "rid", "data"] };

    public static ObjectSchema PageVisited { get; } = Object(
        Property("token", StringType),
        Property("rid", NullableString),
        Property("pageInfo", Object(
            Property("title", StringType),
            Property("change", StringType),
            Property("location", Object(Property("href", StringType)) with { Required = ["href"] })) with
        {
            Required = ["title", "change", "location"],
        })) with { Required = ["token", "pageInfo"] };

    public static ObjectSchema Transcript { get; } = Object(
        Property("rid", StringType),
        Property("token", StringType),
        Property("email", StringType)) with { Required = ["rid", "token", "email"] };

    public static ObjectSchema CustomField { get; } = Object(
        Property("token", StringType),
        Property("key", StringType),
        Property("value", StringType),
        Property("overwrite", new BooleanSchema())) with { Required = ["token", "key", "value", "overwrite"] };

    public static ObjectSchema CustomFields { get; } = Object(
        Property("token", StringType),
        Property("customFields", new ArraySchema(Object(
            Property("key", StringType),
            Property("value", StringType),
            Property("overwrite", new BooleanSchema())) with { Required = ["key", "value", "overwrite"] }))) with { Required = ["token", "customFields"] };

    public static ObjectSchema DepartmentTransfer { get; } = Object(
        Property("token", StringType),
        Property("rid", StringType),
        Property("department", StringType)) with { Required = ["token", "rid", "department"] };
}
