using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Livechat.Tests;

/// <summary>
/// Every 200 example in Rocket.Chat's official omnichannel.yaml for the operations we cover, served over HTTP,
/// deserializes through the generated client.
/// </summary>
public sealed class OfficialExampleTests
{
    private static readonly Dictionary<string, Func<LivechatClient, Task>> s_calls = new()
    {
        ["POST /api/v1/livechat/visitor"] = c => c.Visitors.RegisterVisitorAsync(new RegisterVisitorRequest { Visitor = new VisitorInput { Token = "t" } }),
        ["GET /api/v1/livechat/visitor/{token}"] = c => c.Visitors.GetVisitorAsync("t"),
        ["DELETE /api/v1/livechat/visitor/{token}"] = c => c.Visitors.DeleteVisitorAsync("t"),
        ["GET /api/v1/livechat/room"] = c => c.Rooms.GetOrCreateRoomAsync("t"),
        ["GET /api/v1/livechat/rooms"] = c => c.Rooms.ListRoomsAsync(),
        ["POST /api/v1/livechat/room.close"] = c => c.Rooms.CloseRoomAsVisitorAsync(new CloseRoomAsVisitorRequest { RoomId = "r", Token = "t" }),
        ["POST /api/v1/livechat/room.closeByUser"] = c => c.Rooms.CloseRoomAsync(new CloseRoomRequest { RoomId = "r" }),
        ["POST /api/v1/livechat/room.forward"] = c => c.Rooms.ForwardRoomAsync(new ForwardRoomRequest { RoomId = "r" }),
        ["POST /api/v1/livechat/message"] = c => c.Messages.SendMessageAsync(new SendMessageRequest { Token = "t", RoomId = "r", Text = "m" }),
        ["GET /api/v1/livechat/messages.history/{rid}"] = c => c.Messages.GetMessageHistoryAsync("r", "t"),
        ["GET /api/v1/livechat/inquiries.list"] = c => c.Inquiries.ListInquiriesAsync(),
        ["POST /api/v1/livechat/inquiries.take"] = c => c.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = "i" }),
        ["GET /api/v1/livechat/inquiries.getOne"] = c => c.Inquiries.GetInquiryAsync("r"),
        ["GET /api/v1/livechat/inquiries.queuedForUser"] = c => c.Inquiries.ListQueuedInquiriesForUserAsync(),
        ["GET /api/v1/livechat/users/{type}"] = c => c.Users.ListLivechatUsersAsync(LivechatUserType.Agent),
        ["POST /api/v1/livechat/users/{type}"] = c => c.Users.AddLivechatUserAsync(LivechatUserType.Agent, new AddLivechatUserRequest { Username = "u" }),
        ["GET /api/v1/livechat/users/{type}/{_id}"] = c => c.Users.GetLivechatUserAsync(LivechatUserType.Agent, "u"),
        ["DELETE /api/v1/livechat/users/{type}/{_id}"] = c => c.Users.RemoveLivechatUserAsync(LivechatUserType.Agent, "u"),
        ["POST /api/v1/livechat/agent.status"] = c => c.Users.SetAgentStatusAsync(new SetAgentStatusRequest()),
    };

    public static TheoryData<string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string>();
        foreach ((string operation, string name, string json) in LoadExamples())
        {
            data.Add(operation, name, json);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Official_200_example_deserializes(string operation, string exampleName, string json)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync();
        server.Respond(CannedResponse.Json(json));
        LivechatClient client = server.CreateClient();

        Exception? failure = await Record.ExceptionAsync(() => s_calls[operation](client));

        Assert.True(failure is null, $"{operation} / {exampleName}: {failure?.Message}");
    }

    [Fact]
    public void Every_covered_operation_has_an_official_example()
    {
        var covered = LoadExamples().Select(e => e.Operation).ToHashSet();
        Assert.Equal(s_calls.Keys.Order(), covered.Order());
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
