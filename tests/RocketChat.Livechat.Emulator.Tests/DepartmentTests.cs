using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>Departments through the generated client: the routes, and routing and filtering by department as the server does.</summary>
public sealed class DepartmentTests
{
    private static async Task<Department> CreateAsync(EmulatorHarness server, string name, bool enabled = true, params string[] agents)
    {
        var members = new List<DepartmentAgentInput>();
        foreach (string agent in agents)
        {
            members.Add(new DepartmentAgentInput { AgentId = await server.UserIdAsync(agent), Username = agent });
        }

        CreateDepartmentResponse created = await (await server.ClientAsync("manager")).Departments.CreateDepartmentAsync(new CreateDepartmentRequest
        {
            Department = new DepartmentInput
            {
                Name = name,
                IsEnabled = enabled,
                Email = $"{name.ToLowerInvariant()}@example.com",
                ShowOnRegistration = true,
                ShowOnOfflineForm = true,
            },
            Agents = members,
        });
        return created.Department;
    }

    private static async Task<Visitor> RegisterAsync(EmulatorHarness server, string department) =>
        (await server.Anonymous.Visitors.RegisterVisitorAsync(new RegisterVisitorRequest
        {
            Visitor = new VisitorInput { Token = EmulatorHarness.NewToken(), Department = department },
        })).Visitor;

    [Fact]
    public async Task Departments_are_created_listed_read_and_their_agents_listed()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient agent = await server.ClientAsync("agent.one");
        Department sales = await CreateAsync(server, "Sales", enabled: true, "agent.one", "agent.two");
        Department support = await CreateAsync(server, "Support", enabled: false, "agent.two");

        ListDepartmentsResponse all = await agent.Departments.ListDepartmentsAsync();
        ListDepartmentsResponse byText = await agent.Departments.ListDepartmentsAsync(text: "SUPP");
        ListDepartmentsResponse enabled = await agent.Departments.ListDepartmentsAsync(enabled: true);
        ListDepartmentsResponse paged = await agent.Departments.ListDepartmentsAsync(offset: 1, count: 1);
        ListDepartmentsResponse mine = await agent.Departments.ListDepartmentsAsync(onlyMyDepartments: true);
        GetDepartmentResponse withAgents = await (await server.ClientAsync("manager")).Departments.GetDepartmentAsync(sales.Id);
        GetDepartmentResponse withoutAgents = await (await server.ClientAsync("manager")).Departments.GetDepartmentAsync(sales.Id, includeAgents: false);
        GetDepartmentResponse unknown = await agent.Departments.GetDepartmentAsync("no-such-department");
        ListDepartmentAgentsResponse agents = await agent.Departments.ListDepartmentAgentsAsync(sales.Id);

        Assert.Equal(["Sales", "Support"], all.Departments.Select(department => department.Name));
        Assert.Equal(2, all.Total);
        Assert.Equal(support.Id, Assert.Single(byText.Departments).Id);
        Assert.Equal(sales.Id, Assert.Single(enabled.Departments).Id);
        Assert.Equal(support.Id, Assert.Single(paged.Departments).Id);
        Assert.Equal(2, paged.Total);
        Assert.Equal(sales.Id, Assert.Single(mine.Departments).Id);
        Assert.Equal(2, withAgents.Department?.AgentCount);
        Assert.Equal(["agent.one", "agent.two"], withAgents.Agents!.Select(member => member.Username));
        Assert.Null(withoutAgents.Agents);
        Assert.Null(unknown.Department);
        Assert.Equal(2, agents.Total);
        Assert.All(agents.Agents, member => Assert.Equal(sales.Id, member.DepartmentId));
        Assert.All(agents.Agents, member => Assert.True(member.IsDepartmentEnabled));
    }

    [Fact]
    public async Task Creating_needs_the_permission_and_agents_that_are_agents()
    {
        await using var server = await EmulatorHarness.StartAsync();
        var input = new DepartmentInput { Name = "X", IsEnabled = true, Email = "x@example.com", ShowOnRegistration = true, ShowOnOfflineForm = true };

        var forbidden = await Assert.ThrowsAsync<RocketChatForbiddenException>(async () =>
            await (await server.ClientAsync("agent.one")).Departments.CreateDepartmentAsync(new CreateDepartmentRequest { Department = input }));
        var notAgent = await Assert.ThrowsAsync<RocketChatApiException>(async () =>
            await (await server.ClientAsync("manager")).Departments.CreateDepartmentAsync(new CreateDepartmentRequest
            {
                Department = input,
                Agents = [new DepartmentAgentInput { AgentId = await server.UserIdAsync("plain.user") }],
            }));
        ApiResponse missingName = await server.PostAsync("/api/v1/livechat/department", """{ "department": { "enabled": true, "email": "a@b.c", "showOnRegistration": true, "showOnOfflineForm": true } }""", asUser: "manager");
        var invisible = await Assert.ThrowsAsync<RocketChatForbiddenException>(async () => await (await server.ClientAsync("plain.user")).Departments.ListDepartmentsAsync());

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("error-user-is-not-agent", notAgent.ErrorType);
        Assert.Equal("Match error: Missing key 'name'", missingName.Text("error"));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, invisible.StatusCode);
    }

    [Fact]
    public async Task A_visitor_registers_with_a_department_id_or_name_and_an_unknown_one_is_refused()
    {
        await using var server = await EmulatorHarness.StartAsync();
        Department sales = await CreateAsync(server, "Sales", enabled: true, "agent.one");

        Visitor byName = await RegisterAsync(server, "Sales");
        Visitor byId = await RegisterAsync(server, sales.Id);
        var unknown = await Assert.ThrowsAsync<RocketChatApiException>(() => RegisterAsync(server, "Marketing"));

        Assert.Equal(sales.Id, byName.Department);
        Assert.Equal(sales.Id, byId.Department);
        Assert.Equal("error-invalid-department", unknown.ErrorType);
    }

    [Fact]
    public async Task Auto_selection_routes_a_department_visitor_only_to_the_departments_agents()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        Department sales = await CreateAsync(server, "Sales", enabled: true, "agent.two");
        string agentTwo = await server.UserIdAsync("agent.two");

        var rooms = new List<LivechatRoom>();
        for (int i = 0; i < 3; i++)
        {
            Visitor visitor = await RegisterAsync(server, "Sales");
            rooms.Add((await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token)).Room);
        }

        (_, LivechatRoom withoutDepartment) = await server.StartChatAsync();

        Assert.All(rooms, room => Assert.Equal(agentTwo, room.ServedBy?.Id));
        Assert.All(rooms, room => Assert.Equal(sales.Id, room.DepartmentId));
        Assert.Equal(await server.UserIdAsync("agent.one"), withoutDepartment.ServedBy?.Id);
    }

    [Fact]
    public async Task A_department_without_an_available_agent_refuses_the_chat_even_when_others_are_online()
    {
        await using var server = await EmulatorHarness.StartAsync();
        await CreateAsync(server, "Sales", enabled: true, "agent.two");
        await CreateAsync(server, "Closed", enabled: false, "agent.one");
        await (await server.ClientAsync("admin")).Users.SetAgentStatusAsync(new SetAgentStatusRequest
        {
            Status = LivechatStatus.NotAvailable,
            AgentId = await server.UserIdAsync("agent.two"),
        });

        Visitor sales = await RegisterAsync(server, "Sales");
        Visitor closed = await RegisterAsync(server, "Closed");
        var salesRefused = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Rooms.GetOrCreateRoomAsync(sales.Token));
        var closedRefused = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Rooms.GetOrCreateRoomAsync(closed.Token));

        Assert.Equal("no-agent-online", salesRefused.ErrorType);
        Assert.Equal("no-agent-online", closedRefused.ErrorType);
    }

    [Fact]
    public async Task Rooms_and_inquiries_filter_by_department_and_agents_see_their_departments_queue()
    {
        await using var server = await EmulatorHarness.StartAsync();
        Department sales = await CreateAsync(server, "Sales", enabled: true, "agent.one");
        Department support = await CreateAsync(server, "Support", enabled: true, "agent.two");
        LivechatClient manager = await server.ClientAsync("manager");
        LivechatClient agentOne = await server.ClientAsync("agent.one");
        LivechatClient agentTwo = await server.ClientAsync("agent.two");

        LivechatRoom salesRoom = (await server.Anonymous.Rooms.GetOrCreateRoomAsync((await RegisterAsync(server, "Sales")).Token)).Room;
        LivechatRoom supportRoom = (await server.Anonymous.Rooms.GetOrCreateRoomAsync((await RegisterAsync(server, "Support")).Token)).Room;
        (_, LivechatRoom publicRoom) = await server.StartChatAsync();

        ListRoomsResponse salesRooms = await manager.Rooms.ListRoomsAsync(departmentId: sales.Id);
        ListInquiriesResponse byId = await manager.Inquiries.ListInquiriesAsync(department: support.Id);
        ListInquiriesResponse byName = await manager.Inquiries.ListInquiriesAsync(department: "Support");
        ListInquiriesResponse unknownIgnored = await manager.Inquiries.ListInquiriesAsync(department: "Marketing");
        ListQueuedInquiriesForUserResponse agentOneQueue = await agentOne.Inquiries.ListQueuedInquiriesForUserAsync();
        ListQueuedInquiriesForUserResponse agentTwoQueue = await agentTwo.Inquiries.ListQueuedInquiriesForUserAsync();
        ListQueuedInquiriesForUserResponse agentOneSales = await agentOne.Inquiries.ListQueuedInquiriesForUserAsync(department: sales.Id);
        var notTheirs = await Assert.ThrowsAsync<RocketChatApiException>(() => agentOne.Inquiries.ListQueuedInquiriesForUserAsync(department: support.Id));
        ListLivechatUsersResponse agents = await manager.Users.ListLivechatUsersAsync(LivechatUserType.Agent);

        Assert.Equal(salesRoom.Id, Assert.Single(salesRooms.Rooms).Id);
        Assert.Equal(supportRoom.Id, Assert.Single(byId.Inquiries).RoomId);
        Assert.Equal(supportRoom.Id, Assert.Single(byName.Inquiries).RoomId);
        Assert.Equal(3, unknownIgnored.Total);
        Assert.Equal([salesRoom.Id, publicRoom.Id], agentOneQueue.Inquiries.Select(inquiry => inquiry.RoomId));
        Assert.Equal([supportRoom.Id, publicRoom.Id], agentTwoQueue.Inquiries.Select(inquiry => inquiry.RoomId));
        Assert.Equal(salesRoom.Id, Assert.Single(agentOneSales.Inquiries).RoomId);
        Assert.Equal("error-not-authorized", notTheirs.Error);
        Assert.Equal([sales.Id], agents.Users.Single(user => user.Username == "agent.one").Departments);
    }

    [Fact]
    public async Task Forwarding_to_a_department_requeues_the_chat_for_its_agents_under_manual_selection()
    {
        await using var server = await EmulatorHarness.StartAsync();
        Department support = await CreateAsync(server, "Support", enabled: true, "agent.two");
        LivechatClient agentOne = await server.ClientAsync("agent.one");
        (_, LivechatRoom room) = await server.StartChatAsync();
        await agentOne.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(room.Id)).Id });

        await agentOne.Rooms.ForwardRoomAsync(new ForwardRoomRequest { RoomId = room.Id, DepartmentId = support.Id, Comment = "Needs support" });
        LivechatRoom forwarded = (await (await server.ClientAsync("manager")).Rooms.ListRoomsAsync()).Rooms.Single();
        Inquiry inquiry = await server.InquiryOfAsync(room.Id);
        ListQueuedInquiriesForUserResponse agentOneQueue = await agentOne.Inquiries.ListQueuedInquiriesForUserAsync();
        ListQueuedInquiriesForUserResponse agentTwoQueue = await (await server.ClientAsync("agent.two")).Inquiries.ListQueuedInquiriesForUserAsync();

        Assert.Null(forwarded.ServedBy);
        Assert.Equal(support.Id, forwarded.DepartmentId);
        Assert.Equal(InquiryStatus.Queued, inquiry.Status);
        Assert.Equal(support.Id, inquiry.Department);
        Assert.Empty(agentOneQueue.Inquiries);
        Assert.Equal(room.Id, Assert.Single(agentTwoQueue.Inquiries).RoomId);
    }

    [Fact]
    public async Task Forwarding_to_a_department_assigns_its_next_agent_under_auto_selection_and_refuses_when_none_is_available()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        Department support = await CreateAsync(server, "Support", enabled: true, "agent.two");
        Department empty = await CreateAsync(server, "Empty", enabled: true);
        LivechatClient manager = await server.ClientAsync("manager");
        (_, LivechatRoom room) = await server.StartChatAsync();

        await manager.Rooms.ForwardRoomAsync(new ForwardRoomRequest { RoomId = room.Id, DepartmentId = support.Id });
        LivechatRoom forwarded = (await manager.Rooms.ListRoomsAsync()).Rooms.Single();
        var refused = await Assert.ThrowsAsync<RocketChatApiException>(() =>
            manager.Rooms.ForwardRoomAsync(new ForwardRoomRequest { RoomId = room.Id, DepartmentId = empty.Id }));

        Assert.Equal(await server.UserIdAsync("agent.one"), room.ServedBy?.Id);
        Assert.Equal(await server.UserIdAsync("agent.two"), forwarded.ServedBy?.Id);
        Assert.Equal(support.Id, forwarded.DepartmentId);
        Assert.Equal("error-no-agents-online-in-department", refused.Error);
    }
}
