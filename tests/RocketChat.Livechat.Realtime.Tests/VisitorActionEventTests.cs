using RocketChat.Livechat.Realtime.Tests.Infrastructure;

namespace RocketChat.Livechat.Realtime.Tests;

/// <summary>What the visitor's other REST actions push on the streams, as the server pushes it.</summary>
public sealed class VisitorActionEventTests
{
    [Fact]
    public async Task A_visitor_status_change_reaches_the_queue_as_an_update_of_the_inquiry()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        LivechatRealtimeClient agent = await harness.ConnectAsync();
        await agent.LoginWithPasswordAsync("agent.one", RealtimeHarness.StaffPassword);
        await using InquiryQueueSubscription queue = await agent.SubscribeInquiryQueueAsync(InquiryQueueKey.Public);
        await using var events = new EventReader<InquiryQueueEvent>(queue);

        await harness.Anonymous.Visitors.SetVisitorStatusAsync(new SetVisitorStatusRequest { Token = chat.Token, Status = VisitorStatus.Away });

        InquiryQueueEvent changed = await events.NextAsync();
        Assert.Equal(InquiryQueueChange.Changed, changed.Change);
        Assert.Equal(chat.RoomId, changed.Inquiry.RoomId);
        Assert.Equal(VisitorStatus.Away, changed.Inquiry.Visitor?.Status);
    }

    [Fact]
    public async Task A_transcript_request_reaches_the_room_as_a_transcript_history_message()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        VisitorChat chat = await harness.StartChatAsync();
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);

        await harness.Anonymous.Rooms.SendTranscriptAsync(new SendTranscriptRequest { Token = chat.Token, RoomId = chat.RoomId, Email = "visitor@example.com" });

        RoomMessageEvent history = await events.NextAsync<RoomMessageEvent>();
        Assert.Equal(RoomMessageKind.OtherSystemMessage, history.Kind);
        Assert.Equal("livechat_transcript_history", history.Message.Type);
        Assert.Equal("rocket.cat", history.Message.User?.Username);
    }

    [Fact]
    public async Task A_department_transfer_takes_the_agent_away_then_records_the_transfer()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        LivechatClient manager = await harness.StaffAsync("manager");
        string agentTwo = (await manager.Users.ListLivechatUsersAsync(LivechatUserType.Agent)).Users.Single(user => user.Username == "agent.two").Id;
        Department support = (await manager.Departments.CreateDepartmentAsync(new CreateDepartmentRequest
        {
            Department = new DepartmentInput { Name = "Support", IsEnabled = true, Email = "support@example.com", ShowOnRegistration = true, ShowOnOfflineForm = true },
            Agents = [new DepartmentAgentInput { AgentId = agentTwo, Username = "agent.two" }],
        })).Department;
        VisitorChat chat = await harness.StartChatAsync();
        await harness.TakeAsync(chat.RoomId, "agent.one");
        LivechatRealtimeClient visitor = await harness.ConnectAsync();
        await using LivechatRoomSubscription room = await visitor.SubscribeVisitorRoomAsync(chat.RoomId, chat.Token);
        await using var events = new EventReader<LivechatRoomEvent>(room);

        await harness.Anonymous.Rooms.TransferRoomToDepartmentAsync(new TransferRoomToDepartmentRequest { Token = chat.Token, RoomId = chat.RoomId, DepartmentId = support.Id });

        AgentChangedEvent unassigned = await events.NextAsync<AgentChangedEvent>();
        Assert.Null(unassigned.Agent);
        RoomMessageEvent transfer = await events.NextAsync<RoomMessageEvent>();
        Assert.Equal("livechat_transfer_history", transfer.Message.Type);
    }
}
