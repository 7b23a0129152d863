using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Cli.Commands;
using RocketChat.Livechat.Cli.Output;

namespace RocketChat.Livechat.Cli.Demo;

/// <summary>What the demo did, for callers (and tests) that check more than the printed transcript.</summary>
public sealed record SupportFlowResult(string RoomId, string InquiryId, string AgentId, IReadOnlyList<Message> History);

/// <summary>
/// A whole support conversation through the generated client: an agent comes online, a visitor registers, opens a
/// room and writes, the agent takes the inquiry and answers, the history is read back and the room is closed.
/// The logged-in user plays the agent, so the same flow runs against the emulator and against a real server.
/// </summary>
public sealed class SupportFlow(LivechatClient client, Printer printer, string? agentUsername)
{
    public async Task<SupportFlowResult> RunAsync(CancellationToken cancellationToken)
    {
        GetServerInfoResponse info = await client.Server.GetServerInfoAsync(cancellationToken);
        printer.Line($"Rocket.Chat {info.Version} at {client.Connection.ServerUri}");
        printer.Line();

        // 1. The agent comes online.
        RocketChatCredentials staff = await client.Connection.Credentials.GetCredentialsAsync(cancellationToken)
            ?? throw new UsageException("the demo needs a logged-in user to act as the agent: pass --user-id/--auth-token or --username/--password.");
        LivechatUser agent = await EnsureAgentAsync(staff.UserId, cancellationToken);
        await client.Users.SetAgentStatusAsync(new SetAgentStatusRequest { Status = LivechatStatus.Available }, cancellationToken);
        Step($"agent {agent.Username} is online and available");

        // 2. A visitor registers and opens a room.
        string token = "demo-" + Guid.NewGuid().ToString("N");
        RegisterVisitorResponse visitor = await client.Visitors.RegisterVisitorAsync(
            new RegisterVisitorRequest { Visitor = new VisitorInput { Token = token, Name = "Ann Example", Email = "ann@example.com" } },
            cancellationToken);
        Step($"visitor {visitor.Visitor.Name} registered as {visitor.Visitor.Username}");
        GetOrCreateRoomResponse opened = await client.Rooms.GetOrCreateRoomAsync(visitor.Visitor.Token, cancellationToken: cancellationToken);
        string roomId = opened.Room.Id;
        Step($"room {roomId} opened ({(opened.IsNewRoom ? "new" : "existing")})");

        await client.Messages.SendMessageAsync(new SendMessageRequest { Token = token, RoomId = roomId, Text = "Hi! My order #1234 has not arrived yet." }, cancellationToken);
        Step("visitor wrote");

        // 3. The agent takes the inquiry (unless the routing already assigned the room) and answers.
        Inquiry inquiry = (await client.Inquiries.GetInquiryAsync(roomId, cancellationToken)).Inquiry
            ?? throw new InvalidOperationException("the server created no inquiry for the room");
        if (inquiry.Status == InquiryStatus.Queued)
        {
            await client.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = inquiry.Id }, cancellationToken);
            Step($"agent took inquiry {inquiry.Id}");
        }
        else
        {
            Step($"inquiry {inquiry.Id} was routed automatically ({inquiry.Status?.Value})");
        }

        await client.Messages.SendAgentMessageAsync(Reply(roomId, "Hello Ann, I'm sorry about that. Let me check."), cancellationToken);
        await client.Messages.SendAgentMessageAsync(Reply(roomId, "It left our warehouse today and arrives tomorrow."), cancellationToken);
        Step("agent answered");
        await client.Messages.SendMessageAsync(new SendMessageRequest { Token = token, RoomId = roomId, Text = "Great, thank you!" }, cancellationToken);

        // 4. The history is read back, then the agent closes the room.
        GetMessageHistoryResponse history = await client.Messages.GetMessageHistoryAsync(roomId, token, limit: 50, cancellationToken: cancellationToken);
        await client.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = roomId, Comment = "Resolved: delivery tomorrow." }, cancellationToken);
        Step($"room {roomId} closed");

        printer.Line();
        printer.Line($"Transcript of room {roomId}:");
        MessageCommands.PrintTranscript(printer, history.Messages);
        return new SupportFlowResult(roomId, inquiry.Id, agent.Id, history.Messages);
    }

    private async Task<LivechatUser> EnsureAgentAsync(string userId, CancellationToken cancellationToken)
    {
        if ((await client.Users.GetLivechatUserAsync(LivechatUserType.Agent, userId, cancellationToken)).User is { } existing)
        {
            return existing;
        }

        if (agentUsername is null)
        {
            throw new UsageException("the logged-in user is not a livechat agent; make it one (agents add <username>) or log in with --username.");
        }

        AddLivechatUserResponse added = await client.Users.AddLivechatUserAsync(LivechatUserType.Agent, new AddLivechatUserRequest { Username = agentUsername }, cancellationToken);
        return (await client.Users.GetLivechatUserAsync(LivechatUserType.Agent, added.User.Id, cancellationToken)).User
            ?? throw new InvalidOperationException($"{agentUsername} was added as an agent but the server does not list it");
    }

    private static SendAgentMessageRequest Reply(string roomId, string text) =>
        new() { Message = new OutgoingMessage { RoomId = roomId, Text = text } };

    private void Step(string text) => printer.Line("  * " + text);
}
