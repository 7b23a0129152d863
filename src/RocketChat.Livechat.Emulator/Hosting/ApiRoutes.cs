using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RocketChat.Livechat.Emulator.Http;
using RocketChat.Livechat.Emulator.Security;
using RocketChat.Livechat.Emulator.Validation;

namespace RocketChat.Livechat.Emulator.Hosting;

/// <summary>The route table: every operation of contracts/livechat.yaml with the options its Rocket.Chat route declares.</summary>
internal static class ApiRoutes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorEndpoints endpoints)
    {
        const string Livechat = "/api/v1/livechat";

        app.MapApi("POST", "/api/v1/login", endpoints.Authentication.LoginAsync, ApiRoute.Public);
        app.MapApi("GET", "/api/info", endpoints.ServerInfo.GetAsync, ApiRoute.Public with { RateLimit = RateLimitPolicy.None });

        var visitorRoute = ApiRoute.Public with { RateLimit = RateLimitPolicy.Visitor };
        app.MapApi("POST", $"{Livechat}/visitor", endpoints.Visitors.RegisterAsync, visitorRoute);
        app.MapApi("GET", $"{Livechat}/visitor/{{token}}", endpoints.Visitors.GetAsync, ApiRoute.Public);
        app.MapApi("DELETE", $"{Livechat}/visitor/{{token}}", endpoints.Visitors.DeleteAsync, ApiRoute.Public);

        app.MapApi("GET", $"{Livechat}/room", endpoints.Rooms.GetOrCreateAsync, visitorRoute);
        app.MapApi("GET", $"{Livechat}/rooms", endpoints.Rooms.ListAsync, ApiRoute.Authenticated with { Query = RouteSchemas.ListRooms });
        app.MapApi("POST", $"{Livechat}/room.close", endpoints.Rooms.CloseAsVisitorAsync, ApiRoute.Public with { Body = RouteSchemas.CloseRoomAsVisitor });
        app.MapApi("POST", $"{Livechat}/room.closeByUser", endpoints.Rooms.CloseAsync, ApiRoute.Authenticated with
        {
            Permissions = [Permissions.CloseLivechatRoom],
            Body = RouteSchemas.CloseRoom,
        });
        app.MapApi("POST", $"{Livechat}/room.forward", endpoints.Rooms.ForwardAsync, ApiRoute.Authenticated with
        {
            Permissions = [Permissions.ViewLivechatRoom, Permissions.TransferLivechatGuest],
            Body = RouteSchemas.ForwardRoom,
        });

        app.MapApi("PUT", $"{Livechat}/room.visitor", endpoints.Rooms.ChangeVisitorAsync, ApiRoute.Authenticated with
        {
            Permissions = [Permissions.ChangeLivechatRoomVisitor],
            Body = RouteSchemas.ChangeRoomVisitor,
        });

        app.MapApi("POST", $"{Livechat}/message", endpoints.Messages.SendAsync, ApiRoute.Public with { Body = RouteSchemas.SendMessage });
        app.MapApi("POST", "/api/v1/chat.sendMessage", endpoints.Messages.SendAsAgentAsync, ApiRoute.Authenticated with { Body = RouteSchemas.SendAgentMessage });
        app.MapApi("GET", $"{Livechat}/agent.info/{{rid}}/{{token}}", endpoints.AgentInfo.InfoAsync, ApiRoute.Public);
        app.MapApi("GET", $"{Livechat}/agent.next/{{token}}", endpoints.AgentInfo.NextAsync, ApiRoute.Public with { Query = VisitorMessageSchemas.NextAgent });
        app.MapApi("GET", $"{Livechat}/message/{{_id}}", endpoints.VisitorMessages.GetAsync, ApiRoute.Public with { Query = VisitorMessageSchemas.Get });
        app.MapApi("PUT", $"{Livechat}/message/{{_id}}", endpoints.VisitorMessages.UpdateAsync, ApiRoute.Public with { Body = VisitorMessageSchemas.Update });
        app.MapApi("DELETE", $"{Livechat}/message/{{_id}}", endpoints.VisitorMessages.DeleteAsync, ApiRoute.Public with { Body = VisitorMessageSchemas.Delete });
        app.MapApi("POST", $"{Livechat}/upload/{{rid}}", endpoints.Messages.UploadAsync, ApiRoute.Public);
        app.MapApi("GET", $"{Livechat}/messages.history/{{rid}}", endpoints.Messages.HistoryAsync, ApiRoute.Public with { Query = RouteSchemas.MessageHistory });

        app.MapApi("GET", $"{Livechat}/inquiries.list", endpoints.Inquiries.ListAsync, ApiRoute.Authenticated with
        {
            Permissions = [Permissions.ViewLivechatManager],
            Query = RouteSchemas.ListInquiries,
        });
        app.MapApi("GET", $"{Livechat}/inquiries.queuedForUser", endpoints.Inquiries.ListQueuedForUserAsync, ApiRoute.Authenticated with
        {
            Permissions = [Permissions.ViewLivechatRoom],
            Query = RouteSchemas.ListInquiries,
        });
        app.MapApi("GET", $"{Livechat}/inquiries.getOne", endpoints.Inquiries.GetOneAsync, ApiRoute.Authenticated with
        {
            Permissions = [Permissions.ViewLivechatRoom],
            Query = RouteSchemas.GetInquiry,
        });
        app.MapApi("POST", $"{Livechat}/inquiries.take", endpoints.Inquiries.TakeAsync, ApiRoute.Authenticated with
        {
            Permissions = [Permissions.ViewLivechatRoom],
            Body = RouteSchemas.TakeInquiry,
        });

        app.MapApi("GET", $"{Livechat}/users/{{type}}", endpoints.Users.ListAsync, ApiRoute.Authenticated with { Query = RouteSchemas.ListLivechatUsers });
        app.MapApi("POST", $"{Livechat}/users/{{type}}", endpoints.Users.AddAsync, ApiRoute.Authenticated with
        {
            Permissions = [Permissions.ViewLivechatManager],
            Body = RouteSchemas.AddLivechatUser,
        });
        var manageUser = ApiRoute.Authenticated with { Permissions = [Permissions.ViewLivechatManager] };
        app.MapApi("GET", $"{Livechat}/users/{{type}}/{{_id}}", endpoints.Users.GetAsync, manageUser);
        app.MapApi("DELETE", $"{Livechat}/users/{{type}}/{{_id}}", endpoints.Users.RemoveAsync, manageUser);
        app.MapApi("POST", $"{Livechat}/agent.status", endpoints.Users.SetAgentStatusAsync, ApiRoute.Authenticated with
        {
            Permissions = [Permissions.ViewLivechatRoom],
            Body = RouteSchemas.SetAgentStatus,
        });

        app.MapApi("POST", $"{Livechat}/room.saveInfo", endpoints.RoomInfo.SaveAsync, ApiRoute.Authenticated with
        {
            Permissions = [Permissions.ViewLivechatRoom],
            Body = RoomInfoSchemas.Save,
        });
        app.MapApi("POST", $"{Livechat}/offline.message", endpoints.OfflineMessages.SendAsync, ApiRoute.Public with { Body = OfflineMessageSchemas.Send });

        app.MapApi("GET", $"{Livechat}/config", endpoints.Widget.GetConfigAsync, ApiRoute.Public with { Query = WidgetSchemas.Config });
        app.MapApi("POST", $"{Livechat}/visitor.status", endpoints.Widget.SetVisitorStatusAsync, ApiRoute.Public);
        app.MapApi("POST", $"{Livechat}/page.visited", endpoints.Widget.SendNavigationAsync, ApiRoute.Public with { Body = WidgetSchemas.PageVisited });
        app.MapApi("POST", $"{Livechat}/custom.field", endpoints.Widget.SetCustomFieldAsync, ApiRoute.Public with { Body = WidgetSchemas.CustomField });
        app.MapApi("POST", $"{Livechat}/custom.fields", endpoints.Widget.SetCustomFieldsAsync, ApiRoute.Public with { Body = WidgetSchemas.CustomFields });
        app.MapApi("POST", $"{Livechat}/room.survey", endpoints.RoomFeedback.SendSurveyAsync, ApiRoute.Public with { Body = WidgetSchemas.RoomSurvey });
        app.MapApi("POST", $"{Livechat}/transcript", endpoints.RoomFeedback.SendTranscriptAsync, ApiRoute.Public with
        {
            Body = WidgetSchemas.Transcript,
            RateLimit = RateLimitPolicy.Visitor,
        });
        app.MapApi("POST", $"{Livechat}/visitor/department.transfer", endpoints.Rooms.TransferToDepartmentAsync, ApiRoute.Public with { Body = WidgetSchemas.DepartmentTransfer });

        WebhookRoutes.Map(app, endpoints.Webhooks);

        MapSurroundings(app, endpoints, Livechat);
    }

    /// <summary>Routes around the livechat flow: the account, the widget appearance and departments.</summary>
    private static void MapSurroundings(IEndpointRouteBuilder app, EmulatorEndpoints endpoints, string livechat)
    {
        app.MapApi("GET", "/api/v1/me", endpoints.Account.MeAsync, ApiRoute.Authenticated);
        app.MapApi("GET", "/api/v1/subscriptions.getOne", endpoints.Subscriptions.GetOneAsync, ApiRoute.Authenticated with { Query = RouteSchemas.GetSubscription });
        app.MapApi("POST", "/api/v1/logout", endpoints.Account.LogoutAsync, ApiRoute.Authenticated);
        app.MapApi("POST", "/api/v1/users.setStatus", endpoints.Account.SetStatusAsync, ApiRoute.Authenticated);

        var manager = ApiRoute.Authenticated with { Permissions = [Permissions.ViewLivechatManager] };
        app.MapApi("GET", $"{livechat}/appearance", endpoints.Appearance.GetAsync, manager);
        app.MapApi("POST", $"{livechat}/appearance", endpoints.Appearance.SetAsync, manager);

        var viewDepartments = ApiRoute.Authenticated with
        {
            Permissions = [Permissions.ViewLivechatDepartments, Permissions.ViewLivechatRoom],
            AnyPermission = true,
        };
        app.MapApi("GET", $"{livechat}/department", endpoints.Departments.ListAsync, viewDepartments with { Query = RouteSchemas.ListDepartments });
        app.MapApi("POST", $"{livechat}/department", endpoints.Departments.CreateAsync, ApiRoute.Authenticated with
        {
            Permissions = [Permissions.ManageLivechatDepartments],
        });
        app.MapApi("GET", $"{livechat}/department/{{_id}}", endpoints.Departments.GetAsync, viewDepartments with { Query = RouteSchemas.GetDepartment });
        app.MapApi("GET", $"{livechat}/department/{{_id}}/agents", endpoints.Departments.ListAgentsAsync, viewDepartments with { Query = RouteSchemas.ListDepartmentAgents });
    }

    private static void MapApi(this IEndpointRouteBuilder app, string method, string pattern, RequestDelegate handler, ApiRoute route) =>
        app.MapMethods(pattern, [method], handler).WithMetadata(route);
}
