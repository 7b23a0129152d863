using System.Collections.Concurrent;
using RocketChat.Contracts.Runtime;
using RocketChat.Livechat.Emulator.Tests.Infrastructure;

namespace RocketChat.Livechat.Emulator.Tests;

/// <summary>Many visitors and racing agents at once: nothing is lost and every inquiry is taken exactly once.</summary>
public sealed class ConcurrencyTests
{
    private const int VisitorCount = 200;
    private const int MessagesPerVisitor = 3;

    [Fact]
    public async Task Two_hundred_parallel_visitors_keep_every_message_and_racing_agents_take_each_inquiry_once()
    {
        await using var server = await EmulatorHarness.StartAsync();
        LivechatClient visitors = server.Anonymous;

        (Visitor Visitor, LivechatRoom Room, string[] Texts)[] chats = await Task.WhenAll(Enumerable.Range(0, VisitorCount).Select(async i =>
        {
            Visitor visitor = await server.RegisterVisitorAsync(token: $"load-{i}", name: $"Visitor {i}");
            LivechatRoom room = (await visitors.Rooms.GetOrCreateRoomAsync(visitor.Token)).Room;
            string[] texts = Enumerable.Range(0, MessagesPerVisitor).Select(m => $"visitor {i} message {m}").ToArray();
            foreach (string text in texts)
            {
                await visitors.Messages.SendMessageAsync(new SendMessageRequest { Token = visitor.Token, RoomId = room.Id, Text = text });
            }

            return (visitor, room, texts);
        }));

        Assert.Equal(VisitorCount, chats.Select(chat => chat.Room.Id).Distinct().Count());
        await Task.WhenAll(chats.Select(async chat =>
        {
            GetMessageHistoryResponse history = await visitors.Messages.GetMessageHistoryAsync(chat.Room.Id, chat.Visitor.Token);
            Assert.Equal(chat.Texts.Reverse().Append(string.Empty), history.Messages.Select(message => message.Text));
        }));

        LivechatClient manager = await server.ClientAsync("manager");
        List<Inquiry> queued = [];
        await foreach (Inquiry inquiry in manager.Inquiries.EnumerateInquiriesAsync(pageSize: 100))
        {
            queued.Add(inquiry);
        }

        Assert.Equal(chats.Select(chat => chat.Room.Id).Order(), queued.Select(inquiry => inquiry.RoomId!).Order());

        var winners = new ConcurrentDictionary<string, string>();
        var losses = new ConcurrentBag<string?>();
        await Task.WhenAll(new[] { "agent.one", "agent.two" }.Select(async (agentName, index) =>
        {
            LivechatClient agent = await server.ClientAsync(agentName);
            IEnumerable<Inquiry> order = index == 0 ? queued : Enumerable.Reverse(queued);
            await Parallel.ForEachAsync(order, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (inquiry, cancellationToken) =>
            {
                try
                {
                    await agent.Inquiries.TakeInquiryAsync(new TakeInquiryRequest { InquiryId = inquiry.Id }, cancellationToken);
                    Assert.True(winners.TryAdd(inquiry.Id, agentName), $"Inquiry {inquiry.Id} was taken twice.");
                }
                catch (RocketChatApiException error)
                {
                    losses.Add(error.ErrorCode);
                }
            });
        }));

        Assert.Equal(VisitorCount, winners.Count);
        Assert.Equal(VisitorCount, losses.Count);
        Assert.All(losses, code => Assert.Equal("error-inquiry-taken", code));

        Dictionary<string, string> agentIds = new()
        {
            ["agent.one"] = await server.UserIdAsync("agent.one"),
            ["agent.two"] = await server.UserIdAsync("agent.two"),
        };
        ListRoomsResponse rooms = await manager.Rooms.ListRoomsAsync(count: 0);
        Assert.Equal(VisitorCount, rooms.Rooms.Count);
        foreach (Inquiry inquiry in queued)
        {
            Assert.Equal(agentIds[winners[inquiry.Id]], rooms.Rooms.Single(room => room.Id == inquiry.RoomId).ServedBy?.Id);
        }

        Assert.Empty((await manager.Inquiries.ListInquiriesAsync()).Inquiries);
    }
}
