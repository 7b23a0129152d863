using System.Text.Json;
using RocketChat.Contracts.Runtime;
using RocketChat.Contracts.Testing;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>
/// The emulator answers in the contract's shapes: every body below is read by the generated client's converters,
/// and no member of it lands in an <c>AdditionalProperties</c> bag. A field the emulator writes but the contract
/// lacks (or names differently) fails here, naming its path, before it drifts silently.
/// </summary>
public sealed class ContractDriftTests
{
    [Fact]
    public async Task Account_department_and_user_bodies_hold_only_members_the_contract_declares()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient manager = await server.ClientAsync("manager");
        LivechatClient agent = await server.ClientAsync("agent.one");
        Department sales = await server.CreateDepartmentAsync("Sales", "agent.one");

        var bodies = new List<(string Route, object Body)>
        {
            ("login", await server.Anonymous.Authentication.LoginAsync(new LoginRequest { User = "agent.one", Password = EmulatorHarness.StaffPassword })),
            ("me", await agent.Authentication.GetMeAsync()),
            ("department", await manager.Departments.ListDepartmentsAsync()),
            ("department/:_id", await manager.Departments.GetDepartmentAsync(sales.Id)),
            ("department/:_id/agents", await manager.Departments.ListDepartmentAgentsAsync(sales.Id)),
            ("users/agent", await manager.Users.ListLivechatUsersAsync(LivechatUserType.Agent)),
            ("users/agent/:_id", await manager.Users.GetLivechatUserAsync(LivechatUserType.Agent, await server.UserIdAsync("agent.one"))),
            ("users/manager (add)", await manager.Users.AddLivechatUserAsync(LivechatUserType.Manager, new AddLivechatUserRequest { Username = "agent.two" })),
        };

        UndeclaredMembers.AssertNone(bodies);
    }

    [Fact]
    public async Task Visitor_room_message_and_inquiry_bodies_hold_only_members_the_contract_declares()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");
        Visitor visitor = await server.RegisterVisitorAsync(name: "Ada", phone: "+1 555 0100", email: "ada@example.com");
        LivechatRoom room = (await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token)).Room;
        SendMessageResponse sent = await server.Anonymous.Messages.SendMessageAsync(new SendMessageRequest { Token = visitor.Token, RoomId = room.Id, Text = "hello\n\nthere" });
        Inquiry inquiry = await server.InquiryOfAsync(room.Id);
        var bodies = new List<(string Route, object Body)>
        {
            ("visitor/:token", await server.Anonymous.Visitors.GetVisitorAsync(visitor.Token)),
            ("room", await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token)),
            ("message", sent),
            ("inquiries.getOne", await admin.Inquiries.GetInquiryAsync(room.Id)),
            ("inquiries.list", await admin.Inquiries.ListInquiriesAsync()),
        };

        LivechatClient agent = await server.ClientAsync("agent.one");
        await agent.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = inquiry.Id });
        bodies.Add(("agent.info", await server.Anonymous.Visitors.GetAgentInfoAsync(room.Id, visitor.Token)));
        bodies.Add(("rooms", await admin.Rooms.ListRoomsAsync()));
        bodies.Add(("messages.history", await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token)));
        bodies.Add(("config", await server.Anonymous.Visitors.GetLivechatConfigAsync(visitor.Token)));

        UndeclaredMembers.AssertNone(bodies);
    }

    [Fact]
    public async Task System_messages_files_and_closed_rooms_hold_only_members_the_contract_declares()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient admin = await server.ClientAsync("admin");
        await admin.Integrations.SaveSettingAsync("Livechat_Visitor_navigation_as_a_message", new SaveSettingRequest { Value = JsonElement.Parse("true") });
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync(name: "Maria");
        LivechatClient agent = await server.ClientAsync("agent.one");
        await agent.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(room.Id)).Id });
        await agent.Rooms.ForwardRoomAsync(new ForwardRoomRequest { RoomId = room.Id, UserId = await server.UserIdAsync("agent.two"), Comment = "Billing" });
        await server.Anonymous.Visitors.SendVisitorNavigationAsync(new VisitorNavigationRequest
        {
            Token = visitor.Token,
            RoomId = room.Id,
            PageInfo = new VisitorPageInfo { Title = "Pricing", Change = "url", Location = new VisitorPageLocation { Href = "https://example.com/pricing" } },
        });
        await server.Anonymous.Rooms.SendTranscriptAsync(new SendTranscriptRequest { Token = visitor.Token, RoomId = room.Id, Email = "maria@example.com" });
        var bodies = new List<(string Route, object Body)>
        {
            ("livechat/upload (image)", await server.Anonymous.Messages.UploadFileAsync(
                room.Id, visitor.Token, new FilePart(new MemoryStream("0123456789"u8.ToArray()), "charge.png", "image/png"), description: "The charge", text: "See this")),
            ("livechat/upload (pdf)", await server.Anonymous.Messages.UploadFileAsync(
                room.Id, visitor.Token, new FilePart(new MemoryStream("%PDF"u8.ToArray()), "Invoice.pdf", "application/pdf"))),
        };
        bodies.Add(("messages.history (transfer, navigation, transcript, files)", await server.Anonymous.Messages.GetMessageHistoryAsync(room.Id, visitor.Token)));
        await server.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = room.Id, Token = visitor.Token });
        await server.Anonymous.Rooms.SendRoomSurveyAsync(new RoomSurveyRequest
        {
            Token = visitor.Token,
            RoomId = room.Id,
            Answers = [new RoomSurveyAnswer { Name = "satisfaction", Value = "5" }],
        });
        bodies.Add(("rooms (closed, surveyed)", await admin.Rooms.ListRoomsAsync()));

        Assert.Contains(
            ((GetMessageHistoryResponse)bodies[2].Body).Messages,
            message => message.TransferData is not null || message.Navigation is not null || message.RequestData is not null);
        UndeclaredMembers.AssertNone(bodies);
    }
}
