using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Services;
using RocketChat.Livechat.Emulator.Validation;
using static RocketChat.Livechat.Emulator.Validation.MatchPattern;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>POST /api/v1/livechat/visitor and GET/DELETE /api/v1/livechat/visitor/:token.</summary>
internal sealed class VisitorEndpoints(VisitorService visitors)
{
    /// <summary>The route's <c>check(this.bodyParams, {visitor: Match.ObjectIncluding({...})})</c>.</summary>
    private static readonly MatchPattern s_registerPattern = Object(Key("visitor", ObjectIncluding(
        Key("token", StringType),
        Key("name", Maybe(StringType)),
        Key("email", Maybe(StringType)),
        Key("department", Maybe(StringType)),
        Key("phone", Maybe(StringType)),
        Key("username", Maybe(StringType)),
        Key("customFields", Maybe(ArrayOf(ObjectIncluding(Key("key", StringType), Key("value", StringType), Key("overwrite", BooleanType))))))));

    public async Task RegisterAsync(HttpContext context)
    {
        JsonNode? body = context.Api().Body;
        MeteorCheck.Check(body, s_registerPattern);
        VisitorInput input = System.Text.Json.JsonSerializer.Deserialize(body!["visitor"], LivechatJsonContext.Default.VisitorInput)!;

        // Custom fields are stored only under existing visitor-scope fields; the emulator defines none, so they are ignored.
        VisitorRecord visitor = visitors.Register(input);
        var response = new RegisterVisitorResponse { Visitor = VisitorModels.ToModel(visitor), Success = true };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.RegisterVisitorResponse).ConfigureAwait(false);
    }

    public async Task GetAsync(HttpContext context)
    {
        VisitorRecord visitor = visitors.Find(context.RouteValue("token")) ?? throw ApiErrors.Meteor("invalid-token");
        var response = new GetVisitorResponse { Visitor = VisitorModels.ToModel(visitor), Success = true };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.GetVisitorResponse).ConfigureAwait(false);
    }

    public async Task DeleteAsync(HttpContext context)
    {
        (string visitorId, DateTimeOffset removedAt) = visitors.Remove(context.RouteValue("token"));
        var response = new DeleteVisitorResponse { Visitor = new DeletedVisitor { Id = visitorId, Timestamp = removedAt }, Success = true };
        await JsonResponses.ModelAsync(context, response, LivechatJsonContext.Default.DeleteVisitorResponse).ConfigureAwait(false);
    }
}
