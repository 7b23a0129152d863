using RocketChat.Contracts.Benchmarks.HandWritten;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat;
using NSwagLivechatClient = RocketChat.Livechat.NSwag.NSwagLivechatClient;

namespace RocketChat.Contracts.Benchmarks;

/// <summary>
/// The three clients over one in-memory handler, and the same four calls made through each with the same
/// arguments. Requests are built once here, so the benchmarks measure the client, not the caller's object creation.
/// </summary>
public sealed class Contenders
{
    public static readonly Uri Server = new("http://rc.local/");

    public Contenders()
        : this(Payloads.Instance)
    {
    }

    public Contenders(Payloads payloads)
    {
        Handler = new CannedResponseHandler(payloads);

        // a. Ours, exactly as the brief gives it.
        Generated = new LivechatClient(new RocketChatConnection(
            new HttpClient(Handler, disposeHandler: false), Server, new StaticCredentialProvider(new RocketChatCredentials("u", "t"))));

        // b. The hand-written floor.
        HandWritten = new HandWrittenLivechatClient(new HttpClient(Handler, disposeHandler: false), Server, "u", "t");

        // c. NSwag: auth through the HttpClient's default headers (NSwag has no credential hook of its own).
        var nswagHttp = new HttpClient(Handler, disposeHandler: false);
        nswagHttp.DefaultRequestHeaders.TryAddWithoutValidation("X-User-Id", "u");
        nswagHttp.DefaultRequestHeaders.TryAddWithoutValidation("X-Auth-Token", "t");
        NSwag = new NSwagLivechatClient(nswagHttp) { BaseUrl = Server.AbsoluteUri };

        GeneratedRegister = new RegisterVisitorRequest
        {
            Visitor = new VisitorInput
            {
                Token = Payloads.VisitorToken,
                Name = "Maria Silva",
                Email = "maria.silva@example.com",
                Phone = "+5551999990000",
                Department = Payloads.DepartmentId,
                CustomFields = [new CustomFieldInput { Key = "address", Value = "Rua das Flores 100", Overwrite = true }],
            },
        };
        HandRegister = new RegisterVisitorRequestDto
        {
            Visitor = new VisitorInputDto
            {
                Token = Payloads.VisitorToken,
                Name = "Maria Silva",
                Email = "maria.silva@example.com",
                Phone = "+5551999990000",
                Department = Payloads.DepartmentId,
                CustomFields = [new CustomFieldInputDto { Key = "address", Value = "Rua das Flores 100", Overwrite = true }],
            },
        };
        NSwagRegister = new RocketChat.Livechat.NSwag.RegisterVisitorRequest
        {
            Visitor = new RocketChat.Livechat.NSwag.VisitorInput
            {
                Token = Payloads.VisitorToken,
                Name = "Maria Silva",
                Email = "maria.silva@example.com",
                Phone = "+5551999990000",
                Department = Payloads.DepartmentId,
                CustomFields = [new RocketChat.Livechat.NSwag.CustomFieldInput { Key = "address", Value = "Rua das Flores 100", Overwrite = true }],
            },
        };

        GeneratedMessage = new SendMessageRequest { Token = Payloads.VisitorToken, RoomId = Payloads.RoomId, Text = MessageText };
        HandMessage = new SendMessageRequestDto { Token = Payloads.VisitorToken, RoomId = Payloads.RoomId, Text = MessageText };
        NSwagMessage = new RocketChat.Livechat.NSwag.SendMessageRequest { Token = Payloads.VisitorToken, Rid = Payloads.RoomId, Msg = MessageText };
    }

    public const string MessageText = "Hi, I was charged twice this month.";

    /// <summary>The rooms page query: department, open only, first page of 50, newest first.</summary>
    public static readonly Dictionary<string, int> Sort = new() { ["ts"] = -1 };

    /// <summary>NSwag types JSON-content query parameters as object and formats them with ToString, so its users pass the JSON text.</summary>
    public const string SortJson = """{"ts":-1}""";

    public CannedResponseHandler Handler { get; }

    public LivechatClient Generated { get; }

    public HandWrittenLivechatClient HandWritten { get; }

    public NSwagLivechatClient NSwag { get; }

    public RegisterVisitorRequest GeneratedRegister { get; }

    public RegisterVisitorRequestDto HandRegister { get; }

    public RocketChat.Livechat.NSwag.RegisterVisitorRequest NSwagRegister { get; }

    public SendMessageRequest GeneratedMessage { get; }

    public SendMessageRequestDto HandMessage { get; }

    public RocketChat.Livechat.NSwag.SendMessageRequest NSwagMessage { get; }

    // ---- the calls, one place, so the benchmarks and the cross-check make exactly the same ones ----

    public Task<RegisterVisitorResponse> RegisterGenerated() => Generated.Visitors.RegisterVisitorAsync(GeneratedRegister);

    public Task<RegisterVisitorResponseDto> RegisterHand() => HandWritten.RegisterVisitorAsync(HandRegister);

    public Task<RocketChat.Livechat.NSwag.RegisterVisitorResponse> RegisterNSwag() => NSwag.RegisterVisitorAsync(NSwagRegister);

    public Task<SendMessageResponse> SendGenerated() => Generated.Messages.SendMessageAsync(GeneratedMessage);

    public Task<SendMessageResponseDto> SendHand() => HandWritten.SendMessageAsync(HandMessage);

    public Task<RocketChat.Livechat.NSwag.SendMessageResponse> SendNSwag() => NSwag.SendMessageAsync(NSwagMessage);

    public Task<GetMessageHistoryResponse> HistoryGenerated() =>
        Generated.Messages.GetMessageHistoryAsync(Payloads.RoomId, Payloads.VisitorToken, limit: Payloads.HistoryCount);

    public Task<MessageHistoryResponseDto> HistoryHand() =>
        HandWritten.GetMessageHistoryAsync(Payloads.RoomId, Payloads.VisitorToken, limit: Payloads.HistoryCount);

    public Task<RocketChat.Livechat.NSwag.GetMessageHistoryResponse> HistoryNSwag() =>
        NSwag.GetMessageHistoryAsync(Payloads.RoomId, Payloads.VisitorToken, null, Payloads.HistoryCount, null, null);

    public Task<ListRoomsResponse> RoomsGenerated() =>
        Generated.Rooms.ListRoomsAsync(departmentId: Payloads.DepartmentId, open: true, offset: 0, count: Payloads.RoomsPageSize, sort: Sort);

    public Task<ListRoomsResponseDto> RoomsHand() =>
        HandWritten.ListRoomsAsync(Payloads.DepartmentId, true, 0, Payloads.RoomsPageSize, Sort);

    public Task<RocketChat.Livechat.NSwag.ListRoomsResponse> RoomsNSwag() =>
        NSwag.ListRoomsAsync(null, Payloads.DepartmentId, true, null, null, null, null, null, null, null, null, 0, Payloads.RoomsPageSize, SortJson, null, null);
}
