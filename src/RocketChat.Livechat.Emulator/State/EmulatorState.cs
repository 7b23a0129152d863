using RocketChat.Livechat.Emulator.Domain;
using RocketChat.Livechat.Emulator.Events;
using RocketChat.Livechat.Emulator.Services;
using RocketChat.Livechat.Emulator.Settings;
using RocketChat.Livechat.Emulator.Webhooks;

namespace RocketChat.Livechat.Emulator.State;

/// <summary>
/// Everything the emulated server stores, guarded by one lock. Services hold <see cref="Gate"/> for a whole
/// check-then-change operation, which makes each REST call atomic (an inquiry is taken once, a token maps to one
/// visitor). Records are immutable, so snapshots returned from inside the lock can be serialized outside it.
/// </summary>
internal sealed class EmulatorState
{
    private int _guestCounter;

    public EmulatorState(EmulatorOptions options)
    {
        Options = options;
        WebhookSettings.DefineAll(Settings);
        LivechatSettings.DefineAll(Settings, options);
        WidgetSettings.DefineAll(Settings);
        SsrfSettings.DefineAll(Settings, options.SsrfAllowlist);
        TwoFactorSettings.DefineAll(Settings, options);
        Webhooks = new WebhookDispatcher(this, new WebhookSender(Settings, options.TimeProvider));
        QueuePositions = new QueuePositionDispatcher(this);
    }

    public EmulatorOptions Options { get; }

    /// <summary>The server settings (settings/:_id), each feature defining its own ids.</summary>
    public SettingsRegistry Settings { get; } = new();

    /// <summary>Sends livechat webhooks; the services call it inside <see cref="Gate"/> after each change it reports.</summary>
    public WebhookDispatcher Webhooks { get; }

    /// <summary>Tells queued visitors their place (waiting queue); the services call it inside <see cref="Gate"/>.</summary>
    public QueuePositionDispatcher QueuePositions { get; }

    public Lock Gate { get; } = new();

    /// <summary>Announces state changes (streams, webhooks); raised by the services while they hold <see cref="Gate"/>.</summary>
    public EmulatorEventBus Events { get; } = new();

    public Dictionary<string, UserRecord> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>Login tokens to user ids (Rocket.Chat stores them hashed in <c>services.resume.loginTokens</c>).</summary>
    public Dictionary<string, string> LoginTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Login tokens whose two-factor check is remembered (<c>twoFactorAuthorizedUntil</c> and
    /// <c>twoFactorAuthorizedHash</c> of the token): until when, and for which client fingerprint.
    /// </summary>
    public Dictionary<string, (DateTimeOffset Until, string Fingerprint)> TwoFactorAuthorizations { get; } = new(StringComparer.Ordinal);

    /// <summary>The emails "sent" so far (two-factor codes), oldest first.</summary>
    public List<EmulatorEmail> SentEmails { get; } = [];

    public VisitorTable Visitors { get; } = new();

    public RoomTable Rooms { get; } = new();

    /// <summary>Each room's messages in insertion order, which is also timestamp order.</summary>
    public Dictionary<string, List<MessageRecord>> Messages { get; } = new(StringComparer.Ordinal);

    /// <summary>Every stored message id, standing in for the unique index on <c>_id</c>.</summary>
    public HashSet<string> MessageIds { get; } = new(StringComparer.Ordinal);

    public InquiryTable Inquiries { get; } = new();

    public Dictionary<string, DepartmentRecord> Departments { get; } = new(StringComparer.Ordinal);

    /// <summary>Each department's agents by agent id.</summary>
    public Dictionary<string, Dictionary<string, DepartmentAgentRecord>> DepartmentAgents { get; } = new(StringComparer.Ordinal);

    /// <summary>LivechatDepartment.findOneByIdOrName: by id first, then by exact name.</summary>
    public DepartmentRecord? FindDepartmentByIdOrName(string idOrName) =>
        Departments.GetValueOrDefault(idOrName)
        ?? Departments.Values.FirstOrDefault(department => string.Equals(department.Name, idOrName, StringComparison.Ordinal));

    /// <summary>The ids of the departments <paramref name="agentId"/> belongs to (enabled ones only, when asked).</summary>
    public IEnumerable<string> DepartmentsOfAgent(string agentId, bool enabledOnly = false) => DepartmentAgents
        .Where(entry => entry.Value.ContainsKey(agentId) && (!enabledOnly || Departments[entry.Key].Enabled))
        .Select(entry => entry.Key);

    /// <summary>
    /// The current time at millisecond precision: what a JavaScript Date (and the ISO strings on the wire) can
    /// hold, so a timestamp read back from a response compares equal to the stored one.
    /// </summary>
    public DateTimeOffset Now
    {
        get
        {
            DateTimeOffset now = Options.TimeProvider.GetUtcNow();
            return DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>The next <c>guest-N</c> username (LivechatVisitors.getNextVisitorUsername).</summary>
    public string NextGuestUsername() => $"guest-{++_guestCounter}";

    public UserRecord? FindUserByUsername(string username) =>
        Users.Values.FirstOrDefault(user => string.Equals(user.Username, username, StringComparison.Ordinal));

    public UserRecord? FindUserByEmail(string email) =>
        Users.Values.FirstOrDefault(user => string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase));

    public VisitorRecord? FindVisitorByToken(string token) =>
        Visitors.FindByToken(token);

    public RoomRecord? FindOpenRoomOfVisitor(string token) =>
        Rooms.FindOpenByVisitorToken(token);

    /// <summary>LivechatRooms.findOneByIdAndVisitorToken: the room, open or closed, if it belongs to the visitor.</summary>
    public RoomRecord? FindRoomOfVisitor(string roomId, string token) =>
        Rooms.TryGetValue(roomId, out RoomRecord? room) && string.Equals(room.Visitor.Token, token, StringComparison.Ordinal) ? room : null;

    public InquiryRecord? FindInquiryByRoom(string roomId) =>
        Inquiries.FindByRoom(roomId);

    public void AddMessage(MessageRecord message)
    {
        if (!Messages.TryGetValue(message.RoomId, out List<MessageRecord>? list))
        {
            list = [];
            Messages[message.RoomId] = list;
        }

        list.Add(message);
        MessageIds.Add(message.Id);
        Events.MessageSaved(message);
    }
}
