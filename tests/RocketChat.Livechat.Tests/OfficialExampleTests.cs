using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Livechat.Tests;

/// <summary>
/// Every 200 example in Rocket.Chat's official omnichannel.yaml for the operations we cover, served over HTTP,
/// reads through the generated client with every value kept. Skipped, with the reason, without ../shared.
/// </summary>
public sealed class OfficialExampleTests
{
    private static readonly Dictionary<string, Func<LivechatClient, Task<string>>> s_calls = new()
    {
        ["POST /api/v1/livechat/visitor"] = c => Read(c.Visitors.RegisterVisitorAsync(new RegisterVisitorRequest { Visitor = new VisitorInput { Token = "t" } })),
        ["GET /api/v1/livechat/visitor/{token}"] = c => Read(c.Visitors.GetVisitorAsync("t")),
        ["DELETE /api/v1/livechat/visitor/{token}"] = c => Read(c.Visitors.DeleteVisitorAsync("t")),
        ["GET /api/v1/livechat/room"] = c => Read(c.Rooms.GetOrCreateRoomAsync("t")),
        ["GET /api/v1/livechat/rooms"] = c => Read(c.Rooms.ListRoomsAsync()),
        ["POST /api/v1/livechat/room.close"] = c => Read(c.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = "r", Token = "t" })),
        ["POST /api/v1/livechat/room.closeByUser"] = c => Read(c.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = "r" })),
        ["POST /api/v1/livechat/room.forward"] = c => Read(c.Rooms.ForwardRoomAsync(new ForwardRoomRequest { RoomId = "r" })),
        ["POST /api/v1/livechat/message"] = c => Read(c.Messages.SendMessageAsync(new SendMessageRequest { Token = "t", RoomId = "r", Text = "m" })),
        ["GET /api/v1/livechat/messages.history/{rid}"] = c => Read(c.Messages.GetMessageHistoryAsync("r", "t")),
        ["GET /api/v1/livechat/inquiries.list"] = c => Read(c.Inquiries.ListInquiriesAsync()),
        ["POST /api/v1/livechat/inquiries.take"] = c => Read(c.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = "i" })),
        ["GET /api/v1/livechat/inquiries.getOne"] = c => Read(c.Inquiries.GetInquiryAsync("r")),
        ["GET /api/v1/livechat/inquiries.queuedForUser"] = c => Read(c.Inquiries.ListQueuedInquiriesForUserAsync()),
        ["GET /api/v1/livechat/users/{type}"] = c => Read(c.Users.ListLivechatUsersAsync(LivechatUserType.Agent)),
        ["POST /api/v1/livechat/users/{type}"] = c => Read(c.Users.AddLivechatUserAsync(LivechatUserType.Agent, new AddLivechatUserRequest { Username = "u" })),
        ["GET /api/v1/livechat/users/{type}/{_id}"] = c => Read(c.Users.GetLivechatUserAsync(LivechatUserType.Agent, "u")),
        ["DELETE /api/v1/livechat/users/{type}/{_id}"] = c => Read(c.Users.RemoveLivechatUserAsync(LivechatUserType.Agent, "u")),
        ["POST /api/v1/livechat/room.saveInfo"] = c => Read(c.Rooms.SaveRoomInfoAsync(new SaveRoomInfoRequest { GuestData = new SaveRoomInfoGuestData { Id = "v" }, RoomData = new SaveRoomInfoRoomData { Id = "r" } })),
        ["POST /api/v1/livechat/offline.message"] = c => Read(c.Messages.SendOfflineMessageAsync(new OfflineMessageRequest { Name = "n", Email = "e@example.com", Message = "m" })),
        ["GET /api/v1/livechat/config"] = c => Read(c.Visitors.GetLivechatConfigAsync(token: "t")),
        ["POST /api/v1/livechat/room.survey"] = c => Read(c.Rooms.SendRoomSurveyAsync(new RoomSurveyRequest { Token = "t", RoomId = "r", Answers = [new RoomSurveyAnswer { Name = "n", Value = "v" }] })),
        ["POST /api/v1/livechat/page.visited"] = c => Read(c.Visitors.SendVisitorNavigationAsync(new VisitorNavigationRequest
        {
            Token = "t",
            PageInfo = new VisitorPageInfo { Title = "t", Change = "url", Location = new VisitorPageLocation { Href = "h" } },
        })),
        ["POST /api/v1/livechat/transcript"] = c => Read(c.Rooms.SendTranscriptAsync(new SendTranscriptRequest { Token = "t", RoomId = "r", Email = "e@example.com" })),
        ["POST /api/v1/livechat/custom.field"] = c => Read(c.Visitors.SetCustomFieldAsync(new SetCustomFieldRequest { Token = "t", Key = "k", Value = "v", Overwrite = true })),
        ["POST /api/v1/livechat/custom.fields"] = c => Read(c.Visitors.SetCustomFieldsAsync(new SetCustomFieldsRequest { Token = "t", CustomFields = [] })),
        ["POST /api/v1/livechat/visitor/department.transfer"] = c => Read(c.Rooms.TransferRoomToDepartmentAsync(new TransferRoomToDepartmentRequest { Token = "t", RoomId = "r", DepartmentId = "d" })),
        ["POST /api/v1/livechat/agent.status"] = c => Read(c.Users.SetAgentStatusAsync(new SetAgentStatusRequest())),
    };

    public static TheoryData<string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string>();
        if (SharedReference.SkipReason != null)
        {
            return data;
        }

        foreach ((string operation, string name, string json) in LoadExamples())
        {
            data.Add(operation, name, json);
        }

        return data;
    }

    [SharedReferenceTheory]
    [MemberData(nameof(Examples))]
    public async Task Official_200_example_reads_with_every_value_kept(string operation, string exampleName, string json)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync();
        server.Respond(CannedResponse.Json(json));
        LivechatClient client = server.CreateClient();

        string written = await s_calls[operation](client);

        // Written back from the typed response, the example must hold every value it was sent (unknown members are
        // kept too), so a member read as a default or dropped fails here.
        using JsonDocument sent = JsonDocument.Parse(json);
        using JsonDocument back = JsonDocument.Parse(written);
        List<string> differences = JsonEquivalence.Differences(sent.RootElement, back.RootElement);
        Assert.True(differences.Count == 0, $"{operation} / {exampleName}:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
    }

    [SharedReferenceFact]
    public void Every_covered_operation_has_an_official_example()
    {
        var covered = LoadExamples().Select(e => e.Operation).ToHashSet();
        Assert.Equal(s_calls.Keys.Order(), covered.Order());
    }

    private static async Task<string> Read<T>(Task<T> call)
    {
        T response = await call;
        var typeInfo = (JsonTypeInfo<T>)LivechatJsonContext.Default.GetTypeInfo(typeof(T))!;
        return JsonSerializer.Serialize(response, typeInfo);
    }

    private static IEnumerable<(string Operation, string Name, string Json)> LoadExamples()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepoPaths.SharedReference, "openapi", "omnichannel.yaml")))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var paths = (YamlMappingNode)root.Children[new YamlScalarNode("paths")];
        foreach ((YamlNode pathKey, YamlNode pathItem) in paths.Children)
        {
            foreach ((YamlNode methodKey, YamlNode operation) in ((YamlMappingNode)pathItem).Children)
            {
                string key = ((YamlScalarNode)methodKey).Value!.ToUpperInvariant() + " " + ((YamlScalarNode)pathKey).Value;
                if (!s_calls.ContainsKey(key) || operation is not YamlMappingNode op
                    || !op.Children.TryGetValue(new YamlScalarNode("responses"), out YamlNode? responses)
                    || !((YamlMappingNode)responses).Children.TryGetValue(new YamlScalarNode("200"), out YamlNode? ok))
                {
                    continue;
                }

                YamlMappingNode okResponse = Resolve(root, (YamlMappingNode)ok);
                if (!okResponse.Children.TryGetValue(new YamlScalarNode("content"), out YamlNode? content))
                {
                    continue;
                }

                var media = (YamlMappingNode)((YamlMappingNode)content).Children[new YamlScalarNode("application/json")];
                if (media.Children.TryGetValue(new YamlScalarNode("example"), out YamlNode? example))
                {
                    yield return (key, "example", YamlToJson.Convert(example)!.ToJsonString());
                }

                if (media.Children.TryGetValue(new YamlScalarNode("examples"), out YamlNode? examples))
                {
                    foreach ((YamlNode name, YamlNode value) in ((YamlMappingNode)examples).Children)
                    {
                        YamlNode exampleValue = ((YamlMappingNode)value).Children[new YamlScalarNode("value")];
                        yield return (key, ((YamlScalarNode)name).Value!, YamlToJson.Convert(exampleValue)!.ToJsonString());
                    }
                }
            }
        }
    }

    private static YamlMappingNode Resolve(YamlMappingNode root, YamlMappingNode node)
    {
        if (node.Children.TryGetValue(new YamlScalarNode("$ref"), out YamlNode? reference))
        {
            YamlNode current = root;
            foreach (string part in ((YamlScalarNode)reference).Value!.TrimStart('#', '/').Split('/'))
            {
                current = ((YamlMappingNode)current).Children[new YamlScalarNode(part)];
            }

            return (YamlMappingNode)current;
        }

        return node;
    }
}
