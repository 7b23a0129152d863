using RocketChat.Livechat.Emulator.Endpoints;
using RocketChat.Livechat.Emulator.Realtime;
using RocketChat.Livechat.Emulator.Services;
using RocketChat.Livechat.Emulator.State;

namespace RocketChat.Livechat.Emulator.Hosting;

/// <summary>The composition root: one state, the services over it, and the endpoint handlers over those.</summary>
internal sealed class EmulatorEndpoints
{
    public EmulatorEndpoints(EmulatorState state)
    {
        var router = new AgentRouter(state);
        Accounts = new AccountService(state);
        Authentication = new AuthenticationEndpoints(Accounts);
        ServerInfo = new ServerInfoEndpoint();
        Visitors = new VisitorEndpoints(new VisitorService(state));
        Rooms = new RoomEndpoints(new RoomService(state, router));
        Widget = new WidgetEndpoints(new WidgetConfigService(state, router), new VisitorStatusService(state), new NavigationService(state), new CustomFieldService(state));
        RoomFeedback = new RoomFeedbackEndpoints(new RoomFeedbackService(state));
        Messages = new MessageEndpoints(new MessageService(state));
        Inquiries = new InquiryEndpoints(new InquiryService(state, router));
        Users = new LivechatUserEndpoints(new LivechatUserService(state));
        Realtime = new RealtimeServer(state, Accounts);
        VisitorMessages = new VisitorMessageEndpoints(new VisitorMessageService(state));
        AgentInfo = new AgentInfoEndpoints(new AgentInfoService(state, router));
        Webhooks = new WebhookEndpoints(state);
        OfflineMessages = new OfflineMessageEndpoints(new OfflineMessageService(state));
        RoomInfo = new RoomInfoEndpoints(new RoomInfoService(state));
        WebhookSender = state.Webhooks.Sender;
        Account = new AccountEndpoints(Accounts);
        Appearance = new AppearanceEndpoints(new AppearanceService(state));
        Departments = new DepartmentEndpoints(new DepartmentService(state));
        Subscriptions = new SubscriptionEndpoints(state);
    }

    public SubscriptionEndpoints Subscriptions { get; }

    public WidgetEndpoints Widget { get; }

    public RoomFeedbackEndpoints RoomFeedback { get; }

    public AccountEndpoints Account { get; }

    public AppearanceEndpoints Appearance { get; }

    public DepartmentEndpoints Departments { get; }

    public RealtimeServer Realtime { get; }

    public VisitorMessageEndpoints VisitorMessages { get; }

    public AgentInfoEndpoints AgentInfo { get; }

    public AccountService Accounts { get; }

    public AuthenticationEndpoints Authentication { get; }

    public ServerInfoEndpoint ServerInfo { get; }

    public VisitorEndpoints Visitors { get; }

    public RoomEndpoints Rooms { get; }

    public MessageEndpoints Messages { get; }

    public InquiryEndpoints Inquiries { get; }

    public LivechatUserEndpoints Users { get; }

    public WebhookEndpoints Webhooks { get; }

    public OfflineMessageEndpoints OfflineMessages { get; }

    public RoomInfoEndpoints RoomInfo { get; }

    public Webhooks.WebhookSender WebhookSender { get; }
}
