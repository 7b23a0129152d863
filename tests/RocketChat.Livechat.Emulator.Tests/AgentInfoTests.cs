using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>GET livechat/agent.info/:rid/:token and GET livechat/agent.next/:token.</summary>
public sealed class AgentInfoTests
{
    [Fact]
    public async Task Agent_info_names_the_serving_agent_once_one_took_the_chat()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        var unassigned = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Visitors.GetAgentInfoAsync(room.Id, visitor.Token));

        LivechatClient agent = await server.ClientAsync("agent.one");
        await agent.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = (await server.InquiryOfAsync(room.Id)).Id });
        GetAgentInfoResponse info = await server.Anonymous.Visitors.GetAgentInfoAsync(room.Id, visitor.Token);

        Assert.Equal("invalid-agent", unassigned.ErrorCode);
        Assert.Equal("agent.one", info.Agent.Username);
        Assert.Equal("Agent One", info.Agent.Name);
        Assert.Equal(UserStatus.Online, info.Agent.Status);
    }

    [Fact]
    public async Task Agent_info_checks_the_token_and_the_room()
    {
        await using var server = await EmulatorHarness.StartAsync();
        (Visitor visitor, LivechatRoom room) = await server.StartChatAsync();
        (Visitor other, _) = await server.StartChatAsync();

        var badToken = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Visitors.GetAgentInfoAsync(room.Id, "no-such-token"));
        var notTheirs = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Visitors.GetAgentInfoAsync(room.Id, other.Token));

        Assert.Equal("invalid-token", badToken.ErrorCode);
        Assert.Equal("invalid-room", notTheirs.ErrorCode);
        Assert.NotEqual(visitor.Token, other.Token);
    }

    [Fact]
    public async Task Agent_next_is_empty_with_an_open_room_and_names_the_next_agent_under_auto_selection()
    {
        await using var server = await EmulatorHarness.StartAsync(options => options.RoutingMethod = RoutingMethod.AutoSelection);
        (Visitor withRoom, _) = await server.StartChatAsync();
        Visitor withoutRoom = await server.RegisterVisitorAsync();

        GetNextAgentResponse none = await server.Anonymous.Visitors.GetNextAgentAsync(withRoom.Token);
        GetNextAgentResponse next = await server.Anonymous.Visitors.GetNextAgentAsync(withoutRoom.Token);

        Assert.Null(none.Agent);
        Assert.True(none.Success);
        Assert.NotNull(next.Agent?.Username);
    }

    [Fact]
    public async Task Agent_next_under_manual_selection_is_agent_not_found()
    {
        await using var server = await EmulatorHarness.StartAsync();
        Visitor visitor = await server.RegisterVisitorAsync();

        var error = await Assert.ThrowsAsync<RocketChatApiException>(() => server.Anonymous.Visitors.GetNextAgentAsync(visitor.Token));

        Assert.Equal("agent-not-found", error.ErrorCode);
    }
}
