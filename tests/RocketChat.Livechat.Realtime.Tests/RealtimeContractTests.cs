using System.Net.WebSockets;
using System.Reflection;
using System.Text.Json;
using RocketChat.Livechat.Realtime.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace RocketChat.Livechat.Realtime.Tests;

/// <summary>
/// contracts/livechat-realtime.asyncapi.yaml is the source of truth for stream names, event names and payload types:
/// the client's one list of names (<see cref="RealtimeStreams"/>), the REST schemas it reuses and the emulator's
/// publications must all agree with it.
/// </summary>
public sealed class RealtimeContractTests
{
    private static readonly Lazy<YamlMappingNode> s_contract = new(() => Load("livechat-realtime.asyncapi.yaml"));

    private static YamlMappingNode Channels => (YamlMappingNode)s_contract.Value["channels"];

    [Fact]
    public void The_publications_of_the_contract_are_exactly_the_clients_stream_names()
    {
        string[] inContract = Channels.Children.Values.Cast<YamlMappingNode>()
            .Where(channel => Scalar(channel, "x-ddp-kind") == "publication")
            .Select(channel => Scalar(channel, "address")!)
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        string[] inClient = typeof(RealtimeStreams).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && ((string)field.GetRawConstantValue()!).StartsWith("stream-", StringComparison.Ordinal))
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(inContract, inClient);
    }

    [Fact]
    public void The_event_names_of_the_contract_are_the_ones_the_client_builds()
    {
        Assert.Equal(Scalar(Channel("userActivity"), "x-ddp-event-name"), RealtimeStreams.UserActivityEvent("{roomId}"));
        Assert.Equal(Scalar(Channel("deleteMessage"), "x-ddp-event-name"), RealtimeStreams.DeleteMessageEvent("{roomId}"));
        Assert.Equal(Scalar(Channel("subscriptionsChanged"), "x-ddp-event-name"), RealtimeStreams.SubscriptionsChangedEvent("{userId}"));
        Assert.Equal(RealtimeStreams.LoginMethod, Scalar(Channel("login"), "address"));
        Assert.Equal(RealtimeStreams.SetUpConnectionMethod, Scalar(Channel("setUpConnection"), "address"));
        Assert.Equal(RealtimeStreams.LoadHistoryMethod, Scalar(Channel("loadHistory"), "address"));
        string[] queueKeys = ((YamlSequenceNode)Channel("inquiryQueue")["x-ddp-event-name"]).Children.Select(node => ((YamlScalarNode)node).Value!).ToArray();
        string[] clientKeys = [InquiryQueueKey.Public.EventName, InquiryQueueKey.Department("{departmentId}").EventName, InquiryQueueKey.Agent("{agentId}").EventName];
        Assert.Equal(queueKeys, clientKeys);
    }

    [Fact]
    public void The_livechat_room_event_types_of_the_contract_are_the_ones_the_client_reads()
    {
        var schemas = (YamlMappingNode)((YamlMappingNode)s_contract.Value["components"])["schemas"];
        var type = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)schemas["LivechatRoomEventPayload"])["properties"])["type"];
        string[] inContract = ((YamlSequenceNode)type["enum"]).Children.Select(node => ((YamlScalarNode)node).Value!).Order(StringComparer.Ordinal).ToArray();
        string[] inClient = typeof(RealtimeStreams.LivechatRoomEventTypes).GetFields().Select(field => (string)field.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(inContract, inClient);
    }

    [Fact]
    public void Every_reference_into_the_rest_contract_names_an_existing_schema()
    {
        var restSchemas = (YamlMappingNode)((YamlMappingNode)Load("livechat.yaml")["components"])["schemas"];
        List<string> references = [];
        CollectReferences(s_contract.Value, references);
        List<string> rest = references.Where(reference => reference.StartsWith("livechat.yaml#/components/schemas/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(rest);
        Assert.All(rest, reference => Assert.True(restSchemas.Children.ContainsKey(reference.Split('/')[^1]), $"{reference} does not exist in livechat.yaml."));
    }

    [Fact]
    public async Task The_emulator_serves_every_publication_and_method_of_the_contract()
    {
        await using RealtimeHarness harness = await RealtimeHarness.StartAsync();
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(RealtimeHarness.Timeout);
        await socket.ConnectAsync(new Uri(harness.Emulator.BaseAddress.ToString().Replace("http", "ws", StringComparison.Ordinal) + "websocket"), timeout.Token);
        await FakeDdpServer.SendAsync(socket, """{"msg":"connect","version":"1","support":["1"]}""", timeout.Token);
        await FakeDdpServer.ReceiveMessageAsync(socket, "connected", timeout.Token);

        string[] publications = Channels.Children.Values.Cast<YamlMappingNode>()
            .Where(channel => Scalar(channel, "x-ddp-kind") == "publication").Select(channel => Scalar(channel, "address")!).Distinct().ToArray();
        foreach (string publication in publications)
        {
            await FakeDdpServer.SendAsync(socket, $$"""{"msg":"sub","id":"{{publication}}","name":"{{publication}}","params":["no-such-room/x",false]}""", timeout.Token);
            JsonElement answer = await FakeDdpServer.ReceiveMessageAsync(socket, "nosub", timeout.Token);

            // Refused for lack of rights, not unknown (404): the emulator knows the publication.
            Assert.Equal("not-allowed", answer.GetProperty("error").GetProperty("error").GetString());
        }

        string[] methods = Channels.Children.Values.Cast<YamlMappingNode>()
            .Where(channel => Scalar(channel, "x-ddp-kind") == "method").Select(channel => Scalar(channel, "address")!).Distinct().ToArray();
        foreach (string method in methods)
        {
            await FakeDdpServer.SendAsync(socket, $$"""{"msg":"method","id":"{{method}}","method":"{{method}}","params":[]}""", timeout.Token);
            JsonElement answer = await FakeDdpServer.ReceiveMessageAsync(socket, "result", timeout.Token);

            // Whatever the answer to empty params (nothing, Match failed, ...), never "Method '...' not found".
            Assert.False(
                answer.TryGetProperty("error", out JsonElement error) && error.GetProperty("error").ValueKind == JsonValueKind.Number && error.GetProperty("error").GetInt32() == 404,
                $"The emulator does not serve the contract's method '{method}'.");
        }
    }

    private static YamlMappingNode Channel(string name) => (YamlMappingNode)Channels[name];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static void CollectReferences(YamlNode node, List<string> references)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach ((YamlNode key, YamlNode value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: "$ref" } && value is YamlScalarNode reference)
                    {
                        references.Add(reference.Value!);
                    }
                    else
                    {
                        CollectReferences(value, references);
                    }
                }

                break;
            case YamlSequenceNode sequence:
                foreach (YamlNode item in sequence.Children)
                {
                    CollectReferences(item, references);
                }

                break;
        }
    }

    private static YamlMappingNode Load(string fileName)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "contracts", fileName)))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(directory.FullName, "contracts", fileName)))
        {
            stream.Load(reader);
        }

        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
