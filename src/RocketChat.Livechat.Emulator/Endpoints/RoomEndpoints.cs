using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Json;
using RocketChat.Livechat.Emulator.Security;
using RocketChat.Livechat.Emulator.Services;
using RocketChat.Livechat.Emulator.Validation;
using static RocketChat.Livechat.Emulator.Validation.MatchPattern;

namespace RocketChat.Livechat.Emulator.Endpoints;

/// <summary>GET livechat/room, GET livechat/rooms, POST livechat/room.close, room.closeByUser, room.forward and visitor/department.transfer.</summary>
internal sealed class RoomEndpoints(RoomService rooms)
{
    /// <summary>The route's strict <c>check(this.queryParams, {token, rid, agentId})</c> (CE adds no keys).</summary>
    private static readonly MatchPattern s_getOrCreatePattern = Object(
        Key("token", StringType),
        Key("rid", Maybe(StringType)),
        Key("agentId", Maybe(StringType)));

    public async Task GetOrCreateAsync(HttpContext context)
    {
        JsonObject query = context.Api().Query;
        MeteorCheck.Check(query, s_getOrCreatePattern);
        (RoomRecord room, bool isNew) = rooms.GetOrCreate(
            query["token"]!.GetValue<string>(),
            query["rid"]?.GetValue<string>(),
            query["agentId"]?.GetValue<string>(),
            IsWidget(context.Request) ? RoomSourceType.Widget : RoomSourceType.Api,
            context.Request.Host.Value);
        await JsonResponses.SuccessAsync(context, writer =>
        {
            writer.WritePropertyName("room");
            RoomJson.Write(writer, room);
            writer.WriteBoolean("newRoom", isNew);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Needs view-livechat-rooms, or view-l-room when <c>agents</c> is exactly the caller; otherwise the handler's
    /// own 403 'unauthorized'. Parameters are checked in the route's order: paging, sort/fields/query, dates,
    /// permission, custom fields.
    /// </summary>
    public async Task ListAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        Paging paging = QueryParsing.Paging(call);
        FieldProjection projection = QueryParsing.Fields(call);
        QueryParsing.CheckQuery(call);
        DateWindow? createdAt = DateRange(call, "createdAt");
        DateWindow? closedAt = DateRange(call, "closedAt");
        IReadOnlyList<string>? agents = call.QueryStrings("agents");

        UserRecord user = call.User;
        bool canViewAll = Permissions.Has(user, Permissions.ViewLivechatRooms);
        bool canViewOwn = Permissions.Has(user, Permissions.ViewLivechatRoom) && agents is [var onlyAgent] && onlyAgent == user.Id;
        if (!canViewAll && !canViewOwn)
        {
            throw ApiErrors.Forbidden();
        }

        var filter = new RoomFilter
        {
            AgentIds = agents,
            DepartmentIds = call.QueryStrings("departmentId"),
            Open = OpenFilter(call),
            CreatedAt = createdAt,
            ClosedAt = closedAt,
            Tags = call.QueryStrings("tags"),
            RoomName = call.QueryString("roomName") is { Length: > 0 } name ? name : null,
            OnHold = Flag(call, "onhold") == true,
            Queued = Flag(call, "queued") == true,
            CustomFields = CustomFields(call),
        };
        (IReadOnlyList<RoomRecord> page, int total) = rooms.List(filter, paging);
        await JsonResponses.SuccessAsync(context, writer =>
        {
            writer.WriteStartArray("rooms");
            foreach (RoomRecord room in page)
            {
                RoomJson.Write(writer, room, projection);
            }

            writer.WriteEndArray();
            writer.WriteNumber("count", page.Count);
            writer.WriteNumber("offset", paging.Offset);
            writer.WriteNumber("total", total);
        }).ConfigureAwait(false);
    }

    public async Task CloseAsVisitorAsync(HttpContext context)
    {
        CloseRoomAsVisitorRequest request = context.Api().BodyAs(LivechatJsonContext.Default.CloseRoomAsVisitorRequest);
        string comment = rooms.CloseByVisitor(request.Token, request.RoomId);
        await JsonResponses.SuccessAsync(context, writer =>
        {
            writer.WriteString("rid", request.RoomId);
            writer.WriteString("comment", comment);
        }).ConfigureAwait(false);
    }

    public async Task CloseAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        CloseRoomRequest request = call.BodyAs(LivechatJsonContext.Default.CloseRoomRequest);
        rooms.CloseByUser(call.User, request.RoomId, request.Comment, request.Tags);
        await JsonResponses.SuccessAsync(context).ConfigureAwait(false);
    }

    public async Task ForwardAsync(HttpContext context)
    {
        ApiCall call = context.Api();
        ForwardRoomRequest request = call.BodyAs(LivechatJsonContext.Default.ForwardRoomRequest);
        rooms.Forward(call.User, request.RoomId, request.UserId, request.DepartmentId, request.Comment);
        await JsonResponses.SuccessAsync(context).ConfigureAwait(false);
    }

    public async Task TransferToDepartmentAsync(HttpContext context)
    {
        TransferRoomToDepartmentRequest request = context.Api().BodyAs(LivechatJsonContext.Default.TransferRoomToDepartmentRequest);
        rooms.TransferToDepartmentAsVisitor(request.Token, request.RoomId, request.DepartmentId);
        await JsonResponses.SuccessAsync(context).ConfigureAwait(false);
    }

    /// <summary>isWidget: the widget marks its requests with the cookies rc_room_type=l and rc_is_widget=t.</summary>
    private static bool IsWidget(HttpRequest request) =>
        request.Cookies["rc_room_type"] == "l" && request.Cookies["rc_is_widget"] == "t";

    /// <summary>validateDateParams: the parameter is JSON <c>{start, end}</c> whose bounds must be dates.</summary>
    private static DateWindow? DateRange(ApiCall call, string name)
    {
        if (call.QueryString(name) is not { Length: > 0 } text)
        {
            return null;
        }

        JsonObject? range = JavaScriptJson.Parse(text) as JsonObject;
        return new DateWindow(Bound(range, name, "start"), Bound(range, name, "end"));
    }

    private static DateTimeOffset? Bound(JsonObject? range, string name, string bound)
    {
        if (range?[bound] is not JsonValue value || value.ToString() is not { Length: > 0 } text)
        {
            return null;
        }

        return JavaScriptJson.ParseDate(text) ?? throw ApiErrors.Plain($"The \"{name}.{bound}\" query parameter must be a valid date.");
    }

    /// <summary>The route passes <c>open</c> on only when it is exactly "true" or "false"; any other value filters nothing.</summary>
    private static bool? OpenFilter(ApiCall call) => call.Query["open"] switch
    {
        JsonValue value when value.TryGetValue(out bool flag) => flag,
        JsonValue value when value.TryGetValue(out string? text) => text switch
        {
            "true" => true,
            "false" => false,
            _ => null,
        },
        _ => null,
    };

    /// <summary>findRooms reads a flag as true when it is true, "true", "t" or "1".</summary>
    private static bool? Flag(ApiCall call, string name) => call.Query[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out bool flag) => flag,
        JsonValue value => value.ToString() is "true" or "t" or "1",
        _ => null,
    };

    private static Dictionary<string, string>? CustomFields(ApiCall call)
    {
        if (call.QueryString("customFields") is not { Length: > 0 } text)
        {
            return null;
        }

        try
        {
            return JavaScriptJsonParser.Parse(text) is JsonObject fields
                ? fields.ToDictionary(field => field.Key, field => field.Value?.ToString() ?? string.Empty, StringComparer.Ordinal)
                : throw ApiErrors.Plain("The \"customFields\" query parameter must be a valid JSON.");
        }
        catch (System.Text.Json.JsonException)
        {
            throw ApiErrors.Plain("The \"customFields\" query parameter must be a valid JSON.");
        }
    }
}
