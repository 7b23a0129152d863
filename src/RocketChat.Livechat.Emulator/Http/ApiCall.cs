using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Domain;

namespace RocketChat.Livechat.Emulator.Http;

/// <summary>
/// What the gateway learned about a request before the handler runs: the authenticated user, and the query and
/// body after validation and coercion (Rocket.Chat's <c>this.user</c>, <c>this.queryParams</c>, <c>this.bodyParams</c>).
/// </summary>
internal sealed class ApiCall
{
    public UserRecord? Caller { get; init; }

    public required JsonObject Query { get; init; }

    public required JsonNode? Body { get; init; }

    /// <summary>The caller of an authenticated route (the gateway has already refused anonymous calls).</summary>
    public UserRecord User => Caller ?? throw new InvalidOperationException("The route was not marked as authenticated.");

    /// <summary>The body as an object; a body of another JSON type reads as empty, as Rocket.Chat's bodyParams would.</summary>
    public JsonObject BodyObject => Body as JsonObject ?? [];

    /// <summary>Binds the validated body to a generated request type.</summary>
    public T BodyAs<T>(JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(Body, typeInfo) ?? throw new InvalidOperationException("The body was validated as an object.");

    public string? QueryString(string name) => Query[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public double? QueryNumber(string name) => Query[name] is JsonValue value && value.TryGetValue(out double number) ? number : null;

    public bool? QueryBoolean(string name) => Query[name] is JsonValue value && value.TryGetValue(out bool flag) ? flag : null;

    public IReadOnlyList<string>? QueryStrings(string name) => Query[name] switch
    {
        JsonArray array => array.Select(item => item?.ToString() ?? string.Empty).ToList(),
        JsonValue value when value.TryGetValue(out string? text) => [text],
        _ => null,
    };
}

/// <summary>Access to the <see cref="ApiCall"/> the gateway attached to the request.</summary>
internal static class ApiCallExtensions
{
    public static ApiCall Api(this HttpContext context) =>
        context.Features.Get<ApiCall>() ?? throw new InvalidOperationException("The request did not pass the API gateway.");

    public static string RouteValue(this HttpContext context, string name) =>
        context.Request.RouteValues[name] as string ?? string.Empty;
}
