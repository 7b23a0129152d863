using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>How a new room finds its agent: Manual_Selection queues, Auto_Selection assigns at once (reference §2.3).</summary>
public sealed class RoutingTests
{
    [Fact]
    public async Task Manual_selection_queues_the_inquiry_and_leaves_the_room_unserved()
    {
        var clock = new ManualTimeProvider();
        await using var server = await EmulatorHarness.StartAsync(options =>
        {
            options.RoutingMethod = RoutingMethod.ManualSelection;
            options.TimeProvider = clock;
        });
        DateTimeOffset queuedAt = clock.GetUtcNow();

        (_, LivechatRoom room) = await server.StartChatAsync();
        clock.Advance(TimeSpan.FromSeconds(4));
        Inquiry inquiry = await server.InquiryOfAsync(room.Id);

        Assert.Null(room.ServedBy);
        Assert.Equal(1, room.UsersCount);
        Assert.Equal(InquiryStatus.Queued, inquiry.Status);
        Assert.Equal(queuedAt, inquiry.QueuedAt);
    }

    [Fact]
    public async Task Auto_selection_assigns_the_available_agent_with_the_fewest_open_chats()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        string agentOne = await server.UserIdAsync("agent.one");
        string agentTwo = await server.UserIdAsync("agent.two");

        (Visitor firstVisitor, LivechatRoom first) = await server.StartChatAsync();
        (_, LivechatRoom second) = await server.StartChatAsync();
        await server.Anonymous.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = first.Id, Token = firstVisitor.Token });
        (_, LivechatRoom third) = await server.StartChatAsync();
        (_, LivechatRoom fourth) = await server.StartChatAsync();
        (_, LivechatRoom fifth) = await server.StartChatAsync();

        // Ties go by username; a closed chat no longer counts.
        Assert.Equal(agentOne, first.ServedBy?.Id);
        Assert.Equal(agentTwo, second.ServedBy?.Id);
        Assert.Equal(agentOne, third.ServedBy?.Id);
        Assert.Equal(agentOne, fourth.ServedBy?.Id);
        Assert.Equal(agentTwo, fifth.ServedBy?.Id);
        Assert.Equal(InquiryStatus.Taken, (await server.InquiryOfAsync(second.Id)).Status);
        Assert.Equal(2, second.UsersCount);
    }

    [Fact]
    public async Task Auto_selection_skips_agents_that_are_not_available()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        await (await server.ClientAsync("agent.one")).Users.SetAgentStatusAsync(new SetAgentStatusRequest { Status = LivechatStatus.NotAvailable });

        (_, LivechatRoom room) = await server.StartChatAsync();

        Assert.Equal("agent.two", room.ServedBy?.Username);
    }

    [Fact]
    public async Task Auto_selection_prefers_the_requested_agent()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        string agentTwo = await server.UserIdAsync("agent.two");
        Visitor visitor = await server.RegisterVisitorAsync();

        GetOrCreateRoomResponse created = await server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token, agentId: agentTwo);

        Assert.Equal(agentTwo, created.Room.ServedBy?.Id);
    }

    [Fact]
    public async Task A_manager_without_the_agent_role_is_never_routed_a_chat()
    {
        await using var server = await EmulatorHarness.StartAsync(options =>
        {
            options.Users.Clear();
            options.Users.Add(new EmulatorUser("manager", EmulatorHarness.StaffPassword, "Manager", "livechat-manager"));
            options.RoutingMethod = RoutingMethod.AutoSelection;
        });
        Visitor visitor = await server.RegisterVisitorAsync();

        var error = await Assert.ThrowsAsync<RocketChat.Contracts.Runtime.RocketChatApiException>(() => server.Anonymous.Rooms.GetOrCreateRoomAsync(visitor.Token));

        Assert.Equal("no-agent-online", error.ErrorCode);
    }
}
