using RocketChat.Livechat.Emulator;

namespace RocketChat.Livechat.Webhooks.Tests.Infrastructure;

/// <summary>An emulator with two agents, and the generated client calls the webhook tests drive it with.</summary>
public sealed class EmulatorSetup : IAsyncDisposable
{
    public const string Password = "staff-password";

    private EmulatorSetup(LivechatEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = emulator.BaseAddress };
    }

    public LivechatEmulator Emulator { get; }

    public HttpClient Http { get; }

    public LivechatClient Anonymous => LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = Emulator.BaseAddress }, Http);

    public static async Task<EmulatorSetup> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { RateLimiterEnabled = false, AdminPassword = Password };
        options.Users.Add(new EmulatorUser("agent.one", Password, "Agent One", "user", "livechat-agent"));
        options.Users.Add(new EmulatorUser("agent.two", Password, "Agent Two", "user", "livechat-agent"));
        options.Users.Add(new EmulatorUser("manager", Password, "Manager", "user", "livechat-manager"));
        configure?.Invoke(options);
        return new EmulatorSetup(await LivechatEmulator.StartAsync(options));
    }

    public async Task<LivechatClient> ClientAsync(string username)
    {
        (string userId, string authToken) = await Emulator.LoginAsync(username, Password);
        return LivechatClient.Create(new RocketChatLivechatOptions { ServerUrl = Emulator.BaseAddress, UserId = userId, AuthToken = authToken }, Http);
    }

    /// <summary>Points the webhook at <paramref name="url"/> with every switch of omnichannel/integrations on.</summary>
    public async Task ConfigureWebhookAsync(Uri url, string secret, int timeoutMilliseconds = 2000)
    {
        LivechatClient admin = await ClientAsync("admin");
        await admin.Integrations.SaveWebhookIntegrationAsync(new WebhookIntegrationRequest
        {
            LivechatWebhookUrl = url.ToString(),
            LivechatSecretToken = secret,
            LivechatHttpTimeout = timeoutMilliseconds,
            LivechatWebhookOnStart = true,
            LivechatWebhookOnChatQueued = true,
            LivechatWebhookOnChatTaken = true,
            LivechatWebhookOnForward = true,
            LivechatWebhookOnClose = true,
            LivechatWebhookOnVisitorMessage = true,
            LivechatWebhookOnAgentMessage = true,
        });
    }

    /// <summary>Registers a visitor and opens its room.</summary>
    public async Task<(string Token, string RoomId)> StartChatAsync(string name, string? email = null)
    {
        string token = "visitor-" + Guid.NewGuid().ToString("N");
        await Anonymous.Visitors.RegisterVisitorAsync(new RegisterVisitorRequest { Visitor = new VisitorInput { Token = token, Name = name, Email = email } });
        LivechatRoom room = (await Anonymous.Rooms.GetOrCreateRoomAsync(token)).Room;
        return (token, room.Id);
    }

    public Task VisitorSaysAsync(string token, string roomId, string text) =>
        Anonymous.Messages.SendMessageAsync(new SendMessageRequest { Token = token, RoomId = roomId, Text = text });

    public async Task TakeAsync(string agent, string roomId)
    {
        LivechatClient admin = await ClientAsync("admin");
        Inquiry inquiry = (await admin.Inquiries.GetInquiryAsync(roomId)).Inquiry!;
        await (await ClientAsync(agent)).Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = inquiry.Id });
    }

    public async Task AgentSaysAsync(string agent, string roomId, string text) =>
        await (await ClientAsync(agent)).Messages.SendAgentMessageAsync(new SendAgentMessageRequest { Message = new OutgoingMessage { RoomId = roomId, Text = text } });

    public async Task CloseAsync(string agent, string roomId) =>
        await (await ClientAsync(agent)).Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = roomId, Comment = "Solved" });

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
